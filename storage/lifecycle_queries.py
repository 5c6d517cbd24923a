"""Queries of the scheduler: responders due a look, and compare-and-set of their transitions."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from storage.db import take_due
from storage.models import Responder, Transition


def due_responders(session: Session, *, now: datetime, limit: int) -> list[Responder]:
    """Responders whose next look is due, oldest first; call it first in its session."""
    query = (
        select(Responder)
        .where(col(Responder.due_at) <= now)
        .order_by(col(Responder.due_at), col(Responder.id))
        .limit(limit)
    )
    return take_due(session, query)


def apply_transition(
    session: Session, *, responder: Responder, applied: str, due_at: datetime | None
) -> bool:
    """Move `applied` on only if nobody did or edited it meanwhile; tell whether it moved."""
    table = Responder.__table__  # type: ignore[attr-defined]
    moved = session.execute(
        update(table)
        .where(
            table.c.id == responder.id,
            table.c.applied == responder.applied,
            table.c.revision == responder.revision,
        )
        .values(applied=applied, due_at=due_at)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


def reschedule(session: Session, *, responder: Responder, due_at: datetime | None) -> None:
    """Set when to look at a responder next, unless an edit meanwhile already did."""
    table = Responder.__table__  # type: ignore[attr-defined]
    session.execute(
        update(table)
        .where(table.c.id == responder.id, table.c.revision == responder.revision)
        .values(due_at=due_at)
    )


def record_transitions(session: Session, *, rows: Sequence[dict[str, Any]]) -> None:
    """Keep the record of applied transitions (once per responder, name and revision).

    Each row has responder_id, name, revision, due_at and applied_at.
    """
    if rows:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        table = Transition.__table__  # type: ignore[attr-defined]
        session.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def next_wake(session: Session) -> datetime | None:
    """When the earliest responder is due a look, or None."""
    return session.exec(select(func.min(Responder.due_at))).one()


def transitions(session: Session) -> list[Transition]:
    """Every applied transition, in the order applied."""
    return list(session.exec(select(Transition).order_by(col(Transition.id))).all())
