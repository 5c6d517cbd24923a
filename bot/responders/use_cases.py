"""Use cases on responders: submit, end, delete, extend, turn off, list; each scoped to its owner
and workspace (or, to end or list one for a group or channel, to its members), and each owning
its transaction under the owner's lock (one change at a time)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import Session

from bot.blocks.responder_form import Form, Meta
from bot.core.problems import Problem
from bot.core.responder import Field, Invalid, Kind
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.organisation.settings import settings_in
from bot.responders.changes import (
    NotYours,
    booked,
    delete,
    end_now,
    extend_by_a_day,
    owned,
    save,
    target_clash,
)
from bot.responders.confirmations import confirm_deleted, confirm_ended_by, confirm_saved
from bot.responders.drafting import read_draft
from bot.responders.targets import member_of
from bot.slack.directory import Directory
from storage import responder_queries
from storage.db import Changed, note, session_scope

# Whether the person asking belongs to the group or channel a responder speaks for.
Belongs = Callable[[Responder], bool]


@contextmanager
def owner_transaction(engine: Engine, *, workspace: Workspace, owner_id: str) -> Iterator[Session]:
    """A transaction holding the owner's lock; Busy if another change of theirs held it too long."""
    with session_scope(engine) as session:
        responder_queries.lock_owner(session, workspace=workspace, owner_id=owner_id)
        # Whatever it changes, the scheduler looks again once it commits: a pass is cheap.
        note(session, Changed.RESPONDERS)
        yield session


def submit(
    engine: Engine,
    *,
    workspace: Workspace,
    owner_id: str,
    form: Form,
    meta: Meta,
    now: datetime,
    refused: dict[Field, Problem],
    members: frozenset[str] = frozenset(),
) -> Responder:
    """Check a submitted form and save it, under the owner's lock (see `save_form`)."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        return save_form(
            session,
            workspace=workspace,
            owner_id=owner_id,
            form=form,
            meta=meta,
            now=now,
            refused=refused,
            members=members,
        )


def save_form(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    form: Form,
    meta: Meta,
    now: datetime,
    refused: dict[Field, Problem],
    members: frozenset[str] = frozenset(),
    set_by: str | None = None,
) -> Responder:
    """Check a submitted form against the owner's other responders, and a group's or channel's
    against those speaking for it (`members`: who belongs to it), and save it; or raise Invalid
    with every field's problem (`refused`: those found before, such as the forward's).
    `set_by`: who saved it for its owner, named in the DM that confirms it."""
    others = booked(
        session,
        workspace=workspace,
        owner_id=owner_id,
        now=now,
        tz=meta.tz,
        skip=meta.responder_id,
    )
    draft = read_draft(form, meta, now=now, booked=others, settings=settings_in(session, workspace))
    clash = target_clash(
        session,
        workspace=workspace,
        draft=draft,
        members=members,
        tz=meta.tz,
        skip=meta.responder_id,
        now=now,
    )
    refused = {Field.TARGET: clash, **refused} if clash else refused
    if refused:
        raise Invalid(refused)
    responder = save(
        session,
        workspace=workspace,
        owner_id=owner_id,
        draft=draft,
        tz=meta.tz,
        label=form.target_label,
        responder_id=meta.responder_id,
        now=now,
        set_by=set_by,
    )
    updated = meta.responder_id is not None
    confirm_saved(session, responder=responder, updated=updated, now=now, by=set_by)
    return responder


def end_by_owner(
    engine: Engine, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """End a responder now, as its owner asked."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        return end_now(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id, now=now
        )


def delete_by_owner(
    engine: Engine, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Delete a responder, as its owner asked; one that is on is turned off by the scheduler."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        responder = delete(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id, now=now
        )
        confirm_deleted(session, responder=responder, now=now)
        return responder


def turn_off(
    engine: Engine, *, workspace: Workspace, owner_id: str, now: datetime
) -> list[Responder]:
    """End every responder the owner has on now, theirs or a group's or channel's."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        active = responder_queries.responders_on(
            session, workspace=workspace, owner_id=owner_id, now=now
        )
        return [
            end_now(session, workspace=workspace, owner_id=owner_id, responder_id=r.id, now=now)
            for r in active
        ]


def one_more_day(
    engine: Engine, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Extend a responder by a day from its reminder's button."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        return extend_by_a_day(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id, now=now
        )


def _spoken_for_others(
    session: Session, workspace: Workspace, user_id: str, now: datetime
) -> list[Responder]:
    found = responder_queries.speaking_for(session, workspace=workspace, target_ids=None, now=now)
    return [r for r in found if r.owner_id != user_id]


def end_by_member(
    engine: Engine,
    *,
    workspace: Workspace,
    member_id: str,
    responder_id: int,
    now: datetime,
    belongs: Belongs,
) -> Responder:
    """End, as a member of its group or channel asked, a responder someone else set for it, and
    tell its owner who did; NotYours for anyone else. Slack is asked before the owner's lock."""
    found = spoken_for(engine, workspace=workspace, user_id=member_id, responder_id=responder_id)
    if not belongs(found):
        raise NotYours
    with owner_transaction(engine, workspace=workspace, owner_id=found.owner_id) as session:
        ended = end_now(
            session, workspace=workspace, owner_id=found.owner_id, responder_id=found.id, now=now
        )
        if ended.revision != found.revision:  # not ended already
            confirm_ended_by(session, responder=ended, member_id=member_id, now=now)
        return ended


def spoken_for(
    engine: Engine, *, workspace: Workspace, user_id: str, responder_id: int
) -> Responder:
    """A responder someone else set for a group or channel, not deleted; or NotYours."""
    with session_scope(engine) as session:
        found = responder_queries.responder_by_id(session, responder_id=responder_id)
    shared = found is not None and found.kind == Kind.SHARED and found.deleted_at is None
    if found is None or not shared or found.workspace.team_id != workspace.team_id:
        raise NotYours
    if found.owner_id == user_id:
        raise NotYours
    return found


def owned_now(
    engine: Engine, *, workspace: Workspace, owner_id: str, responder_id: int
) -> Responder:
    """A responder its owner asked about, read in a transaction of its own."""
    with session_scope(engine) as session:
        return owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)


def visible_to(
    engine: Engine,
    client: WebClient,
    directory: Directory,
    *,
    workspace: Workspace,
    user_id: str,
    now: datetime,
) -> list[Responder]:
    """A person's responders (scheduled, on, and recently ended), and those not ended that
    others set for the groups and channels they are in (theirs to end too)."""
    with session_scope(engine) as session:
        mine = responder_queries.responders_of(
            session, workspace=workspace, owner_id=user_id, now=now
        )
        others = _spoken_for_others(session, workspace, user_id, now)
    # Slack is asked once the transaction is over, so its answer time holds no connection.
    belongs = member_of(client, directory, user_id=user_id)
    return mine + [r for r in others if belongs(r)]
