"""Serving a published feed: the token checked, its people read, the body drawn (or reused),
and the answer a calendar expects, with ETag, Last-Modified and 304 for what it already has."""

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime

from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.accounts.clients import ClientFor, NotInstalled
from bot.calendars.published.feeds import PERSON, token_hash
from bot.calendars.published.ics import DrawnEvents, render_feed
from bot.calendars.published.people import Hidden, Unavailable, backup_names, people_of
from bot.clock import Clock
from bot.core.published_events import feed_event, feed_window, with_shown
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_in, settings_in
from bot.slack.directory import Directory
from bot.texts import _, speaking
from storage import published_feed_queries as stored
from storage.db import session_scope
from storage.models import PublishedFeed

logger = logging.getLogger(__name__)
CALENDAR = "text/calendar; charset=utf-8"
# Calendars read a feed every hour or so; a shared cache (a proxy) must never keep it.
CACHE_CONTROL = "private, max-age=900"
# Reading a feed records when it was read at most this often, to spare the database a write.
NOTE_EVERY = timedelta(minutes=5)
# The bodies last served, so a feed read again unchanged is not drawn again.
KEPT_BODIES = 64
RETRY_AFTER = "60"


@dataclass(frozen=True)
class FeedAnswer:
    """An HTTP answer: status, headers and body."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


NOT_FOUND = FeedAnswer(404, [("Content-Type", "text/plain; charset=utf-8")], b"not found\n")


@dataclass(frozen=True)
class Conditions:
    """What a calendar already has: the validators of its copy, if it sent them."""

    if_none_match: str | None = None
    if_modified_since: str | None = None


class FeedReader:
    """Answers feed URLs for every workspace, with the bot client of each."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        directory: Directory,
        client_for: ClientFor,
        *,
        host: str,
    ) -> None:
        self._engine, self._clock, self._directory = engine, clock, directory
        self._client_for, self._host = client_for, host
        self._bodies: OrderedDict[int, tuple[Hashable, bytes, str]] = OrderedDict()
        self._drawn = DrawnEvents()
        self._lock = threading.Lock()

    def read(self, token: str | None, conditions: Conditions = Conditions()) -> FeedAnswer:
        """The feed behind a token; the same 404 for a malformed, unknown or revoked one."""
        if token is None:
            return NOT_FOUND
        digest = token_hash(token)
        with session_scope(self._engine) as session:
            feed = stored.feed_by_hash(session, token_hash=digest)
        # The token itself is never compared: only its hash, which the database looked up.
        if feed is None:
            return NOT_FOUND
        try:
            body, etag_hash = self._body(feed)
        except (Hidden, NotInstalled):
            return NOT_FOUND
        except (Unavailable, SlackApiError, OSError) as error:
            logger.warning("could not read feed %s's people: %s", feed.id, error)
            return FeedAnswer(503, [("Retry-After", RETRY_AFTER)], b"try again later\n")
        return self._answer(feed, body, etag_hash, conditions)

    def _body(self, feed: PublishedFeed) -> tuple[bytes, str]:
        """Draw the feed as it is now, or reuse the last body when nothing it shows changed;
        the body and its SHA-256."""
        workspace, now = Workspace(feed.team_id, feed.enterprise_id), self._clock()
        client = self._client_for(workspace)
        people = people_of(feed, client, self._directory)
        ended_after, starting_before = feed_window(now)
        with session_scope(self._engine) as session:
            absences = stored.feed_absences(
                session,
                workspace=workspace,
                people=people.ids,
                ended_after=ended_after,
                starting_before=starting_before,
            )
            owners = {absence.owner_id for absence in absences}
            schedules = schedules_in(session, workspace, owners)
            privacy = settings_in(session, workspace).privacy
        events = [
            feed_event(with_shown(absence, privacy), now=now, schedule=schedules[absence.owner_id])
            for absence in absences
        ]
        backups = {a.backup_id for a in absences if a.backup_id}
        names = backup_names(people, backups, client, self._directory, team_id=feed.team_id)
        title = self._title(feed, names)
        used = {e.absence.owner_id: names.get(e.absence.owner_id) for e in events}
        used |= {b: names.get(b) for b in backups}
        # Everything the body is drawn from: when it equals the last one's, so does the body.
        drawn_from = (title, feed.locale, self._host, tuple(events), tuple(sorted(used.items())))
        with self._lock:
            kept = self._bodies.get(feed.id or 0)
        if kept is not None and kept[0] == drawn_from:
            return kept[1], kept[2]
        body = render_feed(
            events,
            title=title,
            names=names,
            host=self._host,
            locale=feed.locale,
            own=feed.kind == PERSON,
            drawn=self._drawn,
        )
        etag_hash = hashlib.sha256(body).hexdigest()
        self._keep(feed.id or 0, drawn_from, body, etag_hash)
        return body, etag_hash

    def _title(self, feed: PublishedFeed, names: dict[str, str]) -> str:
        """What calendars call the feed: "Alice — out of office", "#design — out of office"."""
        label = feed.target_label if feed.kind != PERSON else None
        with speaking(feed.locale):
            return _("{name} — out of office", name=label or names.get(feed.owner_id, ""))

    def _keep(self, feed_id: int, drawn_from: Hashable, body: bytes, etag_hash: str) -> None:
        """Remember a body, forgetting the least recently drawn beyond KEPT_BODIES."""
        with self._lock:
            self._bodies[feed_id] = (drawn_from, body, etag_hash)
            self._bodies.move_to_end(feed_id)
            while len(self._bodies) > KEPT_BODIES:
                self._bodies.popitem(last=False)

    def _answer(
        self, feed: PublishedFeed, body: bytes, etag_hash: str, conditions: Conditions
    ) -> FeedAnswer:
        """200 with the body, or 304 when the calendar's copy is this one; note the read."""
        now = self._clock()
        changed = feed.body_hash != etag_hash
        last_read = feed.last_read_at
        if changed or last_read is None or now - last_read >= NOTE_EVERY:
            assert feed.id is not None
            with session_scope(self._engine) as session:
                stored.note_read(
                    session, feed_id=feed.id, body_hash=etag_hash, changed=changed, now=now
                )
        modified = now if changed or feed.changed_at is None else feed.changed_at
        etag = f'"{etag_hash[:32]}"'
        headers = [
            ("ETag", etag),
            ("Last-Modified", format_datetime(modified.replace(microsecond=0), usegmt=True)),
            ("Cache-Control", CACHE_CONTROL),
        ]
        if _fresh(conditions, etag, modified):
            return FeedAnswer(304, headers)
        return FeedAnswer(200, [("Content-Type", CALENDAR), *headers], body)


def _fresh(conditions: Conditions, etag: str, modified: datetime) -> bool:
    """Whether the calendar's copy is current; If-None-Match wins over If-Modified-Since."""
    if conditions.if_none_match is not None:
        sent = {tag.strip().removeprefix("W/") for tag in conditions.if_none_match.split(",")}
        return etag in sent or "*" in sent
    if conditions.if_modified_since is None:
        return False
    try:
        since = parsedate_to_datetime(conditions.if_modified_since)
    except (TypeError, ValueError):
        return False
    return since.tzinfo is not None and modified.replace(microsecond=0) <= since
