"""Queries of the scheduler: responders due a look, and compare-and-set of their transitions."""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, column, func, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage.db import take_due
from storage.models import ResponderRow, Transition
from storage.responder_queries import in_workspace, not_ended_by
from storage.responder_rows import value_of


@dataclass(frozen=True)
class Change:
    """What a pass sets on one responder: `applied` and when to look again, from what it read."""

    responder_id: int
    applied: str
    revision: int
    to: str
    due_at: datetime | None


def due_responders(session: Session, *, now: datetime, limit: int) -> list[Responder]:
    """Responders whose next look is due, oldest first; call it first in its session."""
    query = (
        select(ResponderRow)
        .where(col(ResponderRow.due_at) <= now)
        .order_by(col(ResponderRow.due_at), col(ResponderRow.id))
        .limit(limit)
    )
    return [value_of(row) for row in take_due(session, query)]


def pending_reminders(
    session: Session, *, workspace: Workspace, owner_ids: Iterable[str] | None, now: datetime
) -> list[Responder]:
    """Responders not ended whose reminder is still to come (None: every owner's)."""
    query = select(ResponderRow).where(
        in_workspace(workspace),
        not_ended_by(now),
        col(ResponderRow.ends_at).is_not(None),
        col(ResponderRow.applied).in_(("", "on")),
    )
    if owner_ids is not None:
        query = query.where(col(ResponderRow.owner_id).in_(sorted(set(owner_ids))))
    return [value_of(row) for row in session.exec(query)]


def running_with_status(
    session: Session, *, workspace: Workspace, owner_ids: Iterable[str] | None, now: datetime
) -> list[Responder]:
    """Responders on now whose owners asked ooo to set their Slack status (None: everyone's)."""
    query = select(ResponderRow).where(
        in_workspace(workspace),
        not_ended_by(now),
        col(ResponderRow.set_status).is_(True),
        col(ResponderRow.applied).in_(("on", "reminded")),
    )
    if owner_ids is not None:
        query = query.where(col(ResponderRow.owner_id).in_(sorted(set(owner_ids))))
    return [value_of(row) for row in session.exec(query)]


def apply_changes(session: Session, *, changes: Sequence[Change]) -> set[int]:
    """Make each change only if nobody moved or edited that responder meanwhile; return the ids
    changed.

    One compare-and-set for the whole batch (`UPDATE … FROM <the batch> … RETURNING id`): a
    transition counts as applied only when its id comes back.
    """
    if not changes:
        return set()
    dialect = session.get_bind().dialect
    stored = DUE_AT.dialect_impl(dialect).bind_processor(dialect) or (lambda moment: moment)
    batch = [
        {
            "id": c.responder_id,
            "applied": c.applied,
            "revision": c.revision,
            "to": c.to,
            "due_at": None if c.due_at is None else stored(c.due_at),
        }
        for c in changes
    ]
    read = _CHANGES[dialect.name].columns(*_CHANGE_COLUMNS).subquery("read")
    table = ResponderRow.__table__  # type: ignore[attr-defined]
    statement = (
        update(table)
        .where(
            table.c.id == read.c.id,
            table.c.applied == read.c.applied,
            table.c.revision == read.c.revision,
        )
        .values(applied=read.c.to, due_at=read.c.due_at)
        .returning(table.c.id)
    )
    rows = json.dumps(batch, default=datetime.isoformat, separators=(",", ":"))
    return set(session.execute(statement, {"rows": rows}).scalars())


DUE_AT = ResponderRow.__table__.c.due_at.type  # type: ignore[attr-defined]
_CHANGE_COLUMNS = (
    column("id", Integer),
    column("applied", String),
    column("revision", Integer),
    column("to", String),
    column("due_at", DUE_AT),
)
# The batch travels as one JSON parameter, so the statement is the same (and compiled once)
# whatever its size; each database reads it back as rows its own way. On SQLite `due_at` is
# already in the column's stored form.
_CHANGES = {
    "sqlite": text(
        "SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.applied') AS applied,"
        " json_extract(value, '$.revision') AS revision, json_extract(value, '$.to') AS \"to\","
        " json_extract(value, '$.due_at') AS due_at FROM json_each(:rows)"
    ),
    "postgresql": text(
        "SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
        ' AS read(id integer, applied text, revision integer, "to" text, due_at timestamptz)'
    ),
}


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
    return session.exec(select(func.min(ResponderRow.due_at))).one()


def transitions(session: Session) -> list[Transition]:
    """Every applied transition, in the order applied."""
    return list(session.exec(select(Transition).order_by(col(Transition.id))).all())
