"""Responders table.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the responder table and its workspace-scoped indexes."""
    op.create_table(
        "responder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("owner_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("kind", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("target_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("target_label", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("starts_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("ends_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("tz", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("message", sqlmodel.AutoString(length=3000), nullable=False),
        sa.Column("external_message", sqlmodel.AutoString(length=3000), nullable=True),
        sa.Column("keep_digest", sa.Boolean(), nullable=False),
        sa.Column("forward_to", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_responder_team_id", "responder", ["team_id"])
    op.create_index("ix_responder_owner_id", "responder", ["owner_id"])


def downgrade() -> None:
    """Drop the responder table."""
    op.drop_index("ix_responder_owner_id", table_name="responder")
    op.drop_index("ix_responder_team_id", table_name="responder")
    op.drop_table("responder")
