"""The outbox under a slow Slack and beside another replica: nothing is delivered twice."""

import threading
import time
from collections import Counter
from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import col, select

from bot.clock import system_clock
from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.delivery import Delivery
from bot.outbox.registry import Registry
from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import Effect
from tests.bot.outbox.conftest import worker_on
from tests.support.fake_slack import FakeSlack

ALICE_TEAM = Workspace("T0001")


def queue_dms(engine: Engine, count: int, *, team: Workspace = ALICE_TEAM) -> None:
    """Queue `count` DMs to Alice, one per responder, as a busy morning would."""
    effects = [
        NewEffect(
            key=f"{team.team_id}:dm:{n}",
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": "UALICE", "text": f"{team.team_id} hello {n}"},
            workspace=team,
            owner_id="UALICE",
            responder_id=n,
        )
        for n in range(count)
    ]
    with session_scope(engine) as session:
        enqueue_effects(session, effects=effects, now=system_clock())


def post_plainly(client: WebClient, delivery: Delivery) -> str:
    """A delivery that never looks for an earlier attempt, like setting a status."""
    payload = delivery.payload
    return str(client.chat_postMessage(channel=payload["channel"], text=payload["text"])["ts"])


PLAIN = Registry({EffectKind.MESSAGE_POST: post_plainly})


def attempts(engine: Engine) -> Counter[int]:
    """How many effects took how many attempts."""
    with session_scope(engine) as session:
        return Counter(e.attempts for e in session.exec(select(Effect)))


def wait_until(done: object, timeout: float) -> bool:
    """Whether `done()` came true within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.05)
    return bool(done())  # type: ignore[operator]


def test_it_never_sends_an_effect_twice_when_slack_is_slower_than_the_lease(
    engine: Engine, fake: FakeSlack
) -> None:
    """Two workers, a 3 s lease and 0.5 s per call: a batch outlives its lease."""
    fake.slow_down("chat.postMessage", 0.5)
    queue_dms(engine, 16)
    lease = timedelta(seconds=3)
    workers: list[EffectWorker] = [
        worker_on(engine, fake, system_clock, registry=PLAIN, threads=2, lease=lease)
        for _ in range(2)
    ]
    first, second = workers
    first.start()
    try:
        fake.wait_for(lambda: fake.calls_to("chat.postMessage"), timeout=5)
        second.start()  # the second replica comes up while the first is sending its batch
        wait_until(lambda: len(fake.calls_to("chat.postMessage")) >= 16, timeout=20)
        time.sleep(lease.total_seconds() + 1)  # long enough for any lease to run out
    finally:
        for worker in workers:
            worker.close()
    sent = Counter(args["text"] for args in fake.calls_to("chat.postMessage"))
    twice = sorted(text for text, times in sent.items() if times > 1)
    assert len(sent) == 16
    assert twice == [], f"{len(twice)} of 16 effects delivered twice"
    assert attempts(engine) == {1: 16}, "each outcome is recorded as its call returns"


def test_one_slow_effect_holds_back_neither_the_others_nor_their_outcomes(
    engine: Engine, fake: FakeSlack
) -> None:
    """Alice's DM takes 6 s at Slack; Bob's, queued beside it and after it, go out meanwhile."""
    released = threading.Event()

    def slow_for_alice(client: WebClient, delivery: Delivery) -> str:
        if delivery.payload["channel"] == "UALICE":
            released.wait(6)
        return post_plainly(client, delivery)

    queue_dms(engine, 1)
    bob = [f"T0001:bob:{n}" for n in range(4)]
    enqueue_for_bob(engine, bob[:2])
    worker = worker_on(
        engine, fake, system_clock, registry=Registry({EffectKind.MESSAGE_POST: slow_for_alice})
    )
    worker.start()
    try:
        beside = wait_until(lambda: statuses(engine, bob[:2]) == {"sent"}, timeout=2.5)
        enqueue_for_bob(engine, bob[2:])
        worker.nudge()
        after = wait_until(lambda: statuses(engine, bob) == {"sent"}, timeout=2.5)
    finally:
        released.set()
        worker.close()
    assert beside, "Bob's DMs queued beside Alice's were sent and recorded while hers was under way"
    assert after, "and so were those queued after hers"


def enqueue_for_bob(engine: Engine, keys: list[str]) -> None:
    effects = [
        NewEffect(
            key=key,
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": "UBOB", "text": key},
            workspace=ALICE_TEAM,
            owner_id="UBOB",
        )
        for key in keys
    ]
    with session_scope(engine) as session:
        enqueue_effects(session, effects=effects, now=system_clock())


def statuses(engine: Engine, keys: list[str]) -> set[str]:
    with session_scope(engine) as session:
        rows = session.exec(select(Effect).where(col(Effect.key).in_(keys))).all()
    return {row.status for row in rows} if len(rows) == len(keys) else {"missing"}
