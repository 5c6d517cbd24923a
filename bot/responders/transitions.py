"""The responders' sweep: apply every transition due at `now`, each one exactly once.

Each transition is a compare-and-set on the responder, recorded with its effects in the same
transaction, so two replicas, a restart or `ooo tick` racing the app can never apply it twice.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from bot.core.lifecycle import AFTER, Move, Timeline, due, due_since, plan, wake_at
from bot.core.responder_value import Responder
from bot.core.working_days import Schedule
from bot.organisation.settings import schedules_by_owner
from bot.scheduler import Sweep
from storage import lifecycle_queries as queries
from storage.db import session_scope
from storage.effects_queries import NewEffect, enqueue_effects

BATCH = 1000
TRANSITIONS = "responder_transitions"


@dataclass(frozen=True)
class Applied:
    """A transition this pass applied."""

    responder_id: int
    owner_id: str
    move: Move
    revision: int
    due_since: datetime
    effects: int


def apply_due(engine: Engine, now: datetime, *, batch: int = BATCH) -> list[Applied]:
    """Apply every transition due at `now`, a batch per transaction; safe to run anywhere, twice."""
    applied: list[Applied] = []
    # Until nothing is due: one transition can make the next due at once (on, then remind).
    while True:
        with session_scope(engine) as session:
            rows = queries.due_responders(session, now=now, limit=batch)
            schedules = schedules_by_owner(session, ((r.workspace, r.owner_id) for r in rows))
            steps = [_step(r, now, schedules[(r.workspace, r.owner_id)]) for r in rows]
            won = queries.apply_changes(session, changes=[s.change for s in steps])
            moved = [_moved(s, now) for s in steps if s.move and s.change.responder_id in won]
            queries.record_transitions(session, rows=[m.record(now) for m in moved])
            effects = [e for m in moved for e in m.effects]
            enqueue_effects(session, effects=effects, now=now)
        applied += [m.applied for m in moved]
        if not rows:
            return applied


@dataclass(frozen=True)
class _Step:
    """What a pass makes of one responder: when to look again and, if due, its transition."""

    responder: Responder
    timeline: Timeline
    change: queries.Change
    move: Move | None


def _step(responder: Responder, now: datetime, schedule: Schedule) -> _Step:
    """Decide the transition due now, if any, and when to look at the responder again."""
    timeline = responder.timeline(schedule)
    move = due(timeline, now)
    after = timeline if move is None else replace(timeline, applied=AFTER[move])
    change = queries.Change(
        responder.id, responder.applied, responder.revision, after.applied, wake_at(after, now)
    )
    return _Step(responder, timeline, change, move)


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
    since = due_since(step.timeline, move, now)
    payload = {"move": move.value, "due_since": since.isoformat(), "applied_at": now.isoformat()}
    effects = [
        NewEffect(
            key=f"responder:{responder_id}:{move}:{step.effect}:{responder.revision}",
            kind=step.kind,
            payload={**payload, "channel": step.channel},
            workspace=responder.workspace,
            owner_id=responder.owner_id,
            responder_id=responder_id,
        )
        for step in plan(move, responder.wishes(), late=now - since)
    ]
    applied = Applied(
        responder_id, responder.owner_id, move, responder.revision, since, len(effects)
    )
    return _Moved(applied, effects)


SWEEP = Sweep(
    TRANSITIONS, lambda engine, now: len(apply_due(engine, now)), next_due=queries.next_wake
)
