"""Reading one calendar feed into its responders: the network first, then a short transaction.

`refresh_feed` reads one feed (a bench can call it); the sweep claims due feeds with a
compare-and-set on their due time, so two replicas never read one feed at once.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.accounts.vault import Vault
from bot.calendars.connected.sync import Synced, sync_feed
from bot.calendars.connected.words import NOT_A_CALENDAR, problem_of
from bot.calendars.fetching.fetch import FeedError, Fetched, fetch_feed
from bot.core.calendar_absences import Absence, NotACalendar, read_absences
from bot.core.calendar_sync import next_read, retry_after, time_to_tell
from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from storage import calendar_queries
from storage.db import begin_writing, session_scope
from storage.effects_queries import enqueue_effect
from storage.models import CalendarFeed

logger = logging.getLogger(__name__)
Fetch = Callable[..., Fetched]
Read = Callable[..., list[Absence]]


@dataclass(frozen=True)
class Reader:
    """How feeds are read: the vault opening their URLs, the network, the parser, the horizon."""

    vault: Vault
    allow_hosts: frozenset[str] = frozenset()
    horizon_days: int = 90
    every: timedelta = timedelta(seconds=900)
    fetch: Fetch = fetch_feed
    read: Read = read_absences

    def load(
        self,
        url: str,
        *,
        tz: str,
        marked_only: bool,
        now: datetime,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> tuple[Fetched, list[Absence] | None]:
        """Fetch a feed and read its absences (None: not modified); FeedError if it can't be."""
        fetched = self.fetch(
            url, etag=etag, last_modified=last_modified, allow_hosts=self.allow_hosts
        )
        if fetched.body is None:
            return fetched, None
        try:
            absences = self.read(
                fetched.body,
                tz=tz,
                now=now,
                horizon_days=self.horizon_days,
                marked_only=marked_only,
                charset=fetched.charset,
            )
        except NotACalendar:
            raise FeedError(NOT_A_CALENDAR) from None
        return fetched, absences


def refresh_feed(engine: Engine, reader: Reader, feed: CalendarFeed, *, now: datetime) -> str:
    """Read one feed and bring its responders in line; says how it went (for logs, benches)."""
    try:
        fetched, absences = reader.load(
            reader.vault.open(feed.url),
            tz=feed.tz,
            marked_only=feed.marked_only,
            now=now,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
    except FeedError as error:
        record_failure(engine, feed, problem_of(error), every=reader.every, now=now)
        # The host only: a feed's URL is a secret, and so is its path.
        logger.info("calendar %s (%s) could not be read: %s", feed.id, feed.hint, error.code)
        return error.code
    if absences is None:
        record_unchanged(engine, feed, every=reader.every, now=now)
        return "unchanged"
    try:
        synced = sync_feed(engine, feed, absences, fetched=fetched, every=reader.every, now=now)
    except IntegrityError:
        # Another replica wrote the same occurrences meanwhile: its read stands.
        return "raced"
    return _summary(synced)


def _summary(synced: Synced | None) -> str:
    if synced is None:
        return "disconnected"
    return f"created {synced.created}, moved {synced.moved}, removed {synced.removed}"


def record_unchanged(
    engine: Engine, feed: CalendarFeed, *, every: timedelta, now: datetime
) -> None:
    """The server said the feed has not changed: it reads, and nothing else changes."""
    with session_scope(engine) as session:
        begin_writing(session, "record_unchanged")
        current = _current(session, feed)
        if current is None or current.id is None:
            return
        current.read_at = current.succeeded_at = now
        current.failing_since, current.failures, current.problem = None, 0, None
        current.told_at = None
        current.due_at = next_read(current.id, now=now, every=every)
        calendar_queries.save_feed(session, feed=current)


def record_failure(
    engine: Engine, feed: CalendarFeed, problem: str, *, every: timedelta, now: datetime
) -> None:
    """Back off a feed that failed; once it has failed long enough, tell its person once."""
    with session_scope(engine) as session:
        begin_writing(session, "record_failure")
        current = _current(session, feed)
        if current is None or current.id is None:
            return
        current.failures += 1
        current.failing_since = current.failing_since or now
        current.problem, current.read_at = problem, now
        current.due_at = retry_after(current.failures, now=now, every=every)
        if time_to_tell(failing_since=current.failing_since, told_at=current.told_at, now=now):
            current.told_at = now
            _tell(session, current, now=now)
        calendar_queries.save_feed(session, feed=current)


def _current(session: Session, feed: CalendarFeed) -> CalendarFeed | None:
    """The feed as stored now, unless it was disconnected or pointed elsewhere meanwhile."""
    assert feed.id is not None
    current = calendar_queries.feed_by_id(session, feed_id=feed.id)
    return current if current is not None and current.url == feed.url else None


def _tell(session: Session, feed: CalendarFeed, *, now: datetime) -> None:
    """Record the DM and the Home tab redraw saying the feed has failed for a while."""
    assert feed.failing_since is not None
    key = f"calendar:{feed.id}:failing:{feed.failing_since.isoformat()}"
    workspace = Workspace(feed.team_id, feed.enterprise_id)
    for suffix, kind in (("", EffectKind.CALENDAR_FAILING), (":home", EffectKind.HOME_REFRESH)):
        enqueue_effect(
            session,
            key=key + suffix,
            kind=kind,
            payload={"calendar": feed.id},
            workspace=workspace,
            now=now,
            owner_id=feed.owner_id,
        )
