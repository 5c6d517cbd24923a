"""The moment each absent person is said to be back, from their working week and holidays:
the one place status, replies, DMs, lists, team views and feeds ask."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.responder_value import Responder
from bot.core.return_day import return_moment
from bot.core.working_days import Schedule
from bot.organisation.settings import schedules_by_owner
from storage.db import session_scope


def back_at(responder: Responder, schedule: Schedule) -> datetime | None:
    """When the responder's owner is back (None: until further notice)."""
    if responder.ends_at is None:
        return None
    return return_moment(responder.ends_at, responder.tz, schedule)


def backs_in(session: Session, responders: Iterable[Responder]) -> dict[int, datetime | None]:
    """When each responder's owner is back, by responder id, read in an open transaction."""
    shown = list(responders)
    schedules = schedules_by_owner(session, ((r.workspace, r.owner_id) for r in shown))
    return {r.id: back_at(r, schedules[(r.workspace, r.owner_id)]) for r in shown}


def backs_of(engine: Engine, responders: Iterable[Responder]) -> dict[int, datetime | None]:
    """When each responder's owner is back, by responder id."""
    with session_scope(engine) as session:
        return backs_in(session, responders)


def back_of(engine: Engine, responder: Responder) -> datetime | None:
    """When one responder's owner is back."""
    return backs_of(engine, [responder])[responder.id]
