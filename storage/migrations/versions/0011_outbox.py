"""An effect remembers whether an earlier attempt may have reached Slack, so that only such a
delivery looks for its message before sending again, and when it was first attempted, so that
retries are timed rather than counted.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `effect.maybe_sent` (false for every effect recorded so far) and
    `effect.first_attempt_at`."""
    with op.batch_alter_table("effect") as batch:
        batch.add_column(
            sa.Column("maybe_sent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("first_attempt_at", sqlmodel.UTCDateTime(), nullable=True))


def downgrade() -> None:
    """Drop `effect.maybe_sent` and `effect.first_attempt_at`."""
    with op.batch_alter_table("effect") as batch:
        batch.drop_column("first_attempt_at")
        batch.drop_column("maybe_sent")
