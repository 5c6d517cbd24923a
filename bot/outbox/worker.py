"""Workers that claim due effects, deliver them off the request path and record how it went."""

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from bot.clock import Clock
from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.delivery import Delivery, DeliveryServices
from bot.outbox.errors import judge
from bot.outbox.registry import Registry
from storage import effects_queries as outbox
from storage.db import lock_timed_out, session_scope

logger = logging.getLogger(__name__)
# Two senders at a time: the workers share the GIL with the requests, and with more of them a
# burst of replies held Slack's answers back past 50 ms (bench/replies_bench.py). Slack lets a
# workspace post about one message a second per channel, so more would mostly wait anyway.
THREADS = 2
BATCH = 64
POLL_SECONDS = 1.0
# After a nudge, wait this long for the effects of the requests still arriving, then claim
# them together: one claim and one settle per burst, not per request.
GATHER_SECONDS = 0.2
# Longer than any Slack call may take (the clients time out sooner), so a live worker's
# effect is never taken over; a crashed worker's is retried once the lease runs out.
LEASE = timedelta(seconds=30)
# On stopping, what is already due is still delivered for this long: the answer to a request
# a moment before a deploy keeps its DM, and a large backlog never holds a deploy up.
DRAIN_SECONDS = 1.0
DRAIN_POLL_SECONDS = 0.05
# Queued after a permanent failure so its owner sees it on their Home tab; the key keeps the
# kind's name from before kinds were named `area.verb`, so no failure is shown twice.
SHOW_FAILURE, SHOW_FAILURE_KEY = EffectKind.HOME_REFRESH, "home"
# An owner's first failure within this long redraws their Home tab at once, and the others
# share one redraw at its end: a burst of failed replies redraws it twice, not once each.
SHOW_FAILURES_EVERY = 60


class EffectWorker:
    """Delivers the outbox: a dispatcher thread claims batches, a pool sends them."""

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
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ooo-effects")
        self._wake, self._stopping = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

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
        now = self._clock()
        with session_scope(self._engine) as session:
            if not outbox.any_due(session, now=now):
                return 0
        with session_scope(self._engine) as session:
            claimed = outbox.claim_effects(session, now=now, limit=self._batch, lease=self._lease)
        deliveries = [
            Delivery.of(e, now=now, engine=self._engine, services=self._services) for e in claimed
        ]
        results = self._attempt_in_order(deliveries)
        with session_scope(self._engine) as session:
            outbox.settle_effects(session, outcomes=[r for r in results if r is not None])
            self._show_failures(session, deliveries, results)
            unstarted = [
                (d.id, d.attempts) for d, r in zip(deliveries, results, strict=True) if r is None
            ]
            outbox.release_effects(session, effects=unstarted)
        return len(claimed)

    def _show_failures(
        self,
        session: Session,
        deliveries: list[Delivery],
        results: list[outbox.Outcome | None],
    ) -> None:
        """Queue a Home tab refresh for each owner whose effect failed for good: the first of
        the minute at once, the rest together at its end."""
        now = self._clock()
        stamp = int(now.timestamp()) // SHOW_FAILURES_EVERY * SHOW_FAILURES_EVERY
        end = datetime.fromtimestamp(stamp + SHOW_FAILURES_EVERY, UTC)
        for delivery, result in zip(deliveries, results, strict=True):
            failed = result is not None and result.status == outbox.FAILED
            if failed and delivery.owner_id and delivery.kind != SHOW_FAILURE:
                key = f"{SHOW_FAILURE_KEY}:failures:{delivery.workspace.team_id}:"
                key += f"{delivery.owner_id}:{stamp}"
                for suffix, due in (("", now), (":end", end)):
                    if outbox.enqueue_effect(
                        session,
                        key=key + suffix,
                        kind=SHOW_FAILURE,
                        payload={},
                        workspace=delivery.workspace,
                        now=now,
                        owner_id=delivery.owner_id,
                        not_before=due,
                    ):
                        break

    def _attempt_in_order(self, deliveries: list[Delivery]) -> list[outbox.Outcome | None]:
        """Attempt a batch on the pool: one responder's effects one after another, in the order
        claimed (its "saved" DM before its "you're on" DM), the others side by side."""
        queues: dict[tuple[str, object], list[int]] = defaultdict(list)
        for index, delivery in enumerate(deliveries):
            of = delivery.responder_id if delivery.responder_id is not None else delivery.key
            queues[(delivery.workspace.team_id, of)].append(index)
        results: list[outbox.Outcome | None] = [None] * len(deliveries)

        def run(queue: list[int]) -> None:
            for index in queue:
                results[index] = self._attempt(deliveries[index])

        list(self._pool.map(run, queues.values()))
        return results

    def _attempt(self, delivery: Delivery) -> outbox.Outcome | None:
        """Deliver one effect, or None when stopping before it began."""
        if self._stopping.is_set():
            return None
        try:
            client = self._client_for(delivery.workspace)
            result = self.registry.deliverer(delivery.kind)(client, delivery)
        except Exception as error:
            verdict = judge(error, attempts=delivery.attempts)
            logger.warning(
                "effect %s failed (attempt %d): %s", delivery.key, delivery.attempts, verdict.error
            )
            if verdict.delay is None:
                return outbox.Outcome(
                    delivery.id, delivery.attempts, outbox.FAILED, self._clock(), verdict.error
                )
            retry_at = self._clock() + verdict.delay
            return outbox.Outcome(
                delivery.id, delivery.attempts, outbox.PENDING, retry_at, verdict.error
            )
        return outbox.Outcome(
            delivery.id, delivery.attempts, outbox.SENT, self._clock(), result=result
        )

    def _loop(self) -> None:
        """Deliver while there is work, then wait for a nudge or the next poll."""
        while not self._stopping.is_set():
            self._stopping.wait(GATHER_SECONDS)
            self._wake.clear()
            try:
                busy = self.deliver_due() == self._batch
            except Exception as error:
                if isinstance(error, DBAPIError) and lock_timed_out(error):
                    logger.warning("the database is busy; delivering again shortly")
                else:
                    logger.exception("could not deliver effects; trying again shortly")
                busy = False
            if not busy:
                self._wake.wait(POLL_SECONDS)
