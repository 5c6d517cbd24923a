"""Use cases on responders: save, end now, delete, each scoped to its owner and workspace."""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.core.dates import describe_range
from bot.core.responder import Booked, Draft, Kind
from storage import queries
from storage.models import Responder
from storage.queries import Workspace


class NotYours(Exception):
    """The responder does not exist in this workspace, or belongs to someone else."""


def owned(session: Session, *, workspace: Workspace, owner_id: str, responder_id: int) -> Responder:
    """Fetch a responder its owner asked about, or raise NotYours."""
    responder = queries.owned_responder(
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
        for r in queries.personal_responders(
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
        return queries.add_responder(session, responder=responder)
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    for name, value in _fields(draft, tz=tz, label=label, now=now).items():
        setattr(responder, name, value)
    session.add(responder)
    session.flush()
    return responder


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
        responder.starts_at = min(responder.starts_at, now)
        responder.ends_at = now
        responder.updated_at = now
        session.add(responder)
        session.flush()
    return responder


def delete(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> Responder:
    """Delete a responder its owner asked to delete, and return what it was."""
    responder = owned(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    queries.delete_responder(session, responder=responder)
    return responder
