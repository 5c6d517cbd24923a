"""`/ooo team` when Slack limits users.list partway: it waits what Slack asks, resumes, answers."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.team.team_flows import ask, away, on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

GENERAL = "<#C0GENERAL|general>"


@pytest.fixture(autouse=True)
def alice_away(engine: Engine, fake: FakeSlack) -> None:
    """Alice is out until Wednesday 2 December; Slack lists people two at a time."""
    away(engine, "UALICE", on(26), on(3, 12))
    fake.paginate(2)


def cursors(fake: FakeSlack) -> list[str | None]:
    """The cursor of each users.list call, in order (None: the first page)."""
    return [call.get("cursor") for call in fake.calls_to("users.list")]


def test_it_tells_carol_to_try_again_when_slack_limits_the_first_listing(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.rate_limit_next("users.list", retry_after=30, after=1)
    answer = ask(slack, fake, "UCAROL", GENERAL)
    assert "try again in a minute" in answer["text"]
    clock.advance(seconds=10)
    assert "try again in a minute" in ask(slack, fake, "UCAROL", GENERAL)["text"]
    assert len(cursors(fake)) == 2, "Slack asked to wait 30 s: it was not asked again sooner"
    clock.advance(seconds=21)
    answer = ask(slack, fake, "UCAROL", GENERAL)
    assert "<@UALICE> · back" in texts(answer["blocks"])
    limited, resumed = cursors(fake)[1:3]
    assert resumed == limited and limited is not None, "it resumed at the page that failed"


def test_it_answers_with_the_people_it_knew_while_slack_is_busy(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    ask(slack, fake, "UCAROL", GENERAL)
    clock.advance(minutes=11)
    fake.rate_limit_next("users.list", retry_after=30, after=1)
    answer = ask(slack, fake, "UCAROL", GENERAL)
    assert "<@UALICE> · back" in texts(answer["blocks"])
