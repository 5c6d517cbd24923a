"""Where a responder's confirmation DM is.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the channel and timestamp of the latest saved-confirmation DM."""
    op.add_column("responder", sa.Column("dm_channel", sqlmodel.AutoString(length=32)))
    op.add_column("responder", sa.Column("dm_ts", sqlmodel.AutoString(length=32)))


def downgrade() -> None:
    """Drop the DM columns."""
    with op.batch_alter_table("responder") as batch:
        batch.drop_column("dm_ts")
        batch.drop_column("dm_channel")
