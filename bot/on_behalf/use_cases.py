"""Use cases acting on someone else's absences: save, end, delete and list them. Each records
its audit entry and the DM telling the person in the change's own transaction, under the
person's lock; the caller checked the actor's rights first (bot/on_behalf/rights.py)."""

from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.blocks.responder_form import Form, Meta
from bot.core.audit import Action
from bot.core.problems import Problem
from bot.core.responder import Field, Kind
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.on_behalf.audit import record_change
from bot.responders.changes import NotYours, delete, end_now, owned
from bot.responders.confirmations import confirm_deleted, confirm_saved
from bot.responders.use_cases import owner_transaction, save_form
from storage import responder_queries
from storage.db import session_scope


def submit_for(
    engine: Engine,
    *,
    workspace: Workspace,
    actor_id: str,
    owner_id: str,
    form: Form,
    meta: Meta,
    now: datetime,
    refused: dict[Field, Problem],
) -> Responder:
    """Save the form as the owner's own absence, set by the actor; Invalid as for one's own."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        before = None
        if meta.responder_id is not None:
            before = owned(
                session, workspace=workspace, owner_id=owner_id, responder_id=meta.responder_id
            )
        saved = save_form(
            session,
            workspace=workspace,
            owner_id=owner_id,
            form=form,
            meta=meta,
            now=now,
            refused=refused,
            set_by=actor_id,
        )
        action = Action.CREATE if before is None else Action.EDIT
        record_change(
            session, actor_id=actor_id, action=action, before=before, after=saved, now=now
        )
        return saved


def end_for(
    engine: Engine,
    *,
    workspace: Workspace,
    actor_id: str,
    owner_id: str,
    responder_id: int,
    now: datetime,
) -> Responder:
    """End the owner's absence now; one already ended changes nothing and is not recorded."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        before = _standing(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id
        )
        ended = end_now(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id, now=now
        )
        if ended.revision != before.revision:
            confirm_saved(session, responder=ended, updated=True, now=now, by=actor_id)
            record_change(
                session, actor_id=actor_id, action=Action.END, before=before, after=ended, now=now
            )
        return ended


def delete_for(
    engine: Engine,
    *,
    workspace: Workspace,
    actor_id: str,
    owner_id: str,
    responder_id: int,
    now: datetime,
) -> Responder:
    """Delete the owner's absence (one on ends now, as their own deleting would)."""
    with owner_transaction(engine, workspace=workspace, owner_id=owner_id) as session:
        before = _standing(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id
        )
        deleted = delete(
            session, workspace=workspace, owner_id=owner_id, responder_id=responder_id, now=now
        )
        confirm_deleted(session, responder=deleted, now=now, by=actor_id)
        record_change(
            session, actor_id=actor_id, action=Action.DELETE, before=before, after=deleted, now=now
        )
        return deleted


def _standing(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> Responder:
    """The owner's absence read under their lock; NotYours if deleted since it was shown (two
    admins confirming at once change it, tell the person and audit it once)."""
    found = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    if found.deleted_at is not None:
        raise NotYours
    return found


def absence_of(engine: Engine, *, workspace: Workspace, responder_id: int) -> Responder:
    """Someone's own absence, not deleted, in this workspace; NotYours otherwise."""
    with session_scope(engine) as session:
        found = responder_queries.responder_by_id(session, responder_id=responder_id)
    if (
        found is None
        or found.deleted_at is not None
        or found.kind is not Kind.PERSONAL
        or found.workspace.team_id != workspace.team_id
    ):
        raise NotYours
    return found


def absences_of(
    engine: Engine, *, workspace: Workspace, owner_id: str, now: datetime
) -> list[Responder]:
    """A person's own absences (scheduled, on, recently ended), as someone acting for them
    sees them."""
    with session_scope(engine) as session:
        found = responder_queries.responders_of(
            session, workspace=workspace, owner_id=owner_id, now=now
        )
    return [r for r in found if r.kind is Kind.PERSONAL]
