"""Forgetting an absence: what ooo kept about it goes a retention period after it ends."""

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, or_
from sqlmodel import Session, col, select

from storage.effects_queries import FAILED, SENT
from storage.models import Effect, Mention, Reminder, ResponderRow, SlackEvent, Transition


def _over(before: datetime) -> Any:
    """Responders whose absence ended (or that were deleted) before a moment."""
    return select(ResponderRow.id).where(
        or_(col(ResponderRow.ends_at) < before, col(ResponderRow.deleted_at) < before)
    )


def _open_ended() -> Any:
    """Responders on until further notice: never over, so what they keep goes by its age."""
    return select(ResponderRow.id).where(
        col(ResponderRow.ends_at).is_(None), col(ResponderRow.deleted_at).is_(None)
    )


def _forgotten(responder: Any, at: Any, before: datetime) -> ColumnElement[bool]:
    """Rows of an absence over before `before`, or older than it under an open-ended one."""
    return or_(
        col(responder).in_(_over(before)),
        (col(at) < before) & col(responder).in_(_open_ended()),
    )


def purge(session: Session, *, before: datetime) -> int:
    """Forget the absences over before a moment, with their events, mentions, reminders,
    transitions and settled effects; rows removed.

    An effect still to deliver stays, whatever its age: its key is what makes it go out once.
    """
    settled = col(Effect.status).in_((SENT, FAILED))
    statements = (
        delete(SlackEvent).where(col(SlackEvent.received_at) < before),
        delete(Mention).where(_forgotten(Mention.responder_id, Mention.at, before)),
        delete(Reminder).where(_forgotten(Reminder.responder_id, Reminder.asked_at, before)),
        delete(Transition).where(
            _forgotten(Transition.responder_id, Transition.applied_at, before)
        ),
        delete(Effect).where(
            settled,
            or_(
                _forgotten(Effect.responder_id, Effect.created_at, before),
                col(Effect.responder_id).is_(None) & (col(Effect.created_at) < before),
            ),
        ),
        delete(ResponderRow).where(col(ResponderRow.id).in_(_over(before))),
    )
    removed = 0
    for statement in statements:
        removed += int(session.execute(statement).rowcount)  # type: ignore[attr-defined]
    return removed
