"""Connected accounts (people's own user tokens, sealed) and the steps that act as them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the connected account table and the responder's status and snooze columns."""
    op.create_table(
        "connected_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("user_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("scopes", sqlmodel.AutoString(length=1000), nullable=False),
        sa.Column("token", sqlmodel.AutoString(length=1000), nullable=False),
        sa.Column("refresh_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("token_expires_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("connected_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id"),
    )
    with op.batch_alter_table("responder") as batch:
        batch.add_column(
            sa.Column("set_status", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column(
                "pause_notifications", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(sa.Column("saved_status", sqlmodel.AutoString(length=1000), nullable=True))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("responder") as batch:
        for name in ("saved_status", "pause_notifications", "set_status"):
            batch.drop_column(name)
    op.drop_table("connected_account")
