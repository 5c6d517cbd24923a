"""The responders not yet ended, per workspace, kept in memory so messages skip the database.

They are read again when this process changes a responder, and when the responders' version
moved: a trigger bumps that number at every change of a responder, whichever replica (or
person) made it. Reading the number is cheap but not free, so it is read at most every
RECHECK seconds (not at each message). A reply is checked against the database again as it goes out.
"""

import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, event

from bot.clock import Clock
from bot.core.responder import Kind, Phase, phase_at
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage import reply_queries
from storage.db import session_scope
from storage.models import ResponderRow

# Another replica's edit reaches this one's replies within this many seconds.
RECHECK = 0.1
_changes = itertools.count()
_generation = next(_changes)


def _changed(*_args: Any) -> None:
    global _generation  # noqa: PLW0603 (one counter for the process, bumped by the ORM)
    _generation = next(_changes)


for _event in ("after_insert", "after_update", "after_delete"):
    event.listen(ResponderRow, _event, _changed)


@dataclass
class _Loaded:
    """A workspace's responders by the id a message must carry: owner, user group or channel."""

    version: int
    generation: int
    checked_at: float
    by_id: dict[str, tuple[Responder, ...]]


class LiveResponders:
    """Answers "could any responder care about these ids?" without a query, most of the time."""

    def __init__(self, engine: Engine, clock: Clock, recheck: float = RECHECK) -> None:
        self._engine, self._clock, self._recheck = engine, clock, recheck
        self._lock = threading.Lock()
        self._loaded: dict[Workspace, _Loaded] = {}

    def on_now(
        self, workspace: Workspace, *, ids: Collection[str], now: datetime
    ) -> list[Responder]:
        """The responders on now for any of these people, user groups or channels."""
        by_id = self._responders(workspace)
        found = [
            r
            for key in ids
            for r in by_id.get(key, ())
            if phase_at(r.starts_at, r.ends_at, now) is Phase.ACTIVE
        ]
        return sorted(found, key=lambda r: r.id)

    def _responders(self, workspace: Workspace) -> dict[str, tuple[Responder, ...]]:
        generation, checked_at = _generation, time.monotonic()
        with self._lock:
            hit = self._loaded.get(workspace)
        if hit and hit.generation == generation and checked_at - hit.checked_at < self._recheck:
            return hit.by_id
        with session_scope(self._engine) as session:
            version = reply_queries.responders_version(session)
            if hit and hit.generation == generation and hit.version == version:
                hit.checked_at = checked_at
                return hit.by_id
            # Read after the version: a change committed in between is read now and, its
            # version being newer, read again at the next check; none is ever missed.
            found = reply_queries.not_ended(session, workspace=workspace, now=self._clock())
        by_id: defaultdict[str, list[Responder]] = defaultdict(list)
        for r in found:
            by_id[r.owner_id if r.kind == Kind.PERSONAL else r.target_id or ""].append(r)
        loaded = _Loaded(version, generation, checked_at, {k: tuple(v) for k, v in by_id.items()})
        with self._lock:
            self._loaded[workspace] = loaded
        return loaded.by_id
