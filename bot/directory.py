"""Who a Slack user is, as far as ooo cares: time zone and locale, cached briefly."""

import threading
import time
from dataclasses import dataclass

from slack_sdk import WebClient

TTL_SECONDS = 300.0


@dataclass(frozen=True)
class Person:
    """A user's time zone and language, as Slack reports them."""

    user_id: str
    tz: str
    locale: str


class Directory:
    """Looks people up with `users.info` and remembers them for a few minutes."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self._ttl = ttl
        self._lock = threading.Lock()
        self._people: dict[tuple[str, str], tuple[float, Person]] = {}

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Person:
        """Return a user's zone and locale, asking Slack only when the cache is stale."""
        key = (team_id, user_id)
        with self._lock:
            cached = self._people.get(key)
        if cached is not None and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        user = client.users_info(user=user_id, include_locale=True)["user"]
        person = Person(
            user_id=user_id, tz=user.get("tz") or "UTC", locale=user.get("locale") or "en-US"
        )
        with self._lock:
            self._people[key] = (time.monotonic(), person)
        return person
