"""People's calendar feeds read into responders, and where each responder read from one came from.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

LINK = ("calendar_id", "event_uid", "occurrence")


def upgrade() -> None:
    """Create the calendar table and the responder's link to its calendar's occurrence."""
    op.create_table(
        "calendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sqlmodel.AutoString(length=32), nullable=True),
        sa.Column("owner_id", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("url", sqlmodel.AutoString(length=4000), nullable=False),
        sa.Column("hint", sqlmodel.AutoString(length=255), nullable=False),
        sa.Column("tz", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("locale", sqlmodel.AutoString(length=16), nullable=False),
        sa.Column("marked_only", sa.Boolean(), nullable=False),
        sa.Column("message", sqlmodel.AutoString(length=3000), nullable=True),
        sa.Column("etag", sqlmodel.AutoString(length=255), nullable=True),
        sa.Column("last_modified", sqlmodel.AutoString(length=64), nullable=True),
        sa.Column("read_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("succeeded_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("overlapping", sa.Integer(), nullable=False),
        sa.Column("failing_since", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("problem", sqlmodel.AutoString(length=64), nullable=True),
        sa.Column("told_at", sqlmodel.UTCDateTime(), nullable=True),
        sa.Column("due_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.Column("created_at", sqlmodel.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "owner_id"),
    )
    op.create_index("ix_calendar_due_at", "calendar", ["due_at"])
    # Added in place: rebuilding the table (batch mode) would lose SQLite's triggers.
    op.add_column("responder", sa.Column("calendar_id", sa.Integer(), nullable=True))
    op.add_column(
        "responder", sa.Column("event_uid", sqlmodel.AutoString(length=255), nullable=True)
    )
    op.add_column(
        "responder", sa.Column("occurrence", sqlmodel.AutoString(length=64), nullable=True)
    )
    op.add_column(
        "responder",
        sa.Column("taken_over", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ux_responder_calendar_occurrence", "responder", list(LINK), unique=True)


def downgrade() -> None:
    """Drop them, in place."""
    op.drop_index("ux_responder_calendar_occurrence", table_name="responder")
    for name in ("taken_over", *reversed(LINK)):
        op.drop_column("responder", name)
    op.drop_index("ix_calendar_due_at", table_name="calendar")
    op.drop_table("calendar")
