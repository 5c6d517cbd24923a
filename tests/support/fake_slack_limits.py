"""Slack's pace in the fake: outages, rate limits per tier, method and workspace (429 with
Retry-After), and the history limits of distributed apps outside the Marketplace."""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from tests.support.fake_slack_checks import method_ref

# Calls a minute per workspace and method, by the tier the reference names (Slack's floor).
PER_MINUTE = {"t1": 1, "t2": 20, "t3": 50, "t4": 100}
# chat.postMessage is "special": about one message a second per conversation.
POSTS_PER_SECOND = 1
# Since 2025, for commercially distributed apps outside the Marketplace.
HISTORY_METHODS = ("conversations.history", "conversations.replies")
HISTORY_PER_MINUTE, HISTORY_ITEMS = 1, 15


@dataclass(frozen=True)
class Refusal:
    """How the fake refuses a call: an HTTP status with a Retry-After, or no answer at all."""

    status: int
    error: str
    retry_after: int | None = None
    drop: bool = False


class Limits:
    """What slows the fake down or refuses calls, checked before a call is carried out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._outage_until = 0.0
        self._outage: Refusal | None = None
        self._tiers = False
        self._distributed = False
        self._windows: defaultdict[tuple[str, ...], deque[float]] = defaultdict(deque)
        self.delay_every = 0.0

    def outage(self, seconds: float, *, status: int = 503, drop: bool = False) -> None:
        """Slack is down for `seconds`: every call gets `status`, or (`drop`) no answer."""
        with self._lock:
            self._outage_until = time.monotonic() + seconds
            self._outage = Refusal(status, "service_unavailable", drop=drop)

    def end_outage(self) -> None:
        """Slack is back."""
        with self._lock:
            self._outage_until = 0.0

    def enforce_tiers(self) -> None:
        """Refuse calls beyond each method's tier, per workspace, as Slack does."""
        with self._lock:
            self._tiers = True

    def distributed(self) -> None:
        """The app is distributed outside the Marketplace: history reads are Tier 1 and short."""
        with self._lock:
            self._distributed = True

    def history_limit(self, method: str) -> int | None:
        """The most messages a history read returns, when limited."""
        return HISTORY_ITEMS if self._distributed and method in HISTORY_METHODS else None

    def refusal(self, method: str, team_id: str | None, channel: str | None) -> Refusal | None:
        """Why this call is refused now (an outage, a rate limit), or None: carry it out."""
        now = time.monotonic()
        with self._lock:
            if now < self._outage_until and self._outage is not None:
                return self._outage
            for key, limit, period in self._limits(method, team_id or "", channel):
                window = self._windows[key]
                while window and window[0] <= now - period:
                    window.popleft()
                if len(window) >= limit:
                    wait = math.ceil(window[0] + period - now)
                    return Refusal(429, "ratelimited", retry_after=max(wait, 1))
            for key, _limit, _period in self._limits(method, team_id or "", channel):
                self._windows[key].append(now)
        return None

    def _limits(
        self, method: str, team_id: str, channel: str | None
    ) -> list[tuple[tuple[str, ...], int, float]]:
        """Each window the call counts in: (key, calls allowed, period in seconds)."""
        if self._distributed and method in HISTORY_METHODS:
            return [((team_id, method), HISTORY_PER_MINUTE, 60.0)]
        if not self._tiers:
            return []
        if method == "chat.postMessage":
            return [((team_id, method, channel or ""), POSTS_PER_SECOND, 1.0)]
        tier = (method_ref(method) or {}).get("rate_limits")
        per_minute = PER_MINUTE.get(str(tier))
        return [((team_id, method), per_minute, 60.0)] if per_minute else []
