"""The responders not yet ended, per workspace, kept in memory so messages skip the database.

Reloaded when this process changes a responder, and at least every few seconds for the
changes other replicas make. A reply is checked against the database again as it goes out,
so a responder ended elsewhere a moment ago answers nobody.
"""

import itertools
import threading
import time
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, event

from bot.clock import Clock
from bot.core.responder import Kind, Phase, phase_at
from storage import reply_queries
from storage.db import session_scope
from storage.models import Responder
from storage.queries import Workspace

TTL = 5.0
_changes = itertools.count()
_generation = next(_changes)


def _changed(*_args: Any) -> None:
    global _generation  # noqa: PLW0603 (one counter for the process, bumped by the ORM)
    _generation = next(_changes)


for _event in ("after_insert", "after_update", "after_delete"):
    event.listen(Responder, _event, _changed)


class AwayIndex:
    """Answers "could any responder care about these ids?" without a query, most of the time."""

    def __init__(self, engine: Engine, clock: Clock, ttl: float = TTL) -> None:
        self._engine, self._clock, self._ttl = engine, clock, ttl
        self._lock = threading.Lock()
        self._loaded: dict[Workspace, tuple[float, int, tuple[Responder, ...]]] = {}

    def on_now(
        self, workspace: Workspace, *, ids: Collection[str], now: datetime
    ) -> list[Responder]:
        """The responders on now for any of these people, user groups or channels."""
        return [
            r
            for r in self._responders(workspace)
            if (r.owner_id in ids if r.kind == Kind.PERSONAL else r.target_id in ids)
            and phase_at(r.starts_at, r.ends_at, now) is Phase.ACTIVE
        ]

    def _responders(self, workspace: Workspace) -> tuple[Responder, ...]:
        with self._lock:
            hit = self._loaded.get(workspace)
        if hit and hit[1] == _generation and time.monotonic() - hit[0] < self._ttl:
            return hit[2]
        generation, loaded_at = _generation, time.monotonic()
        with session_scope(self._engine) as session:
            found = tuple(reply_queries.not_ended(session, workspace=workspace, now=self._clock()))
        with self._lock:
            self._loaded[workspace] = (loaded_at, generation, found)
        return found
