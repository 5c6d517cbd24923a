"""Connecting, changing and disconnecting a person's calendar feed.

A new address is read before anything is stored: one that cannot be read changes nothing, and
the feed it replaces stays. The read is network first, then one short transaction under the
person's lock that stores the feed (its URL sealed) and writes its responders.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import Engine
from sqlmodel import Session

from bot.calendars.connected.refresh import Reader
from bot.calendars.connected.sync import Synced, apply_absences, sync_feed
from bot.calendars.fetching.fetch import feed_url
from bot.core.workspace import Workspace
from bot.responders.changes import delete
from bot.responders.use_cases import owner_transaction
from storage import calendar_queries
from storage.db import session_scope
from storage.models import CalendarFeed


@dataclass(frozen=True)
class Person:
    """Whose calendar it is, and their zone and language as Slack gave them."""

    workspace: Workspace
    user_id: str
    tz: str
    locale: str


@dataclass(frozen=True)
class Disconnected:
    """What disconnecting did: scheduled responders removed, those on now left running."""

    removed: int
    still_on: int


def hint_of(url: str) -> str:
    """What is shown of a feed's secret URL: its host and an ellipsis."""
    return f"{urlsplit(url).hostname or '?'}/…"


def feed_of(engine: Engine, person: Person) -> CalendarFeed | None:
    """The person's feed as stored, if they connected one."""
    with session_scope(engine) as session:
        return calendar_queries.feed_of(
            session, workspace=person.workspace, owner_id=person.user_id
        )


def connect(
    engine: Engine,
    reader: Reader,
    person: Person,
    *,
    typed: str,
    now: datetime,
    marked_only: bool | None = None,
    message: str | None = None,
) -> tuple[CalendarFeed, Synced]:
    """Read the feed at the typed address and, if it reads, make it the person's (replacing
    any other) with its responders; FeedError saying why not, and nothing changes. Nothing
    typed reads the connected feed again (the form changed only its choices)."""
    before = feed_of(engine, person)
    url = reader.vault.open(before.url) if before and not typed.strip() else feed_url(typed)
    only = marked_only if marked_only is not None else bool(before and before.marked_only)
    fetched, absences = reader.load(url, tz=person.tz, marked_only=only, now=now)
    with owner_transaction(engine, workspace=person.workspace, owner_id=person.user_id) as session:
        feed = _stored_or_new(session, person, now=now)
        feed.url, feed.hint = reader.vault.seal(url), hint_of(url)
        feed.tz, feed.locale, feed.marked_only = person.tz, person.locale, only
        if message is not None:
            feed.message = message.strip() or None
        calendar_queries.save_feed(session, feed=feed)
        synced = apply_absences(
            session, feed, absences or [], fetched=fetched, every=reader.every, now=now
        )
    return feed, synced


def _stored_or_new(session: Session, person: Person, *, now: datetime) -> CalendarFeed:
    """The person's feed row, or a new one to fill in."""
    found = calendar_queries.feed_of(session, workspace=person.workspace, owner_id=person.user_id)
    return found or CalendarFeed(
        team_id=person.workspace.team_id,
        enterprise_id=person.workspace.enterprise_id,
        owner_id=person.user_id,
        url="",
        hint="",
        tz=person.tz,
        due_at=now,
        created_at=now,
    )


def choose_events(
    engine: Engine, reader: Reader, person: Person, *, marked_only: bool, now: datetime
) -> tuple[CalendarFeed, Synced] | None:
    """Count only out-of-office events, or every absence, and read the feed again at once;
    None without a feed. FeedError if it can't be read now (the choice is kept)."""
    with owner_transaction(engine, workspace=person.workspace, owner_id=person.user_id) as session:
        feed = calendar_queries.feed_of(
            session, workspace=person.workspace, owner_id=person.user_id
        )
        if feed is None:
            return None
        feed.marked_only = marked_only
        calendar_queries.save_feed(session, feed=feed)
    fetched, absences = reader.load(
        reader.vault.open(feed.url), tz=feed.tz, marked_only=marked_only, now=now
    )
    synced = sync_feed(engine, feed, absences or [], fetched=fetched, every=reader.every, now=now)
    return None if synced is None else (feed, synced)


def disconnect(engine: Engine, person: Person, *, now: datetime) -> Disconnected | None:
    """Forget the person's feed, remove its responders not started yet and leave those on now
    running (each ends on its own, or by hand); None if there was none."""
    workspace, owner = person.workspace, person.user_id
    with owner_transaction(engine, workspace=workspace, owner_id=owner) as session:
        feed = calendar_queries.feed_of(session, workspace=workspace, owner_id=owner)
        if feed is None or feed.id is None:
            return None
        removed = still_on = 0
        for row in calendar_queries.rows_from(session, feed_id=feed.id):
            if row.id is None or row.taken_over or row.deleted_at is not None:
                continue
            if row.starts_at > now:
                delete(session, workspace=workspace, owner_id=owner, responder_id=row.id, now=now)
                removed += 1
            elif row.ends_at is None or row.ends_at > now:
                still_on += 1
        calendar_queries.unlink_all(session, feed_id=feed.id)
        calendar_queries.delete_feed(session, feed=feed)
    return Disconnected(removed=removed, still_on=still_on)
