"""Forgetting: an absence and all ooo kept about it go a retention period after it ends, swept
hourly; event ids go a retention period after they came."""

from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.scheduler import Sweep
from storage import retention_queries
from storage.db import session_scope

EVERY = timedelta(hours=1)


def purge(engine: Engine, *, now: datetime, days: int) -> int:
    """Forget what is older than `days`; returns the rows removed."""
    with session_scope(engine) as session:
        return retention_queries.purge(session, before=now - timedelta(days=days))


def sweep(days: int) -> Sweep:
    """The hourly purge of the absences over for longer than `days`."""

    def run(engine: Engine, now: datetime) -> int:
        return purge(engine, now=now, days=days)

    return Sweep("reply_retention", run, every=EVERY)
