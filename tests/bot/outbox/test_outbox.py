"""The durable outbox: each effect is delivered once, retried when Slack asks, dropped for good."""

import threading
import time
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import select

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.delivery import Delivery
from bot.outbox.post_once import EVENT_TYPE, is_ooo_message, post_message
from bot.outbox.registry import Registry
from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.effects_queries import enqueue_effect
from storage.models import Effect
from tests.bot.outbox.conftest import client_on, worker_on
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

WORKSPACE = Workspace("T0001")


def enqueue(engine: Engine, clock: FakeClock, key: str, channel: str = "UALICE") -> bool:
    """Queue a plain message to a person or channel, as a transition would."""
    with session_scope(engine) as session:
        return enqueue_effect(
            session,
            key=key,
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": channel, "text": f"hello {key}"},
            workspace=WORKSPACE,
            now=clock(),
            owner_id="UALICE",
        )


def effect(engine: Engine, key: str) -> Effect:
    with session_scope(engine) as session:
        return session.exec(select(Effect).where(Effect.key == key)).one()


def posts(fake: FakeSlack) -> list[str]:
    return [args["text"] for args in fake.calls_to("chat.postMessage")]


def test_it_records_an_effect_once_per_key(engine: Engine, clock: FakeClock) -> None:
    assert enqueue(engine, clock, "responder:1:on:dm:0") is True
    assert enqueue(engine, clock, "responder:1:on:dm:0") is False
    with session_scope(engine) as session:
        assert len(session.exec(select(Effect)).all()) == 1


def test_it_records_nothing_when_the_callers_transaction_rolls_back(
    engine: Engine, clock: FakeClock
) -> None:
    def transition_that_fails() -> None:
        with session_scope(engine) as session:
            enqueue_effect(
                session,
                key="k",
                kind=EffectKind.MESSAGE_POST,
                payload={},
                workspace=WORKSPACE,
                now=clock(),
            )
            raise RuntimeError("the transition failed")

    with pytest.raises(RuntimeError):
        transition_that_fails()
    with session_scope(engine) as session:
        assert session.exec(select(Effect)).all() == []


def test_it_delivers_with_ooo_metadata_and_records_it_sent(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    enqueue(engine, clock, "responder:1:on:dm:0")
    assert worker.deliver_due() == 1
    assert worker.deliver_due() == 0
    [message] = fake.messages_to("UALICE")
    assert message["metadata"] == {
        "event_type": EVENT_TYPE,
        "event_payload": {"effect": "responder:1:on:dm:0"},
    }
    assert is_ooo_message(message)
    sent = effect(engine, "responder:1:on:dm:0")
    assert (sent.status, sent.attempts, sent.sent_at) == ("sent", 1, clock())
    assert sent.result == f"{message['channel']}:{message['ts']}"


@pytest.mark.parametrize(
    ("message", "ooo"),
    [
        ({"text": "hi", "user": "UBOB"}, False),
        ({"text": "hi", "metadata": {"event_type": "other_app", "event_payload": {}}}, False),
        (
            {
                "text": "hi",
                "metadata": {"event_type": EVENT_TYPE, "event_payload": {"effect": "k"}},
            },
            True,
        ),
    ],
)
def test_it_tells_its_own_messages_by_their_metadata(message: dict[str, object], ooo: bool) -> None:
    assert is_ooo_message(message) is ooo


def test_it_waits_as_long_as_slack_asks_after_a_429(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    fake.rate_limit_next("chat.postMessage", retry_after=7)
    enqueue(engine, clock, "k")
    worker.deliver_due()
    waiting = effect(engine, "k")
    assert (waiting.status, waiting.last_error) == ("pending", "ratelimited")
    assert waiting.next_attempt_at == clock() + timedelta(seconds=7)
    clock.advance(seconds=6)
    assert worker.deliver_due() == 0
    clock.advance(seconds=1)
    assert worker.deliver_due() == 1
    assert effect(engine, "k").status == "sent"
    assert len(fake.messages_to("UALICE")) == 1


def test_it_backs_off_after_a_transient_error(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    fake.fail_next("chat.postMessage", "internal_error", times=2, status=500)
    enqueue(engine, clock, "k")
    worker.deliver_due()
    assert effect(engine, "k").next_attempt_at == clock() + timedelta(seconds=2)
    clock.advance(seconds=2)
    worker.deliver_due()
    assert effect(engine, "k").next_attempt_at == clock() + timedelta(seconds=4)
    clock.advance(seconds=4)
    worker.deliver_due()
    assert effect(engine, "k").status == "sent"
    assert len(fake.messages_to("UALICE")) == 1


@pytest.mark.parametrize("error", ["channel_not_found", "is_archived", "account_inactive"])
def test_it_records_a_permanent_error_and_never_retries(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker, error: str
) -> None:
    fake.fail_next("chat.postMessage", error)
    enqueue(engine, clock, "k")
    worker.deliver_due()
    failed = effect(engine, "k")
    assert (failed.status, failed.last_error) == ("failed", error)
    # The owner's Home tab is redrawn to show it.
    minute = int(clock().timestamp()) // 60 * 60
    shown = effect(engine, f"home:failures:{WORKSPACE.team_id}:UALICE:{minute}")
    assert shown.kind == EffectKind.HOME_REFRESH
    clock.advance(days=1)
    worker.deliver_due()
    worker.deliver_due()
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_it_does_not_post_again_what_an_interrupted_attempt_already_posted(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    enqueue(engine, clock, "k")
    # A worker claimed it and posted, then died before recording anything.
    crashed = worker_on(engine, fake, clock, lease=timedelta(seconds=30))
    with session_scope(engine) as session:
        from storage.effects_queries import claim_effects

        [claimed] = claim_effects(session, now=clock(), limit=1, lease=timedelta(seconds=30))
    client_on(fake).chat_postMessage(
        channel="UALICE",
        text="hello k",
        metadata={"event_type": EVENT_TYPE, "event_payload": {"effect": "k"}},
    )
    crashed.close()
    assert worker.deliver_due() == 0, "another worker's claim is respected until its lease ends"
    clock.advance(seconds=30)
    assert worker.deliver_due() == 1
    assert len(fake.messages_to("UALICE")) == 1
    assert fake.calls_to("conversations.history")[0]["include_all_metadata"] in (True, "1", "true")
    assert effect(engine, "k").status == "sent"
    assert claimed.attempts == 1


def test_it_posts_an_interrupted_effect_that_never_reached_slack(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    enqueue(engine, clock, "k", channel="C0GENERAL")
    with session_scope(engine) as session:
        from storage.effects_queries import claim_effects

        claim_effects(session, now=clock(), limit=1, lease=timedelta(seconds=30))
    clock.advance(seconds=31)
    worker.deliver_due()
    assert len(fake.calls_to("conversations.history")) == 1
    assert [m["text"] for m in fake.messages_to("C0GENERAL")] == ["hello k"]


def test_two_workers_never_deliver_the_same_effect(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    for n in range(60):
        enqueue(engine, clock, f"k{n}")
    workers = [worker_on(engine, fake, clock, batch=7) for _ in range(2)]

    def drain(worker: EffectWorker) -> None:
        while worker.deliver_due():
            pass

    threads = [threading.Thread(target=drain, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for worker in workers:
        worker.close()
    assert sorted(posts(fake)) == sorted(f"hello k{n}" for n in range(60))


def test_it_finishes_what_it_began_and_hands_back_the_rest_when_stopping(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    enqueue(engine, clock, "first")
    enqueue(engine, clock, "second")
    fake.slow_down("chat.postMessage", 0.5)
    stopping = worker_on(engine, fake, clock, threads=1)
    stopping.start()
    fake.wait_for(lambda: fake.calls_to("chat.postMessage"))
    stopping.close()
    assert effect(engine, "first").status == "sent"
    second = effect(engine, "second")
    assert (second.status, second.attempts, second.lease_until) == ("pending", 0, None)
    assert posts(fake) == ["hello first"]


def test_it_retries_a_kind_this_replica_does_not_know(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    with session_scope(engine) as session:
        enqueue_effect(
            session, key="k", kind="not.yet", payload={}, workspace=WORKSPACE, now=clock()
        )
    worker.deliver_due()
    unknown = effect(engine, "k")
    assert (unknown.status, unknown.last_error) == ("pending", "UnknownKind")


def test_a_kind_is_registered_once() -> None:
    def deliver(_client: object, _delivery: Delivery) -> None:
        return None

    Registry({"test.once": deliver})
    with pytest.raises(ValueError, match="registered twice"):
        Registry({"test.once": deliver}, {"test.once": lambda _c, _d: None})


def test_it_delivers_one_responders_effects_in_the_order_recorded_and_others_beside_them(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    def slow_to_save(client: WebClient, delivery: Delivery) -> str | None:
        if delivery.payload["text"] == "saved":
            time.sleep(0.3)  # the first of Alice's DMs takes long: the next must wait for it
        return post_message(client, delivery)

    with session_scope(engine) as session:
        for key, responder_id in [("saved", 1), ("on", 1), ("bob", 2), ("welcome", 1)]:
            enqueue_effect(
                session,
                key=key,
                kind=EffectKind.MESSAGE_POST,
                payload={"channel": "UALICE", "text": key},
                workspace=WORKSPACE,
                now=clock(),
                owner_id="UALICE",
                responder_id=responder_id,
            )
    registry = Registry({EffectKind.MESSAGE_POST: slow_to_save})
    worker = worker_on(engine, fake, clock, registry=registry, threads=4)
    try:
        assert worker.deliver_due() == 4
    finally:
        worker.close()
    sent = posts(fake)
    assert [text for text in sent if text != "bob"] == ["saved", "on", "welcome"]
    assert sent.index("bob") < sent.index("saved"), "another responder's waits for none"
