"""The app wakes the outbox and the scheduler after each commit that gives them work: no
listener nudges them by hand."""

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.outbox.deliveries import outbox_registry
from bot.outbox.delivery import OutboxServices
from bot.outbox.worker import EffectWorker
from bot.responders.followups import Followups
from bot.scheduler import Scheduler
from tests.bot.flows import open_form
from tests.bot.outbox.conftest import client_on
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SIGNING_SECRET
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


class CountingWorker(EffectWorker):
    """The outbox's worker, counting the nudges it gets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nudges = 0

    def nudge(self) -> None:
        self.nudges += 1
        super().nudge()


class CountingScheduler(Scheduler):
    """The scheduler, counting the nudges it gets."""

    def __init__(self, engine: Engine, clock: FakeClock) -> None:
        super().__init__(engine, clock)
        self.nudges = 0

    def nudge(self) -> None:
        self.nudges += 1
        super().nudge()


@pytest.fixture
def effects(
    engine: Engine, fake: FakeSlack, clock: FakeClock, followups: Followups
) -> Iterator[CountingWorker]:
    client = client_on(fake)
    worker = CountingWorker(
        engine,
        lambda _workspace: client,
        clock,
        registry=outbox_registry(),
        services=OutboxServices(homes=followups.homes, accounts=followups.accounts),
    )
    yield worker
    worker.close()


@pytest.fixture
def scheduler(engine: Engine, clock: FakeClock) -> CountingScheduler:
    return CountingScheduler(engine, clock)


@pytest.fixture
def driver(app_url: str, fake: FakeSlack) -> SlackDriver:
    """Slack's side, settling nothing: what happens after the answer is the app's own doing."""
    return SlackDriver(f"{app_url}/slack/events", SIGNING_SECRET, fake)


def test_it_nudges_the_outbox_once_a_mention_and_its_reply_are_committed(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: CountingWorker
) -> None:
    out(engine)
    before = effects.nudges
    driver.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    assert effects.nudges == before + 1
    effects.deliver_due()
    assert len(replies_to(fake, "UBOB")) == 1


def test_it_nudges_the_scheduler_once_a_saved_responder_is_committed(
    driver: SlackDriver, fake: FakeSlack, scheduler: CountingScheduler
) -> None:
    form = open_form(driver, fake, "UALICE", "tomorrow")
    assert scheduler.nudges == 0
    driver.submit("UALICE", form["id"])
    assert scheduler.nudges == 1
