"""A closure applied to its members: a chunk of members per transaction, each member's own
absences read in one query, the free days filled with responders of type closure, in bulk."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.closures import Closure, Member, Plan, Planned, Skip, State, plan_closure
from bot.core.dates import DateError, DateRange, time_zone
from bot.core.effect_kinds import EffectKind
from bot.core.leave_types import Builtin
from bot.core.lifecycle import Applied, Timeline, wake_at
from bot.core.responder import Draft, Kind
from bot.core.workspace import Workspace
from bot.texts import _, speaking
from storage import closure_queries, responder_queries
from storage.db import begin_writing, session_scope
from storage.effects_queries import NewEffect, enqueue_effect, enqueue_effects
from storage.models import ClosureRow
from storage.responder_rows import new_row

# Members per transaction: short enough for other writers to get in between chunks.
CHUNK = 500


@dataclass(frozen=True)
class Tally:
    """What applying did: members given an absence, and those skipped (for any reason)."""

    applied: int = 0
    skipped: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.applied + other.applied, self.skipped + other.skipped)


def claim(
    engine: Engine, *, workspace: Workspace, closure_id: int, author: str, tz: str, now: datetime
) -> bool:
    """Take the closure to apply it, and queue its application (`tz`: its author's zone) with
    the claim, so a process that dies while applying leaves it to another worker to finish.
    False when it was applied, cancelled or ended already."""
    with session_scope(engine) as session:
        begin_writing(session, "claim_closure")
        if not closure_queries.claim_apply(
            session, team_id=workspace.team_id, closure_id=closure_id, now=now
        ):
            return False
        enqueue_effect(
            session,
            key=f"closure:{closure_id}:apply",
            kind=EffectKind.CLOSURE_APPLY,
            payload={"closure": closure_id, "tz": tz},
            workspace=workspace,
            owner_id=author,
            now=now,
        )
        return True


def apply_to(
    engine: Engine,
    closure: ClosureRow,
    members: Sequence[Member],
    *,
    tz: str,
    now: datetime,
    chunk: int = CHUNK,
) -> Tally:
    """Give each member not decided before the closure's free days (`tz`: its author's zone,
    for a member whose zone Python does not know); stop at a chunk if it was ended meanwhile."""
    tally = Tally()
    for i in range(0, len(members), chunk):
        with session_scope(engine) as session:
            done = _apply_chunk(session, closure, members[i : i + chunk], tz=tz, now=now)
        if done is None:  # ended meanwhile: what it gave so far is being taken back
            break
        tally += done
    return tally


def _apply_chunk(
    session: Session, closure: ClosureRow, members: Sequence[Member], *, tz: str, now: datetime
) -> Tally | None:
    assert closure.id is not None
    workspace = Workspace(closure.team_id, closure.enterprise_id)
    people = [m.user_id for m in members if not (m.is_bot or m.deleted)]
    if people:
        responder_queries.lock_owners(session, workspace=workspace, owner_ids=people)
    else:
        begin_writing(session, "apply_closure")
    current = closure_queries.closure_by_id(session, team_id=closure.team_id, closure_id=closure.id)
    if current is None or current.ended_at is not None:
        return None
    # Whoever this closure already reached (applied, opted out) is left as they are.
    decided = closure_queries.states_of(
        session, closure_id=closure.id, user_ids=[m.user_id for m in members]
    )
    fresh = [m for m in members if m.user_id not in decided]
    taken = closure_queries.absences_of(
        session, team_id=closure.team_id, owner_ids=[m.user_id for m in fresh], now=now
    )
    plan = plan_closure(
        Closure(closure.first_day, closure.last_day, tz),
        [replace(m, absences=tuple(taken.get(m.user_id, ()))) for m in fresh],
        now,
    )
    zones = {m.user_id: _zone_name(m.tz, tz) for m in fresh}
    # Each member's replies are in their own language when whoever closed wrote nothing.
    words = {
        m.user_id: closure.message or default_message(m.locale or closure.locale) for m in fresh
    }
    _write(session, closure, plan, zones=zones, messages=words, now=now)
    return Tally(len({p.user_id for p in plan.planned}), len(plan.skipped))


def _write(
    session: Session,
    closure: ClosureRow,
    plan: Plan,
    *,
    zones: dict[str, str],
    messages: dict[str, str],
    now: datetime,
) -> None:
    """Store the plan's responders, each member's outcome, the audit, and one DM a member."""
    assert closure.id is not None
    rows = _rows(closure, plan.planned, zones=zones, messages=messages, now=now)
    ids = closure_queries.add_responders(session, rows=rows)
    applied = sorted({p.user_id for p in plan.planned})
    states = {s.user_id: s.reason.value for s in plan.skipped}
    states |= dict.fromkeys(applied, State.APPLIED.value)
    closure_queries.record_states(session, closure_id=closure.id, states=states, now=now)
    by_owner: dict[str, list[int]] = {}
    for planned, responder_id in zip(plan.planned, ids, strict=True):
        by_owner.setdefault(planned.user_id, []).append(responder_id)
    closure_queries.add_audit(
        session,
        entries=[
            {
                "team_id": closure.team_id,
                "actor_id": closure.created_by,
                "subject_id": owner,
                "action": "closure",
                "responder_id": by_owner[owner][0],
                "closure_id": closure.id,
                "detail": {"responders": by_owner[owner]},
                "at": now,
            }
            for owner in applied
        ],
    )
    enqueue_effects(session, effects=[told(closure, owner) for owner in applied], now=now)


def report(engine: Engine, closure: ClosureRow, *, now: datetime) -> None:
    """Queue the author's DM saying how many members the closure reached, counted from what
    it recorded for each (an application resumed after a crash counts the earlier part too)."""
    assert closure.id is not None
    with session_scope(engine) as session:
        begin_writing(session, "report")  # it counts, then queues
        count = closure_queries.counts_of(session, closure_ids=[closure.id])[closure.id]
        skipped = sum(count[s] for s in Skip if s is not Skip.OPTED_OUT)
        enqueue_effect(
            session,
            key=f"closure:{closure.id}:done",
            kind=EffectKind.CLOSURE_DONE,
            payload={"closure": closure.id, "applied": count[State.APPLIED], "skipped": skipped},
            workspace=Workspace(closure.team_id, closure.enterprise_id),
            owner_id=closure.created_by,
            now=now,
        )


def told(closure: ClosureRow, owner: str) -> NewEffect:
    """The one DM telling a member of the closure, with its Opt out button."""
    return NewEffect(
        key=f"closure:{closure.id}:told:{owner}",
        kind=EffectKind.CLOSURE_TOLD,
        payload={"closure": closure.id},
        workspace=Workspace(closure.team_id, closure.enterprise_id),
        owner_id=owner,
    )


def default_message(locale: str) -> str:
    """What a closure absence answers when whoever closed wrote nothing, in their language."""
    # Rendered without parameters: {return_date} stays for each reply to fill in.
    with speaking(locale):
        return _("The office is closed until {return_date}. I'll answer your message then.")


def _zone_name(tz: str, fallback: str) -> str:
    """The member's zone, or the closure author's when Python does not know theirs."""
    try:
        time_zone(tz)
    except DateError:
        return fallback
    return tz


def _rows(
    closure: ClosureRow,
    planned: Sequence[Planned],
    *,
    zones: dict[str, str],
    messages: dict[str, str],
    now: datetime,
) -> list[dict[str, Any]]:
    """The columns of a personal responder of type closure over each planned gap, due when
    the lifecycle says: one row mapped by `new_row`, as every new responder is, then only its
    owner, times, zone and message changed for each (a model apiece costs more than storing)."""
    if not planned:
        return []
    first = planned[0]
    draft = Draft(
        kind=Kind.PERSONAL,
        target_id=None,
        window=DateRange(first.starts_at, first.ends_at),
        external_message=None,
        forward_to=None,
        message=messages[first.user_id],
        leave_type=Builtin.CLOSURE.value,
    )
    workspace = Workspace(closure.team_id, closure.enterprise_id)
    template = new_row(
        workspace=workspace,
        owner_id=first.user_id,
        draft=draft,
        tz=zones[first.user_id],
        label=None,
        now=now,
    )
    template.set_by, template.closure_id = closure.created_by, closure.id
    base = template.model_dump(exclude={"id"})
    rows = []
    for gap in planned:
        tz = zones[gap.user_id]
        zone = ZoneInfo(tz)
        start, end = gap.starts_at.astimezone(zone), gap.ends_at.astimezone(zone)
        due = wake_at(Timeline(start, end, tz, Applied.NONE), now)
        rows.append(
            base
            | {"owner_id": gap.user_id, "starts_at": start, "ends_at": end, "tz": tz}
            | {"due_at": due, "message": messages[gap.user_id]}
        )
    return rows
