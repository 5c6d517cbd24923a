"""Forgetting: mentions, reminders and event ids go after the retention period, swept hourly."""

from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.scheduler import Sweep
from storage import reply_queries
from storage.db import session_scope

EVERY = timedelta(hours=1)


def purge(engine: Engine, *, now: datetime, days: int) -> int:
    """Forget what is older than `days`; returns the rows removed."""
    with session_scope(engine) as session:
        return reply_queries.purge(session, before=now - timedelta(days=days))


def sweep(days: int) -> Sweep:
    """The hourly purge of what replies kept longer than `days`."""

    def run(engine: Engine, now: datetime) -> int:
        return purge(engine, now=now, days=days)

    return Sweep("reply_retention", run, every=EVERY)
