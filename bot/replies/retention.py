"""Forgetting: mentions, reminders and event ids go after the retention period.

A purge is an effect, once a day per workspace that had mentions, so one replica runs it.
"""

from datetime import datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from bot.outbox.delivery import Deliverers, Delivery
from storage import reply_queries
from storage.db import session_scope
from storage.effects_queries import NewEffect

# Not an EffectKind: a sweep of the scheduler is to replace it; delivered meanwhile.
PURGE = "reply_purge"


def todays_purge(*, workspace: Workspace, now: datetime, days: int) -> NewEffect:
    """Today's purge, to enqueue with other effects (its key makes it once a day)."""
    return NewEffect(f"{PURGE}:{now.date().isoformat()}", PURGE, {"days": days}, workspace)


def purge(engine: Engine, *, now: datetime, days: int) -> int:
    """Forget what is older than `days`; returns the rows removed."""
    with session_scope(engine) as session:
        return reply_queries.purge(session, before=now - timedelta(days=days))


def purge_old(client: WebClient, delivery: Delivery) -> str:
    """Run the day's purge."""
    removed = purge(delivery.engine, now=delivery.now, days=int(delivery.payload["days"]))
    return f"{removed} rows removed"


DELIVERERS: Deliverers = {PURGE: purge_old}
