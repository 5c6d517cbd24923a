"""Queries on people's calendar feeds and the responders read from them."""

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.models import CalendarFeed, ResponderRow


def feed_of(session: Session, *, workspace: Workspace, owner_id: str) -> CalendarFeed | None:
    """The person's calendar feed in this workspace, if they connected one."""
    query = select(CalendarFeed).where(
        CalendarFeed.team_id == workspace.team_id, CalendarFeed.owner_id == owner_id
    )
    return session.exec(query).first()


def feed_by_id(session: Session, *, feed_id: int) -> CalendarFeed | None:
    """A feed, or None once it was disconnected."""
    return session.get(CalendarFeed, feed_id)


def save_feed(session: Session, *, feed: CalendarFeed) -> CalendarFeed:
    """Insert or update a feed and return it with its id."""
    session.add(feed)
    session.flush()
    return feed


def delete_feed(session: Session, *, feed: CalendarFeed) -> None:
    """Forget a feed (its responders stay, each its own)."""
    session.delete(feed)
    session.flush()


def due_feeds(session: Session, *, now: datetime, limit: int) -> list[CalendarFeed]:
    """Feeds due to be read at `now`, longest waiting first."""
    query = (
        select(CalendarFeed)
        .where(col(CalendarFeed.due_at) <= now)
        .order_by(col(CalendarFeed.due_at), col(CalendarFeed.id))
        .limit(limit)
    )
    return list(session.exec(query))


def claim_feed(session: Session, *, feed_id: int, was: datetime, to: datetime) -> bool:
    """Move a feed's due time on, only if nobody did meanwhile: the one who moves it reads it."""
    moved = session.execute(
        update(CalendarFeed)
        .where(col(CalendarFeed.id) == feed_id, col(CalendarFeed.due_at) == was)
        .values(due_at=to)
        .execution_options(synchronize_session=False)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


def next_feed_due(session: Session) -> datetime | None:
    """When the earliest feed falls due."""
    query = select(CalendarFeed.due_at).order_by(col(CalendarFeed.due_at)).limit(1)
    return session.exec(query).first()


def rows_from(session: Session, *, feed_id: int) -> list[ResponderRow]:
    """Every responder read from a feed and still linked to its occurrence, deleted or not."""
    query = select(ResponderRow).where(
        ResponderRow.calendar_id == feed_id, col(ResponderRow.occurrence).is_not(None)
    )
    return list(session.exec(query.order_by(col(ResponderRow.starts_at))))


def unlink(session: Session, *, responder_id: int) -> None:
    """Free an occurrence whose responder ooo removed or ended: if it comes back, it is new."""
    session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.id) == responder_id)
        .values(event_uid=None, occurrence=None)
        .execution_options(synchronize_session=False)
    )


def every_feed(session: Session) -> list[CalendarFeed]:
    """Every feed, to check or re-seal their URLs under another key."""
    return list(session.exec(select(CalendarFeed).order_by(col(CalendarFeed.id))))


def unlink_all(session: Session, *, feed_id: int) -> None:
    """Free every occurrence of a feed being disconnected: its responders are their own now."""
    session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.calendar_id) == feed_id)
        .values(event_uid=None, occurrence=None)
        .execution_options(synchronize_session=False)
    )
