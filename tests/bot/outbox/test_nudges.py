"""The app wakes the outbox and the scheduler after each commit that gives them work: no
listener nudges them by hand."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.services import Services
from tests.bot.flows import open_form
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SIGNING_SECRET
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@dataclass
class Nudges:
    """How many times the app woke the outbox and the scheduler."""

    outbox: int = 0
    scheduler: int = 0


@pytest.fixture
def nudges(services: Services, monkeypatch: pytest.MonkeyPatch) -> Nudges:
    """Count the wake-ups the app's after-commit hook gives its outbox and scheduler."""
    counted = Nudges()
    for name, runner in (("outbox", services.outbox), ("scheduler", services.scheduler)):
        wake = runner.nudge

        def counting(name: str = name, wake: Callable[[], None] = wake) -> None:
            setattr(counted, name, getattr(counted, name) + 1)
            wake()

        monkeypatch.setattr(runner, "nudge", counting)
    return counted


@pytest.fixture
def driver(app_url: str, fake: FakeSlack) -> SlackDriver:
    """Slack's side, settling nothing: what happens after the answer is the app's own doing."""
    return SlackDriver(f"{app_url}/slack/events", SIGNING_SECRET, fake)


def test_it_nudges_the_outbox_once_a_mention_and_its_reply_are_committed(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, nudges: Nudges
) -> None:
    out(engine)
    before = nudges.outbox
    driver.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    assert nudges.outbox == before + 1
    effects.deliver_due()
    assert len(replies_to(fake, "UBOB")) == 1


def test_it_nudges_the_scheduler_once_a_saved_responder_is_committed(
    driver: SlackDriver, fake: FakeSlack, nudges: Nudges
) -> None:
    form = open_form(driver, fake, "UALICE", "tomorrow")
    assert nudges.scheduler == 0
    driver.submit("UALICE", form["id"])
    assert nudges.scheduler == 1
