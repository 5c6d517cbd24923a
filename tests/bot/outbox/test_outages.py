"""Through a Slack outage or its rate limits, nothing is lost; what no longer makes sense is
given up and shown to its owner."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.errors import judge
from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.effects_queries import enqueue_effect
from storage.models import Effect
from tests.bot.outbox.conftest import worker_on
from tests.bot.outbox.test_outbox import effect, enqueue
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def retry_until(worker: EffectWorker, engine: Engine, clock: FakeClock, *, hours: float) -> None:
    """Deliver each time the effect falls due, for `hours` of the clock."""
    end = clock() + timedelta(hours=hours)
    while clock() < end:
        worker.deliver_due()
        waiting = effect(engine, "k")
        if waiting.status != "pending":
            return
        clock.set(max(waiting.next_attempt_at, clock() + timedelta(seconds=1)))


@pytest.mark.parametrize("drop", [False, True], ids=["503", "unreachable"])
def test_it_loses_nothing_through_an_hour_long_outage(
    engine: Engine, fake: FakeSlack, clock: FakeClock, drop: bool
) -> None:
    enqueue(engine, clock, "k")
    fake.outage(3600, drop=drop)
    worker = worker_on(engine, fake, clock)
    try:
        retry_until(worker, engine, clock, hours=1)
        assert effect(engine, "k").status == "pending", "still waiting for Slack after an hour"
        fake.end_outage()
        retry_until(worker, engine, clock, hours=0.5)
    finally:
        worker.close()
    assert effect(engine, "k").status == "sent"
    assert [m["text"] for m in fake.messages_to("UALICE")] == ["hello k"]


def test_it_never_spends_an_attempt_on_a_429(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    enqueue(engine, clock, "k")
    fake.rate_limit_next("chat.postMessage", retry_after=60, times=30)
    worker = worker_on(engine, fake, clock)
    try:
        retry_until(worker, engine, clock, hours=1)
    finally:
        worker.close()
    sent = effect(engine, "k")
    assert (sent.status, sent.attempts) == ("sent", 1)


def test_it_gives_up_after_a_day_and_shows_it_to_the_owner(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    enqueue(engine, clock, "k")
    fake.outage(3600)
    worker = worker_on(engine, fake, clock)
    try:
        retry_until(worker, engine, clock, hours=25)
    finally:
        worker.close()
    failed = effect(engine, "k")
    assert (failed.status, failed.last_error) == ("failed", "gave_up:service_unavailable")
    with session_scope(engine) as session:
        shown = session.exec(select(Effect.owner_id).where(Effect.kind == EffectKind.HOME_REFRESH))
        assert shown.all() == ["UALICE"], "her Home tab is redrawn once to show it"


@pytest.mark.parametrize(
    ("kind", "hours", "retried"),
    [
        (EffectKind.RESPONDER_ON, 23, True),
        (EffectKind.RESPONDER_ON, 25, False),
        (EffectKind.STATUS_RESTORE, 48, True),
        (EffectKind.SNOOZE_END, 48, True),
        (EffectKind.STATUS_RESTORE, 73, False),
    ],
)
def test_it_retries_each_kind_until_its_deadline(kind: str, hours: int, retried: bool) -> None:
    """Putting Alice's status back and ending her snooze are worth days of retries."""
    verdict = judge(TimeoutError(), attempts=40, age=timedelta(hours=hours), kind=kind)
    assert (verdict.delay is not None) is retried


def test_a_429_holds_back_only_that_workspaces_calls_of_that_method(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.rate_limit_next("chat.postMessage", retry_after=30)
    enqueue_in(engine, clock, "acme:1", "T0ACME")
    worker = worker_on(engine, fake, clock)
    try:
        worker.deliver_due()  # Slack: 429, wait 30 s (for Acme's posts)
        enqueue_in(engine, clock, "acme:2", "T0ACME")
        enqueue_in(engine, clock, "globex:1", "T0GLOBEX")
        worker.deliver_due()
        posts = len(fake.calls_to("chat.postMessage"))
        clock.advance(seconds=30)
        worker.deliver_due()
    finally:
        worker.close()
    assert posts == 2, "Globex posted; Acme's next post waited without asking Slack"
    assert effect(engine, "acme:2").attempts == 1
    assert {effect(engine, k).status for k in ("acme:1", "acme:2", "globex:1")} == {"sent"}


def enqueue_in(engine: Engine, clock: FakeClock, key: str, team_id: str) -> None:
    """Queue a DM to Alice in one workspace of a distributed install."""
    with session_scope(engine) as session:
        enqueue_effect(
            session,
            key=key,
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": "UALICE", "text": key},
            workspace=Workspace(team_id),
            now=clock(),
        )
