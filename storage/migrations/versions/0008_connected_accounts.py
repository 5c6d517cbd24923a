"""Connected accounts (people's own user tokens, sealed) and the steps that act as them.

The status and snooze choices are watched by the responder version of 0007 (they change what
a replica's copy holds); the saved status is bookkeeping, as dm_ts is.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WATCHED_BEFORE = (
    "id, team_id, enterprise_id, owner_id, kind, target_id, target_label, starts_at, ends_at, "
    "tz, message, external_message, keep_digest, forward_to, target_kind, backup_id, "
    "reply_again, notify_self, announce_in, revision, deleted_at, created_at, updated_at"
)
WATCHED = f"{WATCHED_BEFORE}, set_status, pause_notifications"
BUMP = (
    "INSERT INTO responder_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = responder_version.version + 1"
)


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
    _watch(WATCHED)


def _watch(columns: str) -> None:
    """Bump the responder version on updates of exactly these columns."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER responder_changed ON responder")
        op.execute(
            f"CREATE TRIGGER responder_changed BEFORE INSERT OR DELETE OR UPDATE OF {columns} "
            "ON responder FOR EACH STATEMENT EXECUTE FUNCTION responder_changed()"
        )
        return
    for name, when in (
        ("insert", "INSERT"),
        ("delete", "DELETE"),
        ("update", f"UPDATE OF {columns}"),
    ):
        op.execute(f"DROP TRIGGER IF EXISTS responder_changed_{name}")
        op.execute(
            f"CREATE TRIGGER responder_changed_{name} AFTER {when} ON responder BEGIN {BUMP}; END"
        )


def downgrade() -> None:
    """Drop them."""
    # PostgreSQL will not drop a column a trigger watches.
    _watch(WATCHED_BEFORE)
    with op.batch_alter_table("responder") as batch:
        for name in ("saved_status", "pause_notifications", "set_status"):
            batch.drop_column(name)
    # SQLite rebuilds the table to drop columns, and its triggers go with it.
    _watch(WATCHED_BEFORE)
    op.drop_table("connected_account")
