"""Queries on responders, each scoped to a workspace, and the scoping the other queries share."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, text, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from bot.core.responder import Kind
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage.db import LOCK_TIMEOUT, Busy, Changed, begin_writing, lock_timed_out, note
from storage.models import ResponderRow
from storage.responder_rows import value_of


def in_workspace(workspace: Workspace) -> ColumnElement[bool]:
    """Match the responders of one workspace that were not deleted, by its team id alone.

    Team ids are unique across Slack, and a workspace that joins (or leaves) an Enterprise Grid
    org keeps its team id while its requests start (or stop) carrying an enterprise id.
    """
    return and_(
        col(ResponderRow.deleted_at).is_(None), col(ResponderRow.team_id) == workspace.team_id
    )


def not_ended_by(moment: datetime) -> ColumnElement[bool]:
    """Match responders still on, or not yet started, at `moment` (permanent ones never end)."""
    return or_(col(ResponderRow.ends_at).is_(None), col(ResponderRow.ends_at) > moment)


def lock_owner(session: Session, *, workspace: Workspace, owner_id: str) -> None:
    """Serialise changes to one person's responders until the transaction ends.

    Call it first in a session: on SQLite it makes the transaction take the write lock as it
    begins; on PostgreSQL it takes an advisory lock on the person, so replicas queue too.
    Either waits at most LOCK_TIMEOUT, then raises Busy.
    """
    try:
        begin_writing(session, "lock_owner")
    except DBAPIError as error:
        if lock_timed_out(error):
            raise Busy from None
        raise
    if session.get_bind().dialect.name == "postgresql":
        wait = f"{int(LOCK_TIMEOUT * 1000)}ms"
        session.execute(text("SELECT set_config('lock_timeout', :wait, true)"), {"wait": wait})
        # Team ids are unique across Slack and survive joining an org; the enterprise id is not.
        _advisory_lock(session, f"{workspace.team_id}:{owner_id}")


def lock_owners(session: Session, *, workspace: Workspace, owner_ids: Sequence[str]) -> None:
    """`lock_owner` for many people at once (a closure's chunk), in one order so that two
    such transactions never wait on each other crosswise."""
    owners = sorted(set(owner_ids))
    if not owners:
        return
    lock_owner(session, workspace=workspace, owner_id=owners[0])
    if session.get_bind().dialect.name == "postgresql" and len(owners) > 1:
        keys = [f"{workspace.team_id}:{owner}" for owner in owners[1:]]
        # One round trip; the aggregate takes every lock, in the array's (sorted) order.
        taking = text(
            "SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))"
            " FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS locks(key, n)"
        )
        try:
            session.execute(taking, {"keys": keys})
        except DBAPIError as error:
            if lock_timed_out(error):
                raise Busy from None
            raise


def lock_target(session: Session, *, workspace: Workspace, target_id: str) -> None:
    """Serialise owners saving responders for one user group or channel, after `lock_owner`.

    SQLite already holds its one write lock; PostgreSQL takes an advisory lock on the target.
    """
    if session.get_bind().dialect.name == "postgresql":
        _advisory_lock(session, f"{workspace.team_id}:target:{target_id}")


def _advisory_lock(session: Session, key: str) -> None:
    """Take PostgreSQL's transaction-scoped lock on `key`; Busy once `lock_timeout` passes."""
    try:
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )
    except DBAPIError as error:
        if lock_timed_out(error):
            raise Busy from None
        raise


def add_responder(session: Session, *, responder: ResponderRow) -> ResponderRow:
    """Insert a responder and return it with its id."""
    note(session, Changed.RESPONDERS)
    session.add(responder)
    session.flush()
    return responder


def owned_row(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> ResponderRow | None:
    """Find a responder's row only if this person owns it, so nobody can touch another's."""
    query = select(ResponderRow).where(
        in_workspace(workspace), ResponderRow.owner_id == owner_id, ResponderRow.id == responder_id
    )
    return session.exec(query).first()


def owned_responder(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> Responder | None:
    """Find a responder only if this person owns it."""
    row = owned_row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    return None if row is None else value_of(row)


def responder_by_id(session: Session, *, responder_id: int | None) -> Responder | None:
    """A responder as it is now, deleted or not: what its effects read as they go out."""
    row = None if responder_id is None else session.get(ResponderRow, responder_id)
    return None if row is None else value_of(row)


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
        select(ResponderRow)
        .where(in_workspace(workspace), ResponderRow.owner_id == owner_id)
        .where(not_ended_by(now - ended_within))
        .order_by(col(ResponderRow.starts_at), col(ResponderRow.id))
    )
    return [value_of(row) for row in session.exec(query)]


def personal_responders(
    session: Session, *, workspace: Workspace, owner_id: str, now: datetime
) -> list[Responder]:
    """List a person's own responders not ended by now."""
    query = select(ResponderRow).where(
        in_workspace(workspace),
        ResponderRow.owner_id == owner_id,
        ResponderRow.kind == Kind.PERSONAL,
        not_ended_by(now),
    )
    return [value_of(row) for row in session.exec(query)]


def speaking_for(
    session: Session, *, workspace: Workspace, target_ids: list[str] | None, now: datetime
) -> list[Responder]:
    """List the responders of any owner for these user groups or channels (None: for any)
    not ended by now."""
    query = select(ResponderRow).where(
        in_workspace(workspace), ResponderRow.kind == Kind.SHARED, not_ended_by(now)
    )
    if target_ids is not None:
        query = query.where(col(ResponderRow.target_id).in_(target_ids))
    return [value_of(row) for row in session.exec(query.order_by(col(ResponderRow.starts_at)))]


def responders_on(
    session: Session, *, workspace: Workspace, owner_id: str, now: datetime
) -> list[Responder]:
    """List every responder a person owns that is on now, for them or a group or channel."""
    query = select(ResponderRow).where(
        in_workspace(workspace),
        ResponderRow.owner_id == owner_id,
        ResponderRow.starts_at <= now,
        not_ended_by(now),
    )
    return [value_of(row) for row in session.exec(query)]


def record_dm(
    session: Session, *, workspace: Workspace, responder_id: int, channel: str, ts: str
) -> None:
    """Remember where a responder's latest confirmation DM is; a deleted one has none.

    Call it first in a session. It queues for the write lock like every other writer: a plain
    UPDATE waits on SQLite's own busy handler, which lost to a burst of transitions.
    """
    begin_writing(session, "record_dm")
    session.execute(
        update(ResponderRow)
        .where(in_workspace(workspace), col(ResponderRow.id) == responder_id)
        .values(dm_channel=channel, dm_ts=ts)
        .execution_options(synchronize_session=False)
    )
