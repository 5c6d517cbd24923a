"""When Slack last deactivated or reactivated each person, so a late retry can't undo a newer one.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the user_change table."""
    op.create_table(
        "user_change",
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("changed_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("user_change")
