"""Queries on closures: the closure itself, what it did for each member, and its responders."""

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.core.responder import Kind
from storage.db import Changed, note
from storage.models import AuditEntry, ClosureMember, ClosureRow, ResponderRow
from storage.responder_queries import not_ended_by

# Bound parameters per statement: well under SQLite's and PostgreSQL's limits.
CHUNK = 5000
Window = tuple[datetime, datetime | None]


def add_closure(session: Session, *, closure: ClosureRow) -> ClosureRow:
    """Store a closure (not applied yet) and return it with its id."""
    session.add(closure)
    session.flush()
    return closure


def closure_by_id(session: Session, *, team_id: str, closure_id: int) -> ClosureRow | None:
    """A workspace's closure, or None when it has no such one."""
    row = session.get(ClosureRow, closure_id)
    return row if row is not None and row.team_id == team_id else None


def claim_apply(session: Session, *, team_id: str, closure_id: int, now: datetime) -> bool:
    """Mark a closure applied unless it was (or was ended or cancelled): one click applies it."""
    waiting = col(ClosureRow.applied_at).is_(None)
    return _claim(session, team_id, closure_id, waiting, applied_at=now)


def claim_end(session: Session, *, team_id: str, closure_id: int, now: datetime) -> bool:
    """Mark an applied closure ended unless it already was: two clicks or replicas end it once."""
    applied = col(ClosureRow.applied_at).is_not(None)
    return _claim(session, team_id, closure_id, applied, ended_at=now)


def cancel(session: Session, *, team_id: str, closure_id: int, now: datetime) -> bool:
    """Drop a closure never applied (its Cancel button), so it can no longer be applied."""
    waiting = col(ClosureRow.applied_at).is_(None)
    return _claim(session, team_id, closure_id, waiting, ended_at=now)


def _claim(
    session: Session, team_id: str, closure_id: int, when: ColumnElement[bool], **values: datetime
) -> bool:
    """Set `values` on a workspace's closure not ended, if `when` holds: a compare-and-set."""
    claimed = session.execute(
        update(ClosureRow)
        .where(
            col(ClosureRow.id) == closure_id,
            col(ClosureRow.team_id) == team_id,
            col(ClosureRow.ended_at).is_(None),
            when,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


def absences_of(
    session: Session, *, team_id: str, owner_ids: Sequence[str], now: datetime
) -> dict[str, list[Window]]:
    """The personal absences not ended by now of these people, by person, in one query a chunk."""
    found: dict[str, list[Window]] = {}
    for i in range(0, len(owner_ids), CHUNK):
        query = select(ResponderRow.owner_id, ResponderRow.starts_at, ResponderRow.ends_at).where(
            col(ResponderRow.team_id) == team_id,
            col(ResponderRow.deleted_at).is_(None),
            col(ResponderRow.kind) == Kind.PERSONAL,
            col(ResponderRow.owner_id).in_(owner_ids[i : i + CHUNK]),
            not_ended_by(now),
        )
        for owner, start, end in session.exec(query):
            found.setdefault(owner, []).append((start, end))
    return found


def states_of(session: Session, *, closure_id: int, user_ids: Sequence[str]) -> dict[str, str]:
    """What the closure already did for these members (applied, opted out, skipped)."""
    found: dict[str, str] = {}
    for i in range(0, len(user_ids), CHUNK):
        query = select(ClosureMember.user_id, ClosureMember.state).where(
            col(ClosureMember.closure_id) == closure_id,
            col(ClosureMember.user_id).in_(user_ids[i : i + CHUNK]),
        )
        found.update(session.exec(query).all())
    return found


def record_states(
    session: Session, *, closure_id: int, states: dict[str, str], now: datetime
) -> None:
    """Record each member's outcome, replacing what was recorded before."""
    if not states:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = ClosureMember.__table__  # type: ignore[attr-defined]
    statement = dialect.insert(table)
    upsert = statement.on_conflict_do_update(
        index_elements=["closure_id", "user_id"],
        set_={"state": statement.excluded.state, "at": statement.excluded.at},
    )
    rows = [
        {"closure_id": closure_id, "user_id": u, "state": s, "at": now} for u, s in states.items()
    ]
    session.execute(upsert, rows)


def add_responders(session: Session, *, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert many responders (each row's columns) in one statement; their ids, in order."""
    if not rows:
        return []
    note(session, Changed.RESPONDERS)
    table = ResponderRow.__table__  # type: ignore[attr-defined]
    # On the table, not the entity: building thousands of models costs more than the insert.
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(found) for found in session.execute(statement, list(rows)).scalars()]


def add_audit(session: Session, *, entries: Iterable[dict[str, Any]]) -> None:
    """Record actions taken for others, many at once (`detail` a dict, stored as JSON)."""
    rows = [{**e, "detail": json.dumps(e.get("detail") or {})} for e in entries]
    if rows:
        session.execute(AuditEntry.__table__.insert(), rows)  # type: ignore[attr-defined]


def live_rows(
    session: Session, *, closure_id: int, now: datetime, owner_ids: Sequence[str]
) -> list[ResponderRow]:
    """These members' responders still the closure's: not deleted, not ended, not edited."""
    query = select(ResponderRow).where(
        col(ResponderRow.closure_id) == closure_id,
        col(ResponderRow.deleted_at).is_(None),
        col(ResponderRow.taken_over).is_(False),
        not_ended_by(now),
        col(ResponderRow.owner_id).in_(owner_ids),
    )
    return list(session.exec(query.order_by(col(ResponderRow.owner_id), col(ResponderRow.id))))


def closures_of(session: Session, *, team_id: str, limit: int) -> list[ClosureRow]:
    """A workspace's applied closures, the latest first."""
    query = (
        select(ClosureRow)
        .where(col(ClosureRow.team_id) == team_id, col(ClosureRow.applied_at).is_not(None))
        .order_by(col(ClosureRow.first_day).desc(), col(ClosureRow.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))


def counts_of(session: Session, *, closure_ids: Sequence[int]) -> dict[int, Counter[str]]:
    """How many members each closure applied to, opted out or skipped, by state."""
    query = (
        select(ClosureMember.closure_id, ClosureMember.state, func.count())
        .where(col(ClosureMember.closure_id).in_(closure_ids))
        .group_by(col(ClosureMember.closure_id), col(ClosureMember.state))
    )
    counts: dict[int, Counter[str]] = {i: Counter() for i in closure_ids}
    for closure_id, state, count in session.exec(query):
        counts[closure_id][state] = count
    return counts


def joined_by(
    session: Session, *, team_id: str, user_id: str, closure_id: int | None
) -> list[ClosureRow]:
    """The closures applied to a member and not ended (or the one named), to opt out of."""
    query = (
        select(ClosureRow)
        .join(ClosureMember, col(ClosureMember.closure_id) == col(ClosureRow.id))
        .where(
            col(ClosureRow.team_id) == team_id,
            col(ClosureRow.ended_at).is_(None),
            col(ClosureMember.user_id) == user_id,
            col(ClosureMember.state) == "applied",
        )
    )
    if closure_id is not None:
        query = query.where(col(ClosureRow.id) == closure_id)
    return list(session.exec(query))


def owners_of(session: Session, *, closure_id: int, now: datetime) -> list[str]:
    """Who still has a responder of the closure's own to end."""
    query = (
        select(ResponderRow.owner_id)
        .where(
            col(ResponderRow.closure_id) == closure_id,
            col(ResponderRow.deleted_at).is_(None),
            col(ResponderRow.taken_over).is_(False),
            not_ended_by(now),
        )
        .distinct()
    )
    return sorted(session.exec(query))


def memberships_of(session: Session, *, team_id: str, user_id: str) -> list[ClosureMember]:
    """What each of a workspace's closures did for one person, for their export."""
    query = (
        select(ClosureMember)
        .join(ClosureRow, col(ClosureRow.id) == col(ClosureMember.closure_id))
        .where(col(ClosureRow.team_id) == team_id, col(ClosureMember.user_id) == user_id)
        .order_by(col(ClosureMember.closure_id))
    )
    return list(session.exec(query))


def erase_memberships(session: Session, *, team_id: str, user_id: str) -> int:
    """Forget what a workspace's closures did for one person; how many were forgotten."""
    theirs = select(ClosureRow.id).where(col(ClosureRow.team_id) == team_id)
    removed = session.execute(
        delete(ClosureMember).where(
            col(ClosureMember.user_id) == user_id, col(ClosureMember.closure_id).in_(theirs)
        )
    )
    return int(removed.rowcount)  # type: ignore[attr-defined]
