"""Saved teams, team digests, and the index team views read responders by.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the saved team and team digest tables, and index responders by owner and time."""
    op.create_table(
        "savedteam",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("user_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("target_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("target_label", sqlmodel.AutoString(length=255), nullable=False),
        sa.Column("coverage", sa.Integer(), nullable=False),
        sa.Column("tz", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("updated_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id"),
    )
    op.create_table(
        "teamdigest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("owner_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("channel_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("target_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("target_label", sqlmodel.AutoString(length=255), nullable=False),
        sa.Column("at", sqlmodel.AutoString(length=5), nullable=False),
        sa.Column("tz", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("cadence", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("coverage", sa.Integer(), nullable=False),
        sa.Column("next_post_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "channel_id", "target_id"),
    )
    op.create_index("ix_teamdigest_owner_id", "teamdigest", ["owner_id"])
    op.create_index("ix_teamdigest_next_post_at", "teamdigest", ["next_post_at"])
    op.create_index(
        "ix_responder_team_owner_start", "responder", ["team_id", "owner_id", "starts_at"]
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_index("ix_responder_team_owner_start", table_name="responder")
    op.drop_index("ix_teamdigest_next_post_at", table_name="teamdigest")
    op.drop_index("ix_teamdigest_owner_id", table_name="teamdigest")
    op.drop_table("teamdigest")
    op.drop_table("savedteam")
