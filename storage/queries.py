"""Every query ooo runs; each one is scoped to a workspace."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, text
from sqlmodel import Session, col, select

from bot.core.responder import Kind
from storage.db import SQLITE_IMMEDIATE
from storage.models import Responder


@dataclass(frozen=True)
class Workspace:
    """A Slack workspace, and its Enterprise Grid org when there is one."""

    team_id: str
    enterprise_id: str | None = None


def in_workspace(workspace: Workspace) -> ColumnElement[bool]:
    """Match rows of one workspace."""
    return and_(
        col(Responder.team_id) == workspace.team_id,
        col(Responder.enterprise_id).is_(None)
        if workspace.enterprise_id is None
        else col(Responder.enterprise_id) == workspace.enterprise_id,
    )


def lock_owner(session: Session, *, workspace: Workspace, owner_id: str) -> None:
    """Serialise changes to one person's responders until the transaction ends.

    Call it first in a session: on SQLite it makes the transaction take the write lock as it
    begins; on PostgreSQL it takes an advisory lock on the person, so replicas queue too.
    """
    if session.in_transaction():
        raise RuntimeError("lock_owner must be the first statement of its session")
    connection = session.connection(execution_options={SQLITE_IMMEDIATE: True})
    if connection.dialect.name == "postgresql":
        key = f"{workspace.enterprise_id}:{workspace.team_id}:{owner_id}"
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )


def add_responder(session: Session, *, responder: Responder) -> Responder:
    """Insert a responder and return it with its id."""
    session.add(responder)
    session.flush()
    return responder


def owned_responder(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> Responder | None:
    """Find a responder only if this person owns it, so nobody can touch another's."""
    query = select(Responder).where(
        in_workspace(workspace), Responder.owner_id == owner_id, Responder.id == responder_id
    )
    return session.exec(query).first()


def responders_of(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    now: datetime,
    ended_within: timedelta = timedelta(days=30),
) -> list[Responder]:
    """List a person's scheduled and active responders, and those ended recently, by start."""
    query = (
        select(Responder)
        .where(in_workspace(workspace), Responder.owner_id == owner_id)
        .where(or_(col(Responder.ends_at).is_(None), col(Responder.ends_at) > now - ended_within))
        .order_by(col(Responder.starts_at), col(Responder.id))
    )
    return list(session.exec(query).all())


def personal_responders(
    session: Session, *, workspace: Workspace, owner_id: str, now: datetime, started: bool = False
) -> list[Responder]:
    """List a person's own responders not ended by now; `started` keeps only those on now."""
    query = select(Responder).where(
        in_workspace(workspace),
        Responder.owner_id == owner_id,
        Responder.kind == Kind.PERSONAL,
        or_(col(Responder.ends_at).is_(None), col(Responder.ends_at) > now),
    )
    if started:
        query = query.where(Responder.starts_at <= now)
    return list(session.exec(query).all())


def delete_responder(session: Session, *, responder: Responder) -> None:
    """Remove a responder for good."""
    session.delete(responder)
    session.flush()
