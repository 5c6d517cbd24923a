"""Who and what a workspace has, as far as ooo cares, cached briefly to spare rate limits."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import Clock
from bot.core.dates import DateError, time_zone
from bot.slack.context import patient
from bot.slack.handles import Handle, HandleLoad, load_handles
from bot.slack.memberships import load_members
from bot.slack.roster_pages import Paging, RosterBusy, load_roster, name_of, wait_asked

PEOPLE_TTL = timedelta(minutes=5)
HANDLES_TTL = timedelta(minutes=1)
# users.list is Tier 2: a workspace's people are read at most this often.
ROSTER_TTL = timedelta(minutes=10)
# Who may speak for a user group or channel is asked again this often: someone who left it
# stops speaking for it within this time.
MEMBERS_TTL = timedelta(minutes=1)
# After a failed load, ask again this soon rather than hammer Slack on every keystroke.
RETRY_AFTER = timedelta(seconds=10)
# Slack drops an options answer after 3 s; the request itself needs part of that window.
ANSWER_WITHIN = 1.0
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    """A user's time zone, language and name, as Slack reports them, or guesses when it can't."""

    tz: str
    locale: str
    guessed: bool = False
    # What Slack shows of them (display name, else real name), for labels that mention nobody.
    name: str = ""


GUESS = Person(tz="UTC", locale="en-US", guessed=True)
# The people one request asked about, guesses included: a failed users.info costs it once.
_asked: ContextVar[dict[tuple[str, str], Person] | None] = ContextVar("asked", default=None)


class _Workspace:
    """One workspace's handles: the last result, and the load under way, if any."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.result: list[Handle] | None = None
        self.expires: datetime | None = None
        self.load: HandleLoad | None = None


class Directory:
    """Looks people, user groups and channels up, and remembers them for a little while."""

    def __init__(
        self,
        clock: Clock,
        *,
        people_ttl: timedelta = PEOPLE_TTL,
        handles_ttl: timedelta = HANDLES_TTL,
        answer_within: float = ANSWER_WITHIN,
    ) -> None:
        self._clock = clock
        self._people_ttl, self._handles_ttl = people_ttl, handles_ttl
        self._answer_within = answer_within
        self._lock = threading.Lock()
        self._people: dict[tuple[str, str], tuple[datetime, Person]] = {}
        self._rosters: dict[str, tuple[datetime, frozenset[str]]] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._full_names: dict[str, dict[str, str]] = {}
        self._members: dict[tuple[str, str], tuple[datetime, frozenset[str]]] = {}
        self._pagings: dict[str, Paging] = {}
        self._workspaces: dict[str, _Workspace] = {}

    @contextmanager
    def one_request(self) -> Iterator[None]:
        """Within the block, ask Slack about each person once, even when it could not say."""
        token = _asked.set({})
        try:
            yield
        finally:
            _asked.reset(token)

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Person:
        """Return a user's zone and locale; if Slack can't say right now, a guess (UTC)."""
        key, asked = (team_id, user_id), _asked.get()
        with self._lock:
            hit = self._people.get(key)
        if hit is not None and self._clock() < hit[0]:
            return hit[1]
        if asked is not None and key in asked:
            return asked[key]
        try:
            person = _load_person(client, user_id)
        except (SlackApiError, OSError) as error:
            # Not cached: the next request asks Slack again, and the modal names the zone used.
            logger.warning("could not look up %s, using UTC: %s", user_id, error)
            if asked is not None:
                asked[key] = GUESS
            return GUESS
        with self._lock:
            self._people[key] = (self._clock() + self._people_ttl, person)
        return person

    def display_names(
        self, client: WebClient, *, team_id: str, user_ids: set[str]
    ) -> dict[str, str]:
        """Each person's name; one Slack can't give is left out (callers say something else)."""
        people = {u: self.person(client, team_id=team_id, user_id=u) for u in user_ids}
        return {user_id: person.name for user_id, person in people.items() if person.name}

    def roster(self, client: WebClient, *, team_id: str) -> frozenset[str]:
        """The workspace's active people: no bots, no deactivated accounts, no strangers.

        When Slack limits or drops the listing partway, the pages read are kept and the next
        call resumes at the page that failed, not before Slack's Retry-After; meanwhile the
        last complete roster is served, or RosterBusy raised when there is none yet.
        """
        with self._lock:
            hit = self._rosters.get(team_id)
            listing = self._pagings.setdefault(team_id, Paging())
        if hit is not None and self._clock() < hit[0]:
            return hit[1]
        with listing.lock:  # one listing a workspace: a pause Slack asked for holds for all
            return self._go_on(client, team_id, listing)

    def _go_on(self, client: WebClient, team_id: str, listing: Paging) -> frozenset[str]:
        """Carry a listing on from where it stopped, unless Slack asked to wait longer."""
        now = self._clock()
        with self._lock:
            hit = self._rosters.get(team_id)
        if hit is not None and now < hit[0]:
            return hit[1]  # another caller just finished it
        if listing.retry_at is None or listing.retry_at <= now:
            try:
                found = load_roster(client, listing)
            except (SlackApiError, OSError) as error:
                listing.retry_at = now + wait_asked(error)
                logger.warning("listing people paused until %s: %s", listing.retry_at, error)
            else:
                names, full_names = listing.names, listing.full_names
                listing.people, listing.names, listing.retry_at = set(), {}, None
                listing.full_names = {}
                with self._lock:
                    self._rosters[team_id] = (self._clock() + ROSTER_TTL, found)
                    self._names[team_id] = names
                    self._full_names[team_id] = full_names
                return found
        if hit is None:
            raise RosterBusy
        return hit[1]

    def roster_names(self, *, team_id: str, full: bool = False) -> dict[str, str]:
        """The names of the workspace's active people (their full names if `full`), as of the
        last complete roster."""
        with self._lock:
            return (self._full_names if full else self._names).get(team_id, {})

    def members(self, client: WebClient, *, team_id: str, target_id: str) -> frozenset[str]:
        """Who is in a user group or channel now; nobody if it is gone. Slack's failures raise."""
        key = (team_id, target_id)
        with self._lock:
            hit = self._members.get(key)
        if hit is not None and self._clock() < hit[0]:
            return hit[1]
        found = load_members(client, target_id)
        with self._lock:
            self._members[key] = (self._clock() + MEMBERS_TTL, found)
        return found

    def known_members(self, *, team_id: str, target_id: str) -> frozenset[str] | None:
        """Who is in a user group or channel, if read from Slack within the last minute."""
        with self._lock:
            hit = self._members.get((team_id, target_id))
        return hit[1] if hit is not None and self._clock() < hit[0] else None

    def handles(self, client: WebClient, *, team_id: str) -> list[Handle]:
        """Return the workspace's user groups and public channels, without making anyone wait.

        A fresh result is served as is; a stale one is served while a refresh runs in the
        background; with none yet, what a first load found within `answer_within` seconds.
        """
        with self._lock:
            workspace = self._workspaces.setdefault(team_id, _Workspace())
        with workspace.lock:
            now = self._clock()
            fresh = workspace.expires is not None and now < workspace.expires
            if workspace.result is not None and fresh:
                return workspace.result
            if workspace.load is None:
                workspace.load = self._start_load(patient(client), workspace)
            load, stale = workspace.load, workspace.result
        if stale is not None:
            return stale
        load.done.wait(self._answer_within)
        return load.so_far()

    def _start_load(self, client: WebClient, workspace: _Workspace) -> HandleLoad:
        """Load in the background; remember the result, a failed one only briefly."""
        load = HandleLoad()

        def run() -> None:
            complete = False
            try:
                complete = load_handles(client, load)
            finally:
                with workspace.lock:
                    if complete or workspace.result is None:  # a failed refresh keeps the old
                        workspace.result = load.so_far()
                    ttl = self._handles_ttl if complete else RETRY_AFTER
                    workspace.expires, workspace.load = self._clock() + ttl, None
                load.done.set()

        threading.Thread(target=run, name="ooo-handles", daemon=True).start()
        return load


def _load_person(client: WebClient, user_id: str) -> Person:
    """Ask Slack for a user; a zone Python does not know falls back to UTC."""
    user = client.users_info(user=user_id, include_locale=True)["user"]
    tz, locale = user.get("tz") or "UTC", user.get("locale") or "en-US"
    name = name_of(user)
    try:
        time_zone(tz)
    except DateError:
        logger.warning("unknown time zone %r for %s; using UTC", tz, user_id)
        return Person(tz="UTC", locale=locale, guessed=True, name=name)
    return Person(tz=tz, locale=locale, name=name)
