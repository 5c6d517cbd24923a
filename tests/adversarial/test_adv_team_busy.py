"""Item 18 attacks: `/ooo team` always answers, whatever part of Slack is slow or limited."""

import pytest
from sqlalchemy import Engine

from tests.bot.team.team_flows import ask, away, on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

GENERAL = "<#C0GENERAL|general>"


@pytest.fixture(autouse=True)
def alice_away(engine: Engine, fake: FakeSlack) -> None:
    away(engine, "UALICE", on(26), on(3, 12))
    fake.paginate(2)


@pytest.mark.parametrize(
    ("method", "team"),
    [
        ("users.list", GENERAL),
        ("conversations.members", GENERAL),
        ("usergroups.users.list", "@oncall"),
        ("usergroups.list", "@oncall"),
    ],
)
def test_adv_a_429_anywhere_still_gets_an_answer(
    slack: SlackDriver, fake: FakeSlack, method: str, team: str
) -> None:
    fake.rate_limit_next(method, retry_after=30, after=0, times=5)
    answer = ask(slack, fake, "UBOB", team)
    assert answer.get("text"), answer


@pytest.mark.parametrize(
    ("method", "team"),
    [("users.list", GENERAL), ("conversations.members", GENERAL), ("usergroups.list", "@oncall")],
)
def test_adv_a_slack_outage_still_gets_an_answer(
    slack: SlackDriver, fake: FakeSlack, method: str, team: str
) -> None:
    fake.fail_next(method, "internal_error", status=500, times=5)
    answer = ask(slack, fake, "UBOB", team)
    assert answer.get("text"), answer


def test_adv_a_huge_retry_after_is_not_a_minute(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.rate_limit_next("users.list", retry_after=3600, after=1)
    first = ask(slack, fake, "UBOB", GENERAL)
    clock.advance(seconds=120)
    ask(slack, fake, "UBOB", GENERAL)
    calls = len(fake.calls_to("users.list"))
    assert calls == 2, f"Slack asked for an hour's pause, ooo asked {calls - 2} more times"
    assert "text" in first


def test_adv_users_list_slower_than_the_api_timeout_midway(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.slow_down("users.list", 1.5)
    answer = ask(slack, fake, "UBOB", GENERAL)
    assert answer.get("text"), answer
