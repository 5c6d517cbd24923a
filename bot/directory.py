"""Who and what a workspace has, as far as ooo cares, cached briefly to spare rate limits."""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

PEOPLE_TTL = 300.0
HANDLES_TTL = 60.0
# conversations.list is rate-limited (Tier 2); ten pages of 1,000 cover large workspaces.
CHANNEL_PAGES = 10
logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    """A user's time zone and language, as Slack reports them."""

    user_id: str
    tz: str
    locale: str


@dataclass(frozen=True)
class Handle:
    """Something a shared responder can answer for: a user group or a channel."""

    id: str
    label: str
    words: str


class Directory:
    """Looks people, user groups and channels up, and remembers them for a little while."""

    def __init__(self, people_ttl: float = PEOPLE_TTL, handles_ttl: float = HANDLES_TTL) -> None:
        self._ttl = {"person": people_ttl, "handles": handles_ttl}
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, ...], tuple[float, object]] = {}
        self._loading = threading.Lock()

    def _cached(self, key: tuple[str, ...], load: Callable[[], T]) -> T:
        """Return a fresh cached value, or load and remember it."""
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and time.monotonic() - hit[0] < self._ttl[key[0]]:
            return hit[1]  # type: ignore[return-value]
        value = load()
        with self._lock:
            self._cache[key] = (time.monotonic(), value)
        return value

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Person:
        """Return a user's zone and locale; if Slack can't say right now, UTC and English."""
        try:
            return self._cached(("person", team_id, user_id), lambda: _load_person(client, user_id))
        except (SlackApiError, OSError) as error:
            # Not cached: the next request asks Slack again. The preview names the zone used.
            logger.warning("could not look up %s, using UTC: %s", user_id, error)
            return Person(user_id=user_id, tz="UTC", locale="en-US")

    def handles(self, client: WebClient, *, team_id: str) -> list[Handle]:
        """Return the workspace's user groups, then its public channels."""
        with self._loading:  # one load at a time, so keystrokes don't multiply Slack calls
            try:
                return self._cached(("handles", team_id), lambda: _load_handles(client))
            except PartialLoad as partial:
                return partial.handles


def _load_person(client: WebClient, user_id: str) -> Person:
    """Ask Slack for a user; a zone Python does not know falls back to UTC."""
    user = client.users_info(user=user_id, include_locale=True)["user"]
    tz = user.get("tz") or "UTC"
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning("unknown time zone %r for %s; using UTC", tz, user_id)
        tz = "UTC"
    return Person(user_id=user_id, tz=tz, locale=user.get("locale") or "en-US")


class PartialLoad(Exception):
    """Some lists could not be read: use what was, but don't remember it."""

    def __init__(self, handles: list[Handle]) -> None:
        super().__init__(f"{len(handles)} handles")
        self.handles = handles


def _load_handles(client: WebClient) -> list[Handle]:
    """Read user groups and channels; either can fail without losing the other."""
    handles: list[Handle] = []
    failed = False
    try:
        groups: list[dict[str, str]] = client.usergroups_list().get("usergroups", [])
        for group in groups:
            words = f"{group['handle']} {group.get('name', '')}".lower()
            handles.append(Handle(group["id"], f"@{group['handle']}", words))
    except (SlackApiError, OSError) as error:
        logger.warning("could not list user groups: %s", error)
        failed = True
    cursor = ""
    try:
        for _ in range(CHANNEL_PAGES):
            page = client.conversations_list(
                types="public_channel", exclude_archived=True, limit=1000, cursor=cursor or None
            )
            channels: list[dict[str, str]] = page.get("channels", [])
            for channel in channels:
                handles.append(
                    Handle(channel["id"], f"#{channel['name']}", channel["name"].lower())
                )
            cursor = (page.get("response_metadata") or {}).get("next_cursor", "")
            if not cursor:
                break
    except (SlackApiError, OSError) as error:
        logger.warning("could not list channels: %s", error)
        failed = True
    if failed:
        raise PartialLoad(handles)
    return handles
