"""Replies at speed: a version that every change of a responder bumps, and open effects indexed.

The version lets each replica keep the responders in memory and still see another replica's
edit at the next message. Triggers bump it, so no writer (ORM, Core, another replica, a person
at a SQL prompt) can forget to; the scheduler's and the confirmation DM's bookkeeping columns
are left out, as they change often and never change who is answered.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Every responder column but applied, due_at, dm_channel and dm_ts (see tests/storage).
WATCHED = (
    "id, team_id, enterprise_id, owner_id, kind, target_id, target_label, starts_at, ends_at, "
    "tz, message, external_message, keep_digest, forward_to, target_kind, backup_id, "
    "reply_again, notify_self, announce_in, revision, deleted_at, created_at, updated_at"
)
# An upsert: the row comes back by itself if anything (a test's TRUNCATE) removed it.
BUMP = (
    "INSERT INTO responder_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = responder_version.version + 1"
)


def upgrade() -> None:
    """Add the version, its triggers, and the index the outbox's claim reads."""
    op.create_table(
        "responder_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_trigger()
    else:
        for name, when in (
            ("insert", "INSERT"),
            ("delete", "DELETE"),
            ("update", f"UPDATE OF {WATCHED}"),
        ):
            op.execute(
                f"CREATE TRIGGER responder_changed_{name} AFTER {when} ON responder "
                f"BEGIN {BUMP}; END"
            )
    # Sent effects stay behind: ordered by next_attempt_at alone, each claim read all of them.
    op.drop_index("ix_effect_next_attempt_at", table_name="effect")
    op.create_index("ix_effect_due", "effect", ["status", "next_attempt_at"])


def _postgresql_trigger() -> None:
    """One bump per statement, taken before the statement locks any responder row.

    Writers then always lock the version first, so two of them never wait for each other
    in a circle.
    """
    op.execute(
        "CREATE FUNCTION responder_changed() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER responder_changed BEFORE INSERT OR DELETE OR UPDATE OF {WATCHED} "
        "ON responder FOR EACH STATEMENT EXECUTE FUNCTION responder_changed()"
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_index("ix_effect_due", table_name="effect")
    op.create_index("ix_effect_next_attempt_at", "effect", ["next_attempt_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER responder_changed ON responder")
        op.execute("DROP FUNCTION responder_changed()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER responder_changed_{name}")
    op.drop_table("responder_version")
