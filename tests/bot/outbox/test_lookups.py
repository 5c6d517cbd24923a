"""A delivery cut short is looked up once, where its message would be, within Slack's limits."""

from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.core.effect_kinds import EffectKind
from bot.outbox.delivery import Delivery
from bot.outbox.post_once import post_once
from bot.outbox.registry import Registry
from storage.db import session_scope
from storage.effects_queries import claim_effects, enqueue_effect
from tests.bot.outbox.conftest import client_on, worker_on
from tests.bot.outbox.test_outbox import WORKSPACE, effect, enqueue
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

LEASE = timedelta(seconds=30)


def reply_in_thread(client: WebClient, delivery: Delivery) -> str:
    """Answer Bob inside the thread he wrote in, as ooo does for a mention in a thread."""
    payload = delivery.payload
    return post_once(
        client,
        delivery,
        channel=payload["channel"],
        text=payload["text"],
        thread_ts=payload["thread_ts"],
    )


def test_it_looks_for_nothing_after_slack_refused_the_post(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.rate_limit_next("chat.postMessage", retry_after=5, times=3)
    fake.fail_next("chat.postMessage", "internal_error", status=200)
    enqueue(engine, clock, "k")
    worker = worker_on(engine, fake, clock)
    try:
        for _ in range(5):
            worker.deliver_due()
            clock.advance(seconds=10)
    finally:
        worker.close()
    assert effect(engine, "k").status == "sent"
    assert len(fake.messages_to("UALICE")) == 1
    assert fake.calls_to("conversations.history") == [], "Slack said each time it posted nothing"


def test_it_looks_once_after_a_delivery_was_cut_short_and_asks_for_fifteen_messages(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    enqueue(engine, clock, "k", channel="C0GENERAL")
    with session_scope(engine) as session:
        claim_effects(session, now=clock(), limit=1, lease=LEASE)  # then the worker died
    clock.advance(seconds=31)
    fake.rate_limit_next("chat.postMessage", retry_after=5)
    worker = worker_on(engine, fake, clock)
    try:
        worker.deliver_due()
        clock.advance(seconds=5)
        worker.deliver_due()
    finally:
        worker.close()
    [looked] = fake.calls_to("conversations.history")
    assert int(looked["limit"]) <= 15
    assert [m["text"] for m in fake.messages_to("C0GENERAL")] == ["hello k"]


def test_it_finds_a_reply_cut_short_in_its_thread_and_posts_it_once(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    bob = fake.post_as("UBOB", "C0GENERAL", "<@UALICE> where is the report?")
    with session_scope(engine) as session:
        enqueue_effect(
            session,
            key="reply",
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": "C0GENERAL", "text": "Alice is out", "thread_ts": bob["ts"]},
            workspace=WORKSPACE,
            now=clock(),
        )
    with session_scope(engine) as session:
        claim_effects(session, now=clock(), limit=1, lease=LEASE)
    client_on(fake).chat_postMessage(
        channel="C0GENERAL",
        thread_ts=bob["ts"],
        text="Alice is out",
        metadata={"event_type": "ooo_message", "event_payload": {"effect": "reply"}},
    )  # posted, then the worker died before recording it
    clock.advance(seconds=31)
    registry = Registry({EffectKind.MESSAGE_POST: reply_in_thread})
    worker = worker_on(engine, fake, clock, registry=registry)
    try:
        assert worker.deliver_due() == 1
    finally:
        worker.close()
    replies = [m for m in fake.messages_to("C0GENERAL") if m.get("thread_ts") == bob["ts"]]
    assert [m["text"] for m in replies] == ["Alice is out"], "posted once, found in its thread"
    assert effect(engine, "reply").status == "sent"
