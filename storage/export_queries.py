"""Queries of exports: the personal absences of many people, or a whole workspace, over a period."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_
from sqlalchemy import select as select_columns
from sqlmodel import Session, col

from bot.core.exports import Leave
from bot.core.responder import Kind
from bot.core.workspace import Workspace
from storage.models import Installation, ResponderRow

# Bound parameters per statement: well under SQLite's and PostgreSQL's limits.
CHUNK = 5000
COLUMNS = (
    col(ResponderRow.owner_id),
    col(ResponderRow.starts_at),
    col(ResponderRow.ends_at),
    col(ResponderRow.tz),
    col(ResponderRow.leave_type),
    col(ResponderRow.hide_reason),
)


def leaves(
    session: Session,
    *,
    workspace: Workspace,
    people: Sequence[str] | None,
    start: datetime,
    end: datetime,
) -> list[Leave]:
    """Personal, undeleted responders overlapping [start, end): of these people, or (None) of
    everyone in the workspace, by person then start. Never the message."""
    if people is None:
        return _read(session, _overlapping(workspace, start, end))
    found: list[Leave] = []
    unique = sorted(set(people))
    for at in range(0, len(unique), CHUNK):
        owners = col(ResponderRow.owner_id).in_(unique[at : at + CHUNK])
        found += _read(session, [*_overlapping(workspace, start, end), owners])
    return found


def _overlapping(workspace: Workspace, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    return [
        col(ResponderRow.team_id) == workspace.team_id,
        col(ResponderRow.kind) == Kind.PERSONAL,
        col(ResponderRow.deleted_at).is_(None),
        col(ResponderRow.starts_at) < end,
        or_(col(ResponderRow.ends_at).is_(None), col(ResponderRow.ends_at) > start),
    ]


def _read(session: Session, conditions: list[ColumnElement[bool]]) -> list[Leave]:
    order = (col(ResponderRow.owner_id), col(ResponderRow.starts_at), col(ResponderRow.id))
    query = select_columns(*COLUMNS).where(*conditions).order_by(*order)
    return [Leave(*row) for row in session.execute(query).all()]


def workspace_known(session: Session, team_id: str) -> bool:
    """Whether ooo has ever served this workspace: it is installed there, or anyone there set
    a responder."""
    installed = select_columns(col(Installation.id)).where(col(Installation.team_id) == team_id)
    used = select_columns(col(ResponderRow.id)).where(col(ResponderRow.team_id) == team_id)
    return any(session.execute(query.limit(1)).first() for query in (installed, used))
