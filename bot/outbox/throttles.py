"""Slack's rate limits, honoured per workspace and method: a 429 holds back only what calls
the method it limited, in that workspace, for as long as Slack asked."""

import threading
from collections import defaultdict
from datetime import datetime


class Throttles:
    """When each (workspace, method) may be called again, and which methods each kind calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until: dict[tuple[str, str], datetime] = {}
        # Learnt from the 429s themselves: a kind's delivery may call several methods.
        self._methods: defaultdict[str, set[str]] = defaultdict(set)

    def hold(self, team_id: str, kind: str, method: str, until: datetime) -> None:
        """Slack answered a call of `method` made for `kind` in this workspace with a 429."""
        with self._lock:
            self._methods[kind].add(method)
            key = (team_id, method)
            self._until[key] = max(until, self._until.get(key, until))

    def until(self, team_id: str, kind: str, now: datetime) -> datetime | None:
        """Until when an effect of `kind` in this workspace must wait, or None: go ahead."""
        waiting = []
        with self._lock:
            for method in self._methods.get(kind, ()):
                end = self._until.get((team_id, method))
                if end is not None and end <= now:
                    del self._until[(team_id, method)]  # over: forget it
                elif end is not None:
                    waiting.append(end)
        return max(waiting, default=None)
