"""The scheduler: one pass runs every sweep the capabilities registered; APScheduler only decides
when to run a pass. The only "later" in ooo besides the outbox.

A sweep is safe to run anywhere, twice (compare-and-set, idempotency keys), so replicas, a
restart or `ooo tick` racing the app change nothing. APScheduler keeps one job in memory,
rescheduled to the earliest time a sweep falls due after each pass, plus a one-minute safety
net; a wake-up missed or repeated changes nothing.
"""

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from bot.clock import Clock
from storage.db import lock_timed_out, session_scope

logger = logging.getLogger(__name__)
SAFETY_NET_SECONDS = 60
# After a failed pass, or when what is due is held by another replica, look again this soon.
RETRY = timedelta(seconds=1)


@dataclass(frozen=True)
class Sweep:
    """Work a capability does when it falls due: by its rows' due times, or every so often."""

    name: str
    # Does what is due at `now`; says how many things it did.
    run: Callable[[Engine, datetime], int]
    # When its rows next fall due (read from the database), for sweeps driven by data.
    next_due: Callable[[Session], datetime | None] | None = None
    # How often to run a chore that no row announces (purges).
    every: timedelta | None = None
    # What stops the threads a sweep keeps, once the scheduler no longer runs it.
    close: Callable[[], None] | None = None


def tick(engine: Engine, now: datetime, sweeps: Sequence[Sweep]) -> dict[str, int]:
    """Run every sweep once at `now`; how much each did, by name."""
    return {sweep.name: sweep.run(engine, now) for sweep in sweeps}


def wake_after_pass(upcoming: datetime, *, began: datetime, now: datetime) -> datetime:
    """When to look again after a pass that began at `began`, for the earliest due time.

    Fallen due during the pass: at once. Due when it began yet left: another replica holds it,
    so in a moment rather than in a spin.
    """
    return upcoming if upcoming > began else now + RETRY


class Scheduler:
    """Runs the sweeps at the next due time, every minute as a safety net, and when nudged."""

    def __init__(self, engine: Engine, clock: Clock, sweeps: Sequence[Sweep]) -> None:
        self._engine, self._clock, self._sweeps = engine, clock, tuple(sweeps)
        # One thread: passes queue up instead of being skipped while another runs.
        self._aps = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 3, "misfire_grace_time": None},
            timezone="UTC",
        )
        self._lock = threading.Lock()
        self._wake_lock = threading.Lock()
        self._pending: datetime | None = None
        self._closing = False
        # When each periodic chore last ran in this process; every replica runs its own.
        self._last_run: dict[str, datetime] = {}

    def start(self) -> None:
        """Reconcile at once, then every minute, and at each next due time."""
        self._aps.start()
        self._aps.add_job(self.run, "interval", seconds=SAFETY_NET_SECONDS, id="safety-net")
        self.nudge()

    def nudge(self) -> None:
        """Run a pass now (something just changed what is due)."""
        self._wake_at(self._clock())

    def shutdown(self) -> None:
        """Stop waking up; a pass under way finishes (its transaction commits or rolls back)."""
        with self._wake_lock:
            self._closing = True
        if self._aps.running:
            # Emptied first: APScheduler trips over a job it is handing over while it stops.
            self._aps.remove_all_jobs()
            self._aps.shutdown(wait=True)
        for sweep in self._sweeps:
            if sweep.close is not None:
                sweep.close()

    def run(self) -> list[str]:
        """One pass over the sweeps due, each on its own (one failing never holds up the
        others), then the wake-up for the earliest next one; says what it did (`name: count`)."""
        with self._lock:
            now = self._clock()
            done = {s.name: self._run_one(s, now) for s in self._sweeps if self._due(s, now)}
            failed = None in done.values()
            try:
                upcoming = self._upcoming()
            except Exception as error:
                self._report(error, "next_wake")
                upcoming, failed = None, True
        did = [f"{name}: {count}" for name, count in done.items() if count]
        if did:
            logger.info("the scheduler's pass did %s", ", ".join(did))
        if failed:
            self._wake_at(self._clock() + RETRY)
        if upcoming is not None:
            self._wake_at(wake_after_pass(upcoming, began=now, now=self._clock()))
        return did

    def _run_one(self, sweep: Sweep, now: datetime) -> int | None:
        """Run one sweep; None if it failed (it is tried again shortly, the others go on)."""
        try:
            count = sweep.run(self._engine, now)
        except Exception as error:
            self._report(error, sweep.name)
            return None
        self._last_run[sweep.name] = now
        return count

    @staticmethod
    def _report(error: Exception, step: str) -> None:
        """Log a failed step: a busy database briefly, anything else with its traceback."""
        if isinstance(error, DBAPIError) and lock_timed_out(error):
            # Another writer held the lock longer than we wait: expected under load.
            logger.warning("scheduler step %s: the database is busy; trying again shortly", step)
        else:
            logger.exception("scheduler step %s failed; trying again shortly", step)

    def _due(self, sweep: Sweep, now: datetime) -> bool:
        """Sweeps driven by data run at every pass; chores once their period is over."""
        last = self._last_run.get(sweep.name)
        return sweep.every is None or last is None or now - last >= sweep.every

    def _upcoming(self) -> datetime | None:
        """The earliest moment any sweep falls due."""
        with session_scope(self._engine) as session:
            driven = [s.next_due(session) for s in self._sweeps if s.next_due is not None]
        chores = [
            self._last_run[s.name] + s.every
            for s in self._sweeps
            if s.every is not None and s.name in self._last_run
        ]
        return min((w for w in (*driven, *chores) if w is not None), default=None)

    def _wake_at(self, moment: datetime) -> None:
        """Add a one-off wake-up, unless one already set comes sooner.

        Each gets its own id: replacing a job APScheduler is handing over can remove the new one.
        """
        with self._wake_lock:
            if self._closing or not self._aps.running:
                return
            if self._pending is not None and self._clock() < self._pending <= moment:
                return
            self._pending = moment
            self._aps.add_job(self.run, "date", run_date=moment)
