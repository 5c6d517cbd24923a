"""The refresh sweep: due feeds claimed by a compare-and-set, then read a few at a time, each on
its own, so a slow or failing feed never holds up the others or the scheduler for long."""

import logging
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.accounts.vault import Vault
from bot.calendars.connected.refresh import Reader, refresh_feed
from bot.config import DatabaseSettings, Settings, calendar_hosts
from bot.core.calendar_sync import CLAIM
from bot.scheduler import Sweep
from storage import calendar_queries
from storage.db import begin_writing, session_scope
from storage.models import CalendarFeed

logger = logging.getLogger(__name__)
CALENDARS = "calendars"
# Feeds taken per pass, read by this many threads; a pass waits for them this long at most
# (the reads left finish on their own, their feeds still claimed).
BATCH = 20
WORKERS = 4
PASS_SECONDS = 10.0


def reader_from(settings: DatabaseSettings) -> Reader | None:
    """How this server reads feeds; None without OOO_ENCRYPTION_KEY (no feed is stored then)."""
    if not isinstance(settings, Settings) or not settings.ooo_encryption_key:
        return None
    return Reader(
        vault=Vault(settings.ooo_encryption_key),
        allow_hosts=calendar_hosts(settings.ooo_calendar_allow_hosts),
        horizon_days=settings.ooo_calendar_horizon_days,
        every=timedelta(seconds=settings.ooo_calendar_refresh_seconds),
    )


def claim_due(engine: Engine, *, now: datetime, limit: int) -> list[CalendarFeed]:
    """Take the feeds due at `now`: each moved on by CLAIM, only where nobody moved it first."""
    with session_scope(engine) as session:
        begin_writing(session, "claim_due")
        due = calendar_queries.due_feeds(session, now=now, limit=limit)
        return [
            feed
            for feed in due
            if feed.id is not None
            and calendar_queries.claim_feed(
                session, feed_id=feed.id, was=feed.due_at, to=now + CLAIM
            )
        ]


class RefreshSweep:
    """Reads due feeds on a small pool of its own."""

    def __init__(
        self,
        reader: Reader | None,
        *,
        batch: int = BATCH,
        workers: int = WORKERS,
        budget: float = PASS_SECONDS,
    ) -> None:
        self.reader, self._batch, self._budget = reader, batch, budget
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ooo-calendars")

    def run(self, engine: Engine, now: datetime) -> int:
        """Read the feeds due at `now`; says how many were taken."""
        if self.reader is None:
            return 0
        claimed = claim_due(engine, now=now, limit=self._batch)
        reads = [self._pool.submit(self._read, engine, self.reader, f, now) for f in claimed]
        wait(reads, timeout=self._budget)
        return len(claimed)

    @staticmethod
    def _read(engine: Engine, reader: Reader, feed: CalendarFeed, now: datetime) -> None:
        """Read one feed; whatever goes wrong stays with it (tried again once its claim ends)."""
        try:
            refresh_feed(engine, reader, feed, now=now)
        except Exception:
            logger.exception("calendar %s (%s): reading it failed", feed.id, feed.hint)

    def close(self) -> None:
        """Let the reads under way finish, and stop the pool."""
        self._pool.shutdown(wait=True)

    def sweep(self) -> Sweep:
        """The scheduler's view of it: due by the feeds' due times, when feeds can be read."""
        due = calendar_queries.next_feed_due if self.reader is not None else None
        return Sweep(CALENDARS, self.run, next_due=due, close=self.close)
