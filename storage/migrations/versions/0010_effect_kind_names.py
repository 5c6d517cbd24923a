"""Effect kinds named one way, `area.verb`; keys keep the old names, so nothing is sent twice.

The retention purge is a sweep of the scheduler now, no longer an effect: purges still queued
are dropped (the sweep runs within the hour).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Written out, not read from the app: a migration must keep meaning what it meant.
RENAMED = {
    "home": "home.refresh",
    "lifecycle.on": "responder.on",
    "lifecycle.remind": "responder.remind",
    "lifecycle.off": "responder.off",
    "lifecycle.announce": "responder.announce",
    "away.status_set": "status.set",
    "away.status_refresh": "status.refresh",
    "away.status_restore": "status.restore",
    "away.snooze": "snooze.start",
    "away.snooze_renew": "snooze.renew",
    "away.snooze_end": "snooze.end",
    "reply": "reply.private",
    "reply_forward": "reply.forward",
    "reply_backup": "reply.backup",
    "reply_nudge": "reply.nudge",
    "reply_back": "reply.back",
    "reply_remind": "reply.remind",
    "reply_digest": "reply.digest",
    "team_digest": "team_digest.post",
    "message": "message.post",
}
# Kinds that came with the new names: the older code can't deliver them.
NEW = ("responder.saved", "responder.deleted")
# The purge that is a sweep now; its queued runs are dropped.
PURGE = "reply_purge"
EFFECT = sa.table("effect", sa.column("kind", sa.String), sa.column("status", sa.String))


def _rename(names: dict[str, str]) -> None:
    for old, new in names.items():
        op.execute(EFFECT.update().where(EFFECT.c.kind == old).values(kind=new))


def upgrade() -> None:
    """Rename the kind of every recorded effect; drop the purges still to run."""
    queued = EFFECT.c.status.in_(("pending", "sending"))
    op.execute(EFFECT.delete().where(EFFECT.c.kind == PURGE, queued))
    _rename(RENAMED)


def downgrade() -> None:
    """Give them their old names back, and drop the confirmations the older code can't send."""
    op.execute(EFFECT.delete().where(EFFECT.c.kind.in_(NEW)))
    _rename({new: old for old, new in RENAMED.items()})
