"""Workers that claim due effects, deliver them off the request path and record how it went."""

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from bot.clock import Clock
from bot.core.workspace import Workspace
from bot.outbox.delivery import Delivery, DeliveryServices
from bot.outbox.errors import judge
from bot.outbox.failures import show_failure
from bot.outbox.leases import Leases
from bot.outbox.queues import Queues
from bot.outbox.registry import Registry
from bot.outbox.throttles import Throttles
from storage import effects_queries as outbox
from storage.db import lock_timed_out, session_scope

logger = logging.getLogger(__name__)
# Slack takes about 100 ms a call, so senders mostly wait: eight of them deliver more than 50
# effects a second while the requests' p99 stays under 50 ms (bench/outbox_bench.py).
THREADS = 8
BATCH = 64
# Claim only what the senders will begin soon: a claimed effect waits for this worker alone,
# so claiming more would hold back another replica that is free to send it.
AHEAD_PER_THREAD = 4
POLL_SECONDS = 1.0
# After a nudge, wait this long for the effects of the requests still arriving, then claim
# them together: one claim per burst, not per request.
GATHER_SECONDS = 0.2
# Longer than any Slack call may take (the clients time out at a third of it). Leases are
# renewed every third of it while held, and an effect is begun only with a third still left,
# so a live worker's effect is never taken over; a crashed worker's is retried once it ends.
LEASE = timedelta(seconds=30)
# On stopping, what is already due is still delivered for this long: the answer to a request
# a moment before a deploy keeps its DM, and a large backlog never holds a deploy up.
DRAIN_SECONDS = 1.0
DRAIN_POLL_SECONDS = 0.05
# Recording an outcome waits for the database this long at most, in turns of the writer queue.
SETTLE_SECONDS = 5.0


class EffectWorker:
    """Delivers the outbox: a dispatcher thread claims effects and renews their leases, a pool
    sends them, each outcome recorded as soon as its call returns."""

    def __init__(
        self,
        engine: Engine,
        client_for: Callable[[Workspace], WebClient],
        clock: Clock,
        *,
        registry: Registry,
        services: DeliveryServices,
        threads: int = THREADS,
        batch: int = BATCH,
        lease: timedelta = LEASE,
    ) -> None:
        self._engine, self._client_for, self._clock = engine, client_for, clock
        self.registry, self._services = registry, services
        self._batch, self._lease = batch, lease
        self._ahead = threads * AHEAD_PER_THREAD
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ooo-effects")
        self._wake, self._stopping = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None
        self._leases = Leases(engine, lease)
        self._queues = Queues(self._pool, self._send, self._wake.set)
        self.throttles = Throttles()

    def start(self) -> None:
        """Deliver in the background until `close`."""
        self._thread = threading.Thread(target=self._loop, name="ooo-effects", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Look for due effects now (a transaction just recorded some)."""
        self._wake.set()

    def close(self, timeout: float = 10.0) -> None:
        """Stop: what is due (a DM the last request queued) still goes out for up to DRAIN
        seconds; then attempts under way finish and are recorded, claimed ones not begun go back."""
        if self._thread is not None:
            self._wake.set()
            deadline = time.monotonic() + DRAIN_SECONDS
            while time.monotonic() < deadline and self._anything_due():
                time.sleep(DRAIN_POLL_SECONDS)
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._pool.shutdown(wait=True)

    def _anything_due(self) -> bool:
        """Whether an effect is due now; a database that fails to say counts as nothing due."""
        try:
            with session_scope(self._engine) as session:
                return outbox.any_due(session, now=self._clock())
        except DBAPIError:
            return False

    def deliver_due(self) -> int:
        """Claim one batch of due effects, deliver it, record the outcomes; return its size."""
        claimed = self._claim(self._batch)
        self._leases.wait_released(claimed)
        return len(claimed)

    def _claim(self, limit: int) -> list[int]:
        """Claim up to `limit` due effects and queue them on the senders; their ids."""
        now = self._clock()
        with session_scope(self._engine) as session:
            if limit <= 0 or not outbox.any_due(session, now=now):
                return []
        with session_scope(self._engine) as session:
            claimed = outbox.claim_effects(session, now=now, limit=limit, lease=self._lease)
        for effect in claimed:
            delivery = Delivery.of(effect, now=now, engine=self._engine, services=self._services)
            self._leases.hold(delivery, now=now)
            self._queues.put(delivery)
        return [effect.id for effect in claimed if effect.id is not None]

    def _send(self, delivery: Delivery) -> None:
        """Deliver one effect and record how it went; either way, let go of it."""
        try:
            self._settle(delivery, self._attempt(delivery))
        except Exception:
            logger.exception("could not record the delivery of effect %s", delivery.key)
        finally:
            self._leases.release(delivery.id)

    def _attempt(self, delivery: Delivery) -> outbox.Outcome:
        """Deliver one effect; hand it back unbegun when stopping, when its lease is too short
        to begin, or while Slack asked to wait for a method it calls."""
        now = self._clock()
        delivery = replace(delivery, now=now)
        give_back = outbox.Outcome(
            delivery.id,
            delivery.attempts,
            outbox.PENDING,
            now,
            counted=False,
            maybe_sent=delivery.maybe_sent,
        )
        if not self._leases.may_begin(delivery.id, now=now) or self._stopping.is_set():
            return give_back
        wait_until = self.throttles.until(delivery.workspace.team_id, delivery.kind, now)
        if wait_until is not None:
            return replace(give_back, at=wait_until)
        try:
            client = self._client_for(delivery.workspace)
            # Most effects speak to their owner; those read by someone else say so inside.
            with delivery.speaking_to(client, delivery.owner_id):
                result = self.registry.deliverer(delivery.kind)(client, delivery)
        except Exception as error:
            return self._failed(delivery, error)
        return outbox.Outcome(
            delivery.id, delivery.attempts, outbox.SENT, self._clock(), result=result
        )

    def _failed(self, delivery: Delivery, error: Exception) -> outbox.Outcome:
        """What a failed attempt leads to: a retry (a 429 costs no attempt) or giving up."""
        now = self._clock()
        since = delivery.first_attempt_at or now
        verdict = judge(
            error,
            attempts=delivery.attempts,
            age=now - since,
            kind=delivery.kind,
            maybe_sent=delivery.maybe_sent,
        )
        # Slack asking to wait is routine under load, not a failure worth a warning.
        level = logging.WARNING if verdict.counted else logging.INFO
        logger.log(
            level,
            "effect %s failed (attempt %d): %s",
            delivery.key,
            delivery.attempts,
            verdict.error,
        )
        if verdict.delay is None:
            return outbox.Outcome(delivery.id, delivery.attempts, outbox.FAILED, now, verdict.error)
        if not verdict.counted and verdict.method:
            team = delivery.workspace.team_id
            self.throttles.hold(team, delivery.kind, verdict.method, now + verdict.delay)
        return outbox.Outcome(
            delivery.id,
            delivery.attempts,
            outbox.PENDING,
            now + verdict.delay,
            verdict.error,
            counted=verdict.counted,
            maybe_sent=verdict.maybe_sent,
        )

    def _settle(self, delivery: Delivery, outcome: outbox.Outcome) -> None:
        """Record an outcome now, waiting turns while the database is busy."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            try:
                with session_scope(self._engine) as session:
                    mine = outbox.settle_effect(session, outcome=outcome)
                    if mine and outcome.status == outbox.FAILED:
                        show_failure(session, delivery, now=self._clock())
                return
            except DBAPIError as error:
                if not lock_timed_out(error) or time.monotonic() > deadline:
                    raise

    def _loop(self) -> None:
        """Keep the senders busy while there is work, then wait for a nudge or the next poll."""
        while not self._stopping.is_set():
            self._stopping.wait(GATHER_SECONDS)
            self._wake.clear()
            busy = False
            try:
                self._leases.renew(now=self._clock())
                room = min(self._batch, self._ahead - len(self._leases))
                busy = room > 0 and len(self._claim(room)) == room
            except Exception as error:
                if isinstance(error, DBAPIError) and lock_timed_out(error):
                    logger.warning("the database is busy; delivering again shortly")
                else:
                    logger.exception("could not deliver effects; trying again shortly")
            if not busy:
                self._wake.wait(min(POLL_SECONDS, self._lease.total_seconds() / 6))
