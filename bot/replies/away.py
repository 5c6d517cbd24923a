"""Who could be answered for, per workspace, kept in memory so most messages skip the database.

The set holds the people, user groups and channels with a responder not yet ended; it is
reloaded when this process changes a responder, and at least every few seconds for the
changes other replicas make. It only says "maybe": the database decides.
"""

import itertools
import threading
import time
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, event

from bot.clock import Clock
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
        self._loaded: dict[Workspace, tuple[float, int, frozenset[str]]] = {}

    def concerned(self, workspace: Workspace, ids: Collection[str]) -> frozenset[str]:
        """The ids that have a responder not yet ended (a fresh enough answer)."""
        return self._ids(workspace).intersection(ids)

    def _ids(self, workspace: Workspace) -> frozenset[str]:
        with self._lock:
            hit = self._loaded.get(workspace)
        if hit and hit[1] == _generation and time.monotonic() - hit[0] < self._ttl:
            return hit[2]
        generation, loaded_at = _generation, time.monotonic()
        ids = self._load(workspace, self._clock())
        with self._lock:
            self._loaded[workspace] = (loaded_at, generation, ids)
        return ids

    def _load(self, workspace: Workspace, now: datetime) -> frozenset[str]:
        with session_scope(self._engine) as session:
            return frozenset(reply_queries.answered_for(session, workspace=workspace, now=now))
