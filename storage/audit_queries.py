"""The audit log of what was done for someone else: recorded with the change, read back, erased."""

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from bot.core.audit import ERASED_ACTOR
from storage.models import AuditEntry


def record(
    session: Session,
    *,
    team_id: str,
    actor_id: str,
    subject_id: str,
    action: str,
    responder_id: int | None,
    detail: dict[str, Any],
    at: datetime,
) -> AuditEntry:
    """Add one entry inside the caller's transaction, so it is kept only with its change."""
    entry = AuditEntry(
        team_id=team_id,
        actor_id=actor_id,
        subject_id=subject_id,
        action=action,
        responder_id=responder_id,
        detail=json.dumps(detail, separators=(",", ":"), sort_keys=True),
        at=at,
    )
    session.add(entry)
    session.flush()
    return entry


def about(session: Session, *, team_id: str, subject_id: str, limit: int) -> list[AuditEntry]:
    """The newest entries done for this person, newest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.team_id == team_id, AuditEntry.subject_id == subject_id)
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))


def entries(
    session: Session, *, team_id: str | None = None, since: datetime | None = None
) -> list[AuditEntry]:
    """Every entry, of one workspace or all, from a moment on; oldest first."""
    query = select(AuditEntry)
    if team_id is not None:
        query = query.where(AuditEntry.team_id == team_id)
    if since is not None:
        query = query.where(col(AuditEntry.at) >= since)
    return list(session.exec(query.order_by(col(AuditEntry.at), col(AuditEntry.id))))


def naming(session: Session, *, team_id: str, user_id: str) -> list[AuditEntry]:
    """The entries where this person acted or was acted for, oldest first."""
    query = select(AuditEntry).where(
        AuditEntry.team_id == team_id,
        or_(col(AuditEntry.actor_id) == user_id, col(AuditEntry.subject_id) == user_id),
    )
    return list(session.exec(query.order_by(col(AuditEntry.at), col(AuditEntry.id))))


def erase(session: Session, *, team_id: str, user_id: str) -> tuple[int, int]:
    """Delete the entries about this person, and unname them in those they made for others;
    how many of each."""
    removed = session.execute(
        delete(AuditEntry).where(
            col(AuditEntry.team_id) == team_id, col(AuditEntry.subject_id) == user_id
        )
    )
    unnamed = session.execute(
        update(AuditEntry)
        .where(col(AuditEntry.team_id) == team_id, col(AuditEntry.actor_id) == user_id)
        .values(actor_id=ERASED_ACTOR)
    )
    return removed.rowcount, unnamed.rowcount  # type: ignore[attr-defined]
