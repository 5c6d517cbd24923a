"""The scheduler: `tick(now)` applies due transitions; APScheduler only decides when to call it.

Each transition is a compare-and-set on the responder, recorded with its effects in the same
transaction, so two replicas, a restart or `ooo tick` racing the app can never apply it twice.
APScheduler keeps one job in memory, rescheduled to the next due time after each pass, plus a
one-minute safety net; a wake-up missed or repeated changes nothing.
"""

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from bot.clock import Clock
from bot.core.lifecycle import AFTER, Move, due, due_since, plan, wake_at
from bot.core.workspace import Workspace
from bot.team.digest_posts import sweep_digests
from storage import lifecycle_queries as queries
from storage import team_queries
from storage.db import lock_timed_out, session_scope
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import Responder

logger = logging.getLogger(__name__)
BATCH = 1000
SAFETY_NET_SECONDS = 60
# After a failed pass, or when what is due is held by another replica, look again this soon.
RETRY = timedelta(seconds=1)


@dataclass(frozen=True)
class Applied:
    """A transition this pass applied."""

    responder_id: int
    owner_id: str
    move: Move
    revision: int
    due_since: datetime
    effects: int


def tick(engine: Engine, now: datetime, *, batch: int = BATCH) -> list[Applied]:
    """Apply every transition due at `now`, a batch per transaction; safe to run anywhere, twice."""
    applied: list[Applied] = []
    # Until nothing is due: one transition can make the next due at once (on, then remind).
    while True:
        with session_scope(engine) as session:
            rows = queries.due_responders(session, now=now, limit=batch)
            steps = [_step(r, now) for r in rows]
            won = queries.apply_changes(session, changes=[s.change for s in steps])
            moved = [_moved(s, now) for s in steps if s.move and s.change.responder_id in won]
            queries.record_transitions(session, rows=[m.record(now) for m in moved])
            effects = [e for m in moved for e in m.effects]
            enqueue_effects(session, effects=effects, now=now)
        applied += [m.applied for m in moved]
        if not rows:
            # Team digests due now are recorded by the same pass, each once a day.
            sweep_digests(engine, now)
            return applied


@dataclass(frozen=True)
class _Step:
    """What a pass makes of one responder: when to look again and, if due, its transition."""

    responder: Responder
    change: queries.Change
    move: Move | None


def _step(responder: Responder, now: datetime) -> _Step:
    """Decide the transition due now, if any, and when to look at the responder again."""
    assert responder.id is not None
    timeline = responder.timeline()
    move = due(timeline, now)
    after = timeline if move is None else replace(timeline, applied=AFTER[move])
    change = queries.Change(
        responder.id, responder.applied, responder.revision, after.applied, wake_at(after, now)
    )
    return _Step(responder, change, move)


@dataclass(frozen=True)
class _Moved:
    """A transition won by compare-and-set, with what to record in the same transaction."""

    applied: Applied
    effects: list[NewEffect]

    def record(self, now: datetime) -> dict[str, Any]:
        return {
            "responder_id": self.applied.responder_id,
            "name": self.applied.move.value,
            "revision": self.applied.revision,
            "due_at": self.applied.due_since,
            "applied_at": now,
        }


def _moved(step: _Step, now: datetime) -> _Moved:
    """The record and the effects of a transition its compare-and-set won."""
    responder, move, responder_id = step.responder, step.move, step.change.responder_id
    assert move is not None
    since = due_since(responder.timeline(), move, now)
    workspace = Workspace(responder.team_id, responder.enterprise_id)
    payload = {"move": move.value, "due_since": since.isoformat(), "applied_at": now.isoformat()}
    effects = [
        NewEffect(
            key=f"responder:{responder_id}:{move}:{step.effect}:{responder.revision}",
            kind=step.kind,
            payload={**payload, "channel": step.channel},
            workspace=workspace,
            owner_id=responder.owner_id,
            responder_id=responder_id,
        )
        for step in plan(move, responder.wishes(), late=now - since)
    ]
    applied = Applied(
        responder_id, responder.owner_id, move, responder.revision, since, len(effects)
    )
    return _Moved(applied, effects)


def wake_after_pass(upcoming: datetime, *, began: datetime, now: datetime) -> datetime:
    """When to look again after a pass that began at `began`, for the earliest due time.

    Fallen due during the pass: at once. Due when it began yet left: another replica holds it,
    so in a moment rather than in a spin.
    """
    return upcoming if upcoming > began else now + RETRY


class Scheduler:
    """Wakes `tick` at the next due time, every minute as a safety net, and when nudged."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._engine, self._clock = engine, clock
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

    def start(self) -> None:
        """Reconcile at once, then every minute, and at each next due time."""
        self._aps.start()
        self._aps.add_job(self.run, "interval", seconds=SAFETY_NET_SECONDS, id="safety-net")
        self.nudge()

    def nudge(self) -> None:
        """Run a pass now (a transaction just changed a responder)."""
        self._wake_at(self._clock())

    def shutdown(self) -> None:
        """Stop waking up; a pass under way finishes (its transaction commits or rolls back)."""
        with self._wake_lock:
            self._closing = True
        if self._aps.running:
            # Emptied first: APScheduler trips over a job it is handing over while it stops.
            self._aps.remove_all_jobs()
            self._aps.shutdown(wait=True)

    def run(self) -> list[Applied]:
        """One pass, then schedule the wake-up for the next due responder."""
        with self._lock:
            now = self._clock()
            try:
                applied = tick(self._engine, now)
                with session_scope(self._engine) as session:
                    wakes = (queries.next_wake(session), team_queries.next_digest_due(session))
                upcoming = min((w for w in wakes if w is not None), default=None)
            except Exception as error:
                if isinstance(error, DBAPIError) and lock_timed_out(error):
                    # Another writer held the lock longer than we wait: expected under load.
                    logger.warning("the database is busy; the scheduler tries again shortly")
                else:
                    logger.exception("scheduler pass failed; trying again shortly")
                self._wake_at(self._clock() + RETRY)
                return []
        if applied:
            logger.info("applied %d transitions", len(applied))
        if upcoming is not None:
            self._wake_at(wake_after_pass(upcoming, began=now, now=self._clock()))
        return applied

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
