"""Nothing slow before the answer: a held lock or a slow Slack gives "try again" in time."""

import time
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from bot.blocks.dialogs import BUSY
from bot.home.followups import Followups
from bot.outbox.worker import EffectWorker
from storage.db import LOCK_TIMEOUT
from tests.bot.flows import open_form, save, stored, texts
from tests.bot.responders.test_manage import choose
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.locks import held_lock

# Slack waits 3 s for an answer; leave room for the network between Slack and ooo.
WINDOW = 2.5


@pytest.fixture
def slack(
    app_url: str, fake: FakeSlack, followups: Followups, effects: EffectWorker
) -> SlackDriver:
    """A driver that waits only for follow-ups and deliveries: these tests hold the lock the
    scheduler needs."""
    return SettlingDriver(f"{app_url}/slack/events", fake, followups, effects=effects)


def timed(act: Callable[[], Reply]) -> tuple[Reply, float]:
    started = time.monotonic()
    reply = act()
    return reply, time.monotonic() - started


def test_it_asks_to_try_again_when_saving_waits_too_long_and_keeps_the_form(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    form = open_form(slack, fake, "UALICE", "until further notice")
    with held_lock(engine, "UALICE"):
        reply, took = timed(lambda: slack.submit("UALICE", form["id"]))
        assert stored(engine) == []
    assert reply.status == 200 and LOCK_TIMEOUT * 0.9 <= took < WINDOW
    notice = fake.modal("UALICE")
    assert notice is not None and BUSY in texts(notice["blocks"])
    # Going back finds the form as it was; submitting again saves it.
    fake.answer_submission("UALICE", notice["id"], {})
    assert fake.is_open(form["id"])
    assert slack.submit("UALICE", form["id"]).status == 200
    assert len(stored(engine)) == 1


def test_it_asks_to_try_again_when_a_confirmation_waits_too_long(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "until further notice")
    clock.advance(hours=1)
    [row] = stored(engine)
    choose(slack, "UALICE", f"end:{row.id}", message=slack.command("UALICE", "list").json())
    confirm = fake.modal("UALICE")
    assert confirm is not None and confirm["title"]["text"] == "End responder?"
    with held_lock(engine, "UALICE"):
        reply, took = timed(lambda: slack.submit("UALICE", confirm["id"]))
    assert reply.status == 200 and took < WINDOW
    assert BUSY in texts(fake.modal("UALICE")["blocks"])  # type: ignore[index]
    assert stored(engine)[0].ends_at == row.ends_at


def test_it_asks_to_try_again_when_turning_off_waits_too_long(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "until further notice")
    clock.advance(hours=1)
    with held_lock(engine, "UALICE"):
        reply, took = timed(lambda: slack.command("UALICE", "off"))
    assert reply.status == 200 and took < WINDOW
    assert reply.json()["text"] == BUSY
    assert stored(engine)[0].ends_at is None


@pytest.mark.parametrize("method", ["users.info", "views.open"])
def test_it_answers_in_time_when_slack_is_slower_than_the_timeout(
    slack: SlackDriver, fake: FakeSlack, method: str
) -> None:
    fake.delay(method, 3.0)
    reply, took = timed(lambda: slack.command("UALICE", "tomorrow"))
    assert reply.status == 200 and took < WINDOW
    if method == "views.open":
        assert "try again" in reply.json()["text"]


def test_it_still_confirms_when_slack_is_slow_after_the_answer(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    # Slower than the request path's timeout, well inside the follow-ups' own.
    fake.delay("chat.postMessage", 1.5)
    fake.delay("views.publish", 1.5)
    reply = save(slack, fake, "UALICE", "until further notice")
    assert reply.status == 200
    assert fake.last_dm("UALICE") is not None
    assert fake.home("UALICE") is not None
