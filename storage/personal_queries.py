"""Queries on what ooo stores about one person of one workspace: to export, erase or purge it."""

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, or_, update
from sqlmodel import Session, SQLModel, col, select

from storage import audit_queries, closure_queries
from storage.models import (
    CalendarFeed,
    ConnectedAccount,
    Departure,
    Effect,
    Installation,
    Mention,
    PublishedFeed,
    Reminder,
    ResponderRow,
    SavedTeam,
    TeamDigest,
    Transition,
    UserChange,
)


def responders_owned(session: Session, *, team_id: str, user_id: str) -> list[ResponderRow]:
    """Every responder a person owns, however old, by start."""
    query = (
        select(ResponderRow)
        .where(ResponderRow.team_id == team_id, ResponderRow.owner_id == user_id)
        .order_by(col(ResponderRow.starts_at), col(ResponderRow.id))
    )
    return list(session.exec(query))


def responders_forwarding_to(session: Session, *, team_id: str, user_id: str) -> list[ResponderRow]:
    """Other people's responders that forward copies to this person."""
    query = select(ResponderRow).where(
        ResponderRow.team_id == team_id, ResponderRow.forward_to == user_id
    )
    return list(session.exec(query))


def mentions_sent(session: Session, *, team_id: str, user_id: str) -> list[Mention]:
    """Messages this person wrote that reached someone's responder (ids and times, no text)."""
    query = select(Mention).where(Mention.team_id == team_id, Mention.sender_id == user_id)
    return list(session.exec(query.order_by(col(Mention.at))))


def reminders_asked(session: Session, *, team_id: str, user_id: str) -> list[Reminder]:
    """The absences this person asked to be told the end of."""
    query = select(Reminder).where(
        Reminder.sender_id == user_id, col(Reminder.responder_id).in_(_team_responders(team_id))
    )
    return list(session.exec(query))


def _effects_naming(team_id: str, user_id: str) -> ColumnElement[bool]:
    """Effects of this person's responders, and those sent to them or about what they wrote.

    Payloads are JSON: a user id appears there only as a quoted value (sender, to).
    """
    named = col(Effect.payload).contains(f'"{user_id}"', autoescape=True)
    return and_(col(Effect.team_id) == team_id, or_(col(Effect.owner_id) == user_id, named))


def effects_for(session: Session, *, team_id: str, user_id: str) -> list[Effect]:
    """Side effects (messages, status changes) recorded for this person's responders, or
    naming them (a reply to them, a copy or a note sent to them)."""
    query = select(Effect).where(_effects_naming(team_id, user_id))
    return list(session.exec(query.order_by(col(Effect.id))))


def teams_of(session: Session, *, team_id: str, user_id: str) -> list[SQLModel]:
    """The team this person saved for `/ooo team`, and the team digests they set up."""
    saved = select(SavedTeam).where(SavedTeam.team_id == team_id, SavedTeam.user_id == user_id)
    digests = select(TeamDigest).where(
        TeamDigest.team_id == team_id, TeamDigest.owner_id == user_id
    )
    return [*session.exec(saved), *session.exec(digests)]


def installations_by(session: Session, *, team_id: str, user_id: str) -> list[Installation]:
    """Installations of this workspace that this person made."""
    query = select(Installation).where(
        Installation.team_id == team_id, Installation.installer_id == user_id
    )
    return list(session.exec(query))


def accounts_of(session: Session, *, team_id: str, user_id: str) -> list[ConnectedAccount]:
    """The account this person connected in this workspace (none or one)."""
    query = select(ConnectedAccount).where(
        ConnectedAccount.team_id == team_id, ConnectedAccount.user_id == user_id
    )
    return list(session.exec(query))


def calendars_of(session: Session, *, team_id: str, user_id: str) -> list[CalendarFeed]:
    """The calendar feed this person connected (its URL sealed), if any."""
    query = select(CalendarFeed).where(
        CalendarFeed.team_id == team_id, CalendarFeed.owner_id == user_id
    )
    return list(session.exec(query))


def feeds_of(session: Session, *, team_id: str, user_id: str) -> list[PublishedFeed]:
    """The calendar feeds this person made, revoked ones too."""
    query = select(PublishedFeed).where(
        PublishedFeed.team_id == team_id, PublishedFeed.owner_id == user_id
    )
    return list(session.exec(query.order_by(col(PublishedFeed.id))))


def departure_of(session: Session, *, team_id: str, user_id: str) -> Departure | None:
    """When Slack deactivated this person, if it did."""
    return session.get(Departure, (team_id, user_id))


def record_departure(session: Session, *, team_id: str, user_id: str, now: datetime) -> None:
    """Remember that Slack deactivated someone; a repeated event keeps the first moment."""
    if departure_of(session, team_id=team_id, user_id=user_id) is None:
        session.add(Departure(team_id=team_id, user_id=user_id, departed_at=now))
        session.flush()


def last_change(session: Session, *, team_id: str, user_id: str) -> UserChange | None:
    """When Slack last said it deactivated or reactivated this person, if ever."""
    return session.get(UserChange, (team_id, user_id))


def newest_change(session: Session, *, team_id: str, user_id: str, at: datetime) -> bool:
    """Remember when Slack said it deactivated or reactivated someone; False, remembering
    nothing, when it already said something newer (this word is stale)."""
    seen = session.get(UserChange, (team_id, user_id), with_for_update=True)
    if seen is not None and at < seen.changed_at:
        return False
    if seen is None:
        seen = UserChange(team_id=team_id, user_id=user_id, changed_at=at)
    seen.changed_at = at
    session.add(seen)
    session.flush()
    return True


def forget_departure(session: Session, *, team_id: str, user_id: str) -> bool:
    """Forget that Slack deactivated someone (it reactivated them); whether it had."""
    removed = session.execute(
        delete(Departure).where(
            col(Departure.team_id) == team_id, col(Departure.user_id) == user_id
        )
    )
    return bool(removed.rowcount)  # type: ignore[attr-defined]


def departed_before(session: Session, *, moment: datetime) -> list[Departure]:
    """People deactivated before a moment: their retention period is over."""
    return list(session.exec(select(Departure).where(col(Departure.departed_at) < moment)))


def _team_responders(team_id: str) -> Any:
    return select(ResponderRow.id).where(ResponderRow.team_id == team_id)


def _owned(team_id: str, user_id: str) -> Any:
    return select(ResponderRow.id).where(
        ResponderRow.team_id == team_id, ResponderRow.owner_id == user_id
    )


def erase_person(session: Session, *, team_id: str, user_id: str) -> dict[str, int]:
    """Delete everything stored about a person in a workspace; how many of each were removed."""
    owned = _owned(team_id, user_id)
    removed = {
        "mentions": session.execute(
            delete(Mention).where(
                col(Mention.team_id) == team_id,
                (col(Mention.sender_id) == user_id) | col(Mention.responder_id).in_(owned),
            )
        ),
        "reminders": session.execute(
            delete(Reminder).where(
                col(Reminder.responder_id).in_(_team_responders(team_id)),
                (col(Reminder.sender_id) == user_id) | col(Reminder.responder_id).in_(owned),
            )
        ),
        "transitions": session.execute(
            delete(Transition).where(col(Transition.responder_id).in_(owned))
        ),
        "saved teams": session.execute(
            delete(SavedTeam).where(
                col(SavedTeam.team_id) == team_id, col(SavedTeam.user_id) == user_id
            )
        ),
        "team digests": session.execute(
            delete(TeamDigest).where(
                col(TeamDigest.team_id) == team_id, col(TeamDigest.owner_id) == user_id
            )
        ),
        "effects": session.execute(delete(Effect).where(_effects_naming(team_id, user_id))),
        "connected accounts": session.execute(
            delete(ConnectedAccount).where(
                col(ConnectedAccount.team_id) == team_id, col(ConnectedAccount.user_id) == user_id
            )
        ),
        "calendars": session.execute(
            delete(CalendarFeed).where(
                col(CalendarFeed.team_id) == team_id, col(CalendarFeed.owner_id) == user_id
            )
        ),
        "published feeds": session.execute(
            delete(PublishedFeed).where(
                col(PublishedFeed.team_id) == team_id, col(PublishedFeed.owner_id) == user_id
            )
        ),
        "deactivation and reactivation times": session.execute(
            delete(UserChange).where(
                col(UserChange.team_id) == team_id, col(UserChange.user_id) == user_id
            )
        ),
    }
    backups = session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.team_id) == team_id, col(ResponderRow.backup_id) == user_id)
        .values(backup_id=None)
    )
    responders = session.execute(
        delete(ResponderRow).where(
            col(ResponderRow.team_id) == team_id, col(ResponderRow.owner_id) == user_id
        )
    )
    # Absences they set for others stay, no longer saying who set them.
    set_for_others = session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.team_id) == team_id, col(ResponderRow.set_by) == user_id)
        .values(set_by=None)
    )
    audit_about, audit_by = audit_queries.erase(session, team_id=team_id, user_id=user_id)
    closures = closure_queries.erase_memberships(session, team_id=team_id, user_id=user_id)
    forwards = session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.team_id) == team_id, col(ResponderRow.forward_to) == user_id)
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
    counts = {what: result.rowcount for what, result in removed.items()}  # type: ignore[attr-defined]
    return {
        "responders": responders.rowcount,  # type: ignore[attr-defined]
        **counts,
        "forwards to them": forwards.rowcount,  # type: ignore[attr-defined]
        "backups naming them": backups.rowcount,  # type: ignore[attr-defined]
        "installations they made": tokens.rowcount,  # type: ignore[attr-defined]
        "deactivation records": departures.rowcount,  # type: ignore[attr-defined]
        "absences they set for others": set_for_others.rowcount,  # type: ignore[attr-defined]
        "audit entries about them": audit_about,
        "audit entries they made, unnamed": audit_by,
        "what closures did for them": closures,
    }
