"""Installations in any number of workspaces, OAuth states, and people Slack deactivated.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the installation, OAuth state and departure tables."""
    op.create_table(
        "departure",
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("departed_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )
    op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.AutoString(length=48), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("app_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("team_name", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("enterprise_name", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("enterprise_url", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("bot_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("bot_user_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("bot_scopes", sqlmodel.AutoString(length=1000), nullable=False),
        sa.Column("bot_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("bot_refresh_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("bot_token_expires_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("installer_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("user_scopes", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("user_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("user_refresh_token", sqlmodel.AutoString(length=1000), nullable=True),
        sa.Column("user_token_expires_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("installed_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("installation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_installation_enterprise_id"), ["enterprise_id"], unique=False
        )

    op.create_table(
        "oauthstate",
        sa.Column("digest", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("expires_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("oauthstate")
    with op.batch_alter_table("installation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_installation_enterprise_id"))

    op.drop_table("installation")
    op.drop_table("departure")
