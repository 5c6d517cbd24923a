"""`/ooo team` with days too far ahead to compute with gets an answer, not silence."""

import pytest

from tests.bot.team.team_flows import ask
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.mark.parametrize(
    "days",
    ["until 31 December 9999", "from Dec 25 9999 to Dec 31 9999", "from 2 Jan 2099 to 5 Jan 2099"],
)
def test_it_tells_carol_the_days_are_too_far_ahead(
    slack: SlackDriver, fake: FakeSlack, days: str
) -> None:
    answer = ask(slack, fake, "UCAROL", f"<#C0GENERAL|general> {days}")
    assert "too far ahead" in answer["text"]
