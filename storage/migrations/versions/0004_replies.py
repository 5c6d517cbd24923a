"""Replies: what a responder answers for, its backup and window, events seen, mentions kept.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the reply settings to responders, and the event and mention tables."""
    with op.batch_alter_table("responder") as table:
        table.add_column(sa.Column("target_kind", sqlmodel.AutoString(length=16), nullable=True))
        table.add_column(sa.Column("backup_id", sqlmodel.AutoString(length=32), nullable=True))
        table.add_column(
            sa.Column(
                "reply_again",
                sqlmodel.AutoString(length=16),
                nullable=False,
                server_default="day",
            )
        )
    # Shared responders saved before this revision were told apart by their id's first letter.
    op.execute(
        "UPDATE responder SET target_kind = CASE WHEN target_id LIKE 'S%' "
        "THEN 'usergroup' ELSE 'channel' END WHERE kind = 'shared' AND target_id IS NOT NULL"
    )
    # The hot path: a message's candidates by workspace and owner, or by group or channel.
    op.create_index("ix_responder_team_owner", "responder", ["team_id", "owner_id"])
    op.create_index("ix_responder_team_target", "responder", ["team_id", "target_id"])
    op.create_table(
        "slack_event",
        sa.Column("event_id", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("received_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_slack_event_received_at", "slack_event", ["received_at"])
    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("responder_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("channel_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("message_ts", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("thread_ts", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("outcome", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("window_key", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("permalink", sqlmodel.AutoString(length=512), nullable=True),
        sa.ForeignKeyConstraint(["responder_id"], ["responder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("responder_id", "channel_id", "message_ts"),
    )
    op.create_index(
        "ix_mention_sender", "mention", ["responder_id", "sender_id", "window_key", "at"]
    )
    op.create_index("ix_mention_outcome", "mention", ["responder_id", "outcome", "at"])
    op.create_index("ix_mention_at", "mention", ["at"])
    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("responder_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("asked_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["responder_id"], ["responder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("responder_id", "sender_id"),
    )
    op.create_index("ix_reminder_asked_at", "reminder", ["asked_at"])


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_table("reminder")
    op.drop_table("mention")
    op.drop_table("slack_event")
    op.drop_index("ix_responder_team_target", table_name="responder")
    op.drop_index("ix_responder_team_owner", table_name="responder")
    with op.batch_alter_table("responder") as table:
        for name in ("reply_again", "backup_id", "target_kind"):
            table.drop_column(name)
