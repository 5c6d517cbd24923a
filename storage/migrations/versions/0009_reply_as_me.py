"""Direct messages answered in the conversation as the owner, a choice of each responder.

Only the reply reads it, from the database as it goes out: the responder version need not
watch it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the responder's reply_as_me column."""
    op.add_column(
        "responder",
        sa.Column("reply_as_me", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Drop it, in place: rebuilding the table (batch mode) would lose SQLite's triggers."""
    op.drop_column("responder", "reply_as_me")
