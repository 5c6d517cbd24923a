"""Published calendar feeds of absences: a person's own, or a channel's or user group's.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the published_feed table."""
    op.create_table(
        "published_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("owner_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("kind", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("target_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("target_label", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("target_private", sa.Boolean(), nullable=False),
        sa.Column("locale", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("token_hash", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("sealed_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("body_hash", sqlmodel.AutoString(length=64), nullable=True),
        sa.Column("changed_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("last_read_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_published_feed_team_owner", "published_feed", ["team_id", "owner_id"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_published_feed_team_owner", table_name="published_feed")
    op.drop_table("published_feed")
