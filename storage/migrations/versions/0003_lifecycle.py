"""Lifecycle: what each responder's scheduler applied, soft deletes, and the effects outbox.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the lifecycle columns, the transitions record and the outbox."""
    with op.batch_alter_table("responder") as batch:
        batch.add_column(
            sa.Column("notify_self", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(
            sa.Column(
                "announce_in", sqlmodel.AutoString(length=255), nullable=False, server_default=""
            )
        )
        batch.add_column(
            sa.Column("applied", sqlmodel.AutoString(length=16), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("due_at", sqlmodel.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("deleted_at", sqlmodel.UTCDateTime(), nullable=True))
        batch.create_index("ix_responder_due_at", ["due_at"])
    # Every stored responder is looked at once; the scheduler decides what, if anything, is due.
    op.execute("UPDATE responder SET due_at = starts_at")
    op.create_table(
        "transition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("responder_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("due_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("applied_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("responder_id", "name", "revision"),
    )
    op.create_index("ix_transition_responder_id", "transition", ["responder_id"])
    op.create_table(
        "effect",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.AutoString(length=255), nullable=False),
        sa.Column("kind", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("owner_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("responder_id", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("lease_until", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("last_error", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("result", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("sent_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_effect_next_attempt_at", "effect", ["next_attempt_at"])
    op.create_index("ix_effect_owner_id", "effect", ["owner_id"])
    op.create_index("ix_effect_responder_id", "effect", ["responder_id"])


def downgrade() -> None:
    """Drop the outbox and the transitions record, and the lifecycle columns."""
    op.drop_table("effect")
    op.drop_table("transition")
    with op.batch_alter_table("responder") as batch:
        batch.drop_index("ix_responder_due_at")
        for name in ("deleted_at", "due_at", "revision", "applied", "announce_in", "notify_self"):
            batch.drop_column(name)
