"""Changes to responders inside the caller's transaction: save a draft, end, delete, extend.

Each records the revision it makes, its next due time and the steps acting as the owner it
calls for; the use cases (bot/responders/use_cases.py) own the transaction and the lock.
"""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.core.dates import DateRange, describe_range, localize
from bot.core.lifecycle import Applied, Standing, after_edit, plan_edit, wake_at
from bot.core.problems import Code, Problem
from bot.core.responder import Booked, Draft, Field, Invalid, Kind, overlaps
from bot.core.workspace import Workspace
from storage import responder_queries
from storage.db import Changed, note
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import Responder


class NotYours(Exception):
    """The responder does not exist in this workspace, or belongs to someone else."""


def owned(session: Session, *, workspace: Workspace, owner_id: str, responder_id: int) -> Responder:
    """Fetch a responder its owner asked about, or raise NotYours."""
    responder = responder_queries.owned_responder(
        session, workspace=workspace, owner_id=owner_id, responder_id=responder_id
    )
    if responder is None:
        raise NotYours
    return responder


def booked(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    now: datetime,
    tz: str,
    skip: int | None,
) -> list[Booked]:
    """The owner's other personal responders that new dates must not overlap."""
    windows = [
        r.window(tz)
        for r in responder_queries.personal_responders(
            session, workspace=workspace, owner_id=owner_id, now=now
        )
        if r.id != skip
    ]
    return [Booked(window=w, label=describe_range(w, tz)) for w in windows]


def save(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    draft: Draft,
    tz: str,
    label: str | None,
    responder_id: int | None,
    now: datetime,
) -> Responder:
    """Create a responder, or update one the owner already has."""
    if responder_id is None:
        responder = Responder(
            team_id=workspace.team_id,
            enterprise_id=workspace.enterprise_id,
            owner_id=owner_id,
            created_at=now,
            **_fields(draft, tz=tz, label=label, now=now),
        )
        responder.due_at = wake_at(responder.timeline(), now)
        return responder_queries.add_responder(session, responder=responder)
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    before = _standing(responder)
    for name, value in _fields(draft, tz=tz, label=label, now=now).items():
        setattr(responder, name, value)
    if responder.ends_at is not None and responder.ends_at <= now:
        # An end moved into the past ends it now: it was on until this edit.
        responder.starts_at, responder.ends_at = min(responder.starts_at, now), now
    return _changed(session, responder, before=before, now=now)


def _standing(responder: Responder) -> Standing:
    """What the lifecycle needs of a responder to tell what an edit of it changed."""
    return Standing(responder.timeline(), responder.wishes())


def _changed(
    session: Session, responder: Responder, *, before: Standing, now: datetime
) -> Responder:
    """Store an edit: a new revision, its next due time, and the owner's steps it calls for."""
    responder.revision += 1
    responder.applied = after_edit(Applied(responder.applied))
    responder.due_at = wake_at(responder.timeline(), now)
    responder.updated_at = now
    note(session, Changed.RESPONDERS)  # the scheduler looks at its new due time after commit
    session.add(responder)
    session.flush()
    _record_edit_steps(session, responder, before=before, now=now)
    return responder


def _record_edit_steps(
    session: Session, responder: Responder, *, before: Standing, now: datetime
) -> None:
    """Queue what the edit asks of ooo as the owner now; keyed by revision, so once per edit."""
    workspace = Workspace(responder.team_id, responder.enterprise_id)
    effects = [
        NewEffect(
            key=f"responder:{responder.id}:edit:{step.effect}:{responder.revision}",
            kind=step.kind,
            payload={},
            workspace=workspace,
            owner_id=responder.owner_id,
            responder_id=responder.id,
        )
        for step in plan_edit(before, _standing(responder), now)
    ]
    enqueue_effects(session, effects=effects, now=now)


def _fields(draft: Draft, *, tz: str, label: str | None, now: datetime) -> dict[str, Any]:
    """The stored columns a draft decides."""
    shared = draft.kind is Kind.SHARED
    return {
        "kind": draft.kind.value,
        "target_id": draft.target_id if shared else None,
        "target_label": label if shared else None,
        "starts_at": draft.window.start,
        "ends_at": draft.window.end,
        "tz": tz,
        "message": draft.message,
        "external_message": draft.external_message,
        "keep_digest": draft.keep_digest,
        "forward_to": draft.forward_to,
        "target_kind": draft.target_kind if shared else None,
        "backup_id": draft.backup_id,
        "reply_again": draft.again.value,
        "notify_self": draft.notify_self,
        "set_status": draft.set_status,
        "pause_notifications": draft.pause_notifications,
        "reply_as_me": draft.reply_as_me,
        "announce_in": ",".join(draft.announce_in),
        "updated_at": now,
    }


def end_now(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """End a responder its owner asked to end."""
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    return end(session, responder=responder, now=now)


def end(session: Session, *, responder: Responder, now: datetime) -> Responder:
    """End a responder at this moment; one that had not started yet ends without having run."""
    if responder.ends_at is None or responder.ends_at > now:
        before = _standing(responder)
        responder.starts_at = min(responder.starts_at, now)
        responder.ends_at = now
        _changed(session, responder, before=before, now=now)
    return responder


def delete(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Delete a responder its owner asked to delete, and return what it was.

    The row stays, marked deleted, so the scheduler still knows it was on and runs its off
    transition.
    """
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    before = _standing(responder)
    responder.deleted_at = now
    return _changed(session, responder, before=before, now=now)


def extend_by_a_day(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Move the return one day later, same time of day; Invalid if ended or it would overlap."""
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    if responder.ends_at is None or responder.ends_at <= now:
        raise Invalid({Field.END: Problem(Code.ALREADY_ENDED)})
    zone = ZoneInfo(responder.tz)
    back = responder.ends_at.astimezone(zone)
    window = DateRange(
        responder.starts_at, localize(back.replace(tzinfo=None) + timedelta(days=1), zone)
    )
    if responder.kind == Kind.PERSONAL:
        others = booked(
            session,
            workspace=workspace,
            owner_id=owner_id,
            now=now,
            tz=responder.tz,
            skip=responder.id,
        )
        clash = next((b for b in others if overlaps(window, b.window)), None)
        if clash is not None:
            raise Invalid({Field.END: Problem(Code.EXTENSION_OVERLAPS, label=clash.label)})
    before = _standing(responder)
    responder.ends_at = window.end
    return _changed(session, responder, before=before, now=now)
