"""Organisations: leave types and hidden reasons, working days and holiday regions, absences set
for someone else (and their audit), and closures.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

ID = sqlmodel.AutoString(length=32)
RESPONDER_COLUMNS = ("leave_type", "hide_reason", "set_by", "closure_id")
# The columns of 0008 that move the responder version, then the type and hidden reason, which
# change what a reply says. Who set it and its closure change no reply.
WATCHED_BEFORE = (
    "id, team_id, enterprise_id, owner_id, kind, target_id, target_label, starts_at, ends_at, "
    "tz, message, external_message, keep_digest, forward_to, target_kind, backup_id, "
    "reply_again, notify_self, announce_in, revision, deleted_at, created_at, updated_at, "
    "set_status, pause_notifications"
)
WATCHED = f"{WATCHED_BEFORE}, leave_type, hide_reason"
BUMP = (
    "INSERT INTO responder_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = responder_version.version + 1"
)


def upgrade() -> None:
    """Create the settings, audit and closure tables, and the responder's new columns."""
    op.create_table(
        "workspace_setting",
        sa.Column("team_id", ID, nullable=False),
        sa.Column("enterprise_id", ID, nullable=True),
        sa.Column("leave_types", sa.Text(), nullable=False, server_default=""),
        sa.Column("hide_reasons", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("week", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("region", sqlmodel.AutoString(length=16), nullable=True),
        sa.Column("admin_group_id", ID, nullable=True),
        sa.Column("admin_group_label", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("updated_by", ID, nullable=True),
        sa.Column("updated_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id"),
    )
    op.create_table(
        "person_setting",
        sa.Column("team_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("week", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("region", sqlmodel.AutoString(length=16), nullable=True),
        sa.Column("updated_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", ID, nullable=False),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("subject_id", ID, nullable=False),
        sa.Column("action", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("responder_id", sa.Integer(), nullable=True),
        sa.Column("closure_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_entry_subject", "audit_entry", ["team_id", "subject_id", "at"])
    op.create_index("ix_audit_entry_actor", "audit_entry", ["team_id", "actor_id", "at"])
    op.create_table(
        "closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", ID, nullable=False),
        sa.Column("enterprise_id", ID, nullable=True),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("scope", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("target_id", ID, nullable=True),
        sa.Column("target_label", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False, server_default=""),
        sa.Column("locale", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("applied_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("ended_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_closure_team", "closure", ["team_id", "last_day"])
    op.create_table(
        "closure_member",
        sa.Column("closure_id", sa.Integer(), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("state", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("at", sqlmodel.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["closure_id"], ["closure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("closure_id", "user_id"),
    )
    # Added in place: rebuilding the table (batch mode) would lose SQLite's triggers.
    op.add_column(
        "responder", sa.Column("leave_type", sqlmodel.AutoString(length=48), nullable=True)
    )
    op.add_column("responder", sa.Column("hide_reason", sa.Boolean(), nullable=True))
    op.add_column("responder", sa.Column("set_by", ID, nullable=True))
    op.add_column("responder", sa.Column("closure_id", sa.Integer(), nullable=True))
    op.create_index("ix_responder_closure_id", "responder", ["closure_id"])
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
    _watch(WATCHED_BEFORE)
    op.drop_index("ix_responder_closure_id", table_name="responder")
    for name in reversed(RESPONDER_COLUMNS):
        op.drop_column("responder", name)
    op.drop_table("closure_member")
    op.drop_index("ix_closure_team", table_name="closure")
    op.drop_table("closure")
    op.drop_index("ix_audit_entry_actor", table_name="audit_entry")
    op.drop_index("ix_audit_entry_subject", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_table("person_setting")
    op.drop_table("workspace_setting")
