"""The effects a worker holds, until when, and the renewal of their leases while it does."""

import threading
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.outbox.delivery import Delivery
from storage import effects_queries as outbox
from storage.db import session_scope


@dataclass
class _Held:
    """A claimed effect not yet settled, and until when this worker holds it."""

    delivery: Delivery
    lease_until: datetime
    lost: bool = False


class Leases:
    """What this worker claimed and has not settled: renewed every third of the lease, so a
    live worker's effect is never taken over, and begun only with a third still left."""

    def __init__(self, engine: Engine, lease: timedelta) -> None:
        self._engine, self.lease = engine, lease
        self._held: dict[int, _Held] = {}
        self._settled = threading.Condition()
        self._renewed_at: datetime | None = None

    def __len__(self) -> int:
        with self._settled:
            return len(self._held)

    def hold(self, delivery: Delivery, *, now: datetime) -> None:
        """Hold a claimed effect for one lease from now."""
        with self._settled:
            self._held[delivery.id] = _Held(delivery, now + self.lease)

    def release(self, effect_id: int) -> None:
        """Let go of a settled effect (or one that could not be)."""
        with self._settled:
            self._held.pop(effect_id, None)
            self._settled.notify_all()

    def wait_released(self, effect_ids: Collection[int]) -> None:
        """Wait until none of these effects is held any more."""
        with self._settled:
            self._settled.wait_for(lambda: not any(i in self._held for i in effect_ids))

    def may_begin(self, effect_id: int, *, now: datetime) -> bool:
        """Whether an effect is still ours with a third of its lease left to deliver it in."""
        with self._settled:
            held = self._held[effect_id]
            return not held.lost and held.lease_until - now >= self.lease / 3

    def renew(self, *, now: datetime) -> None:
        """Every third of the lease, extend the leases of what this worker still holds."""
        if self._renewed_at is not None and now - self._renewed_at < self.lease / 3:
            return
        self._renewed_at = now
        with self._settled:
            held = [(i, h.delivery.attempts) for i, h in self._held.items() if not h.lost]
        if not held:
            return
        with session_scope(self._engine) as session:
            kept = outbox.renew_leases(session, held=held, until=now + self.lease)
        with self._settled:
            for effect_id, _attempts in held:
                mine = self._held.get(effect_id)
                if mine is None:
                    continue
                if effect_id in kept:
                    mine.lease_until = now + self.lease
                else:
                    mine.lost = True
