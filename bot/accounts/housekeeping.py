"""Chores no request triggers: erasing people whose retention period is over, every hour.

Each run is idempotent, so every replica may run it; APScheduler (memory job store) only
decides when.
"""

import logging
from datetime import UTC, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine

from bot.accounts.personal_data import purge_departed
from bot.clock import Clock

logger = logging.getLogger(__name__)
EVERY = timedelta(hours=1)


def start_housekeeping(
    engine: Engine, clock: Clock, *, retention: timedelta
) -> BackgroundScheduler:
    """Purge now, then every hour until the returned scheduler is shut down."""

    def purge() -> None:
        erased = purge_departed(engine, now=clock(), retention=retention)
        if erased:
            logger.info("erased the data of %d people deactivated over %s ago", erased, retention)

    purge()
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.add_job(purge, "interval", seconds=EVERY.total_seconds(), coalesce=True)
    scheduler.start()
    return scheduler
