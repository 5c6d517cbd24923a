"""Queries on what ooo stores about one person of one workspace: to export, erase or purge it."""

from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from storage.models import Departure, Installation, Responder


def responders_owned(session: Session, *, team_id: str, user_id: str) -> list[Responder]:
    """Every responder a person owns, however old, by start."""
    query = (
        select(Responder)
        .where(Responder.team_id == team_id, Responder.owner_id == user_id)
        .order_by(col(Responder.starts_at), col(Responder.id))
    )
    return list(session.exec(query))


def responders_forwarding_to(session: Session, *, team_id: str, user_id: str) -> list[Responder]:
    """Other people's responders that forward copies to this person."""
    query = select(Responder).where(Responder.team_id == team_id, Responder.forward_to == user_id)
    return list(session.exec(query))


def installations_by(session: Session, *, team_id: str, user_id: str) -> list[Installation]:
    """Installations of this workspace that this person made."""
    query = select(Installation).where(
        Installation.team_id == team_id, Installation.installer_id == user_id
    )
    return list(session.exec(query))


def departure_of(session: Session, *, team_id: str, user_id: str) -> Departure | None:
    """When Slack deactivated this person, if it did."""
    return session.get(Departure, (team_id, user_id))


def record_departure(session: Session, *, team_id: str, user_id: str, now: datetime) -> None:
    """Remember that Slack deactivated someone; a repeated event keeps the first moment."""
    if departure_of(session, team_id=team_id, user_id=user_id) is None:
        session.add(Departure(team_id=team_id, user_id=user_id, departed_at=now))
        session.flush()


def departed_before(session: Session, *, moment: datetime) -> list[Departure]:
    """People deactivated before a moment: their retention period is over."""
    return list(session.exec(select(Departure).where(col(Departure.departed_at) < moment)))


def erase_person(session: Session, *, team_id: str, user_id: str) -> dict[str, int]:
    """Delete everything stored about a person in a workspace; how many of each were removed."""
    responders = session.execute(
        delete(Responder).where(
            col(Responder.team_id) == team_id, col(Responder.owner_id) == user_id
        )
    )
    forwards = session.execute(
        update(Responder)
        .where(col(Responder.team_id) == team_id, col(Responder.forward_to) == user_id)
        .values(forward_to=None)
    )
    tokens = session.execute(
        update(Installation)
        .where(col(Installation.team_id) == team_id, col(Installation.installer_id) == user_id)
        .values(
            installer_id="", user_token=None, user_refresh_token=None, user_token_expires_at=None
        )
    )
    departures = session.execute(
        delete(Departure).where(
            col(Departure.team_id) == team_id, col(Departure.user_id) == user_id
        )
    )
    return {
        "responders": responders.rowcount,  # type: ignore[attr-defined]
        "forwards to them": forwards.rowcount,  # type: ignore[attr-defined]
        "installations they made": tokens.rowcount,  # type: ignore[attr-defined]
        "deactivation records": departures.rowcount,  # type: ignore[attr-defined]
    }
