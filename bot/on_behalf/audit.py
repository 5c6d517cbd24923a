"""The audit log: each change done for someone else recorded with it, and read back."""

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.audit import Action, Done
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage import audit_queries
from storage.db import session_scope
from storage.models import AuditEntry


def record_change(
    session: Session,
    *,
    actor_id: str,
    action: Action,
    before: Responder | None,
    after: Responder,
    now: datetime,
) -> None:
    """Record, in the change's own transaction, what `actor_id` did to the owner's absence:
    its dates before and after, never its message."""
    audit_queries.record(
        session,
        team_id=after.workspace.team_id,
        actor_id=actor_id,
        subject_id=after.owner_id,
        action=action.value,
        responder_id=after.id,
        detail={"before": _dates(before), "after": _dates(after)},
        at=now,
    )


def _dates(responder: Responder | None) -> dict[str, str | None] | None:
    if responder is None:
        return None
    end = responder.ends_at.astimezone(UTC).isoformat() if responder.ends_at else None
    return {"starts_at": responder.starts_at.astimezone(UTC).isoformat(), "ends_at": end}


def done_for(engine: Engine, *, workspace: Workspace, user_id: str, limit: int) -> list[Done]:
    """The newest things others did for this person, newest first."""
    with session_scope(engine) as session:
        found = audit_queries.about(
            session, team_id=workspace.team_id, subject_id=user_id, limit=limit
        )
        return [done_of(entry) for entry in found]


def done_of(entry: AuditEntry) -> Done:
    """A stored entry as a value."""
    return Done(
        actor_id=entry.actor_id,
        subject_id=entry.subject_id,
        action=entry.action,
        at=entry.at,
        responder_id=entry.responder_id,
        detail=_detail(entry.detail),
    )


def _detail(raw: str) -> dict[str, Any]:
    found = json.loads(raw or "{}")
    return found if isinstance(found, dict) else {}


def entries_as_json(
    engine: Engine, *, team_id: str | None, since: datetime | None
) -> list[dict[str, Any]]:
    """Every entry (of one workspace, from a moment on), oldest first, as JSON-ready values."""
    with session_scope(engine) as session:
        found = audit_queries.entries(session, team_id=team_id, since=since)
        return [
            {
                "id": entry.id,
                "team_id": entry.team_id,
                "actor_id": entry.actor_id,
                "subject_id": entry.subject_id,
                "action": entry.action,
                "responder_id": entry.responder_id,
                "closure_id": entry.closure_id,
                "detail": _detail(entry.detail),
                "at": entry.at.isoformat(),
            }
            for entry in found
        ]
