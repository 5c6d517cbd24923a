"""The workspace's people when Slack is slow to list them: a pause, then the listing goes on."""

import threading

import pytest
from slack_sdk import WebClient

from bot.slack.directory import Directory
from bot.slack.roster_pages import RosterBusy
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_it_says_the_roster_is_unknown_when_slack_times_out_and_asks_again_later(
    fake: FakeSlack, clock: FakeClock
) -> None:
    hasty = WebClient(token=fake.bot_token, base_url=fake.api_url, timeout=0.2)
    directory = Directory(clock)
    fake.slow_down("users.list", 0.5)
    with pytest.raises(RosterBusy):
        directory.roster(hasty, team_id="T0001")
    fake.slow_down("users.list", 0)
    with pytest.raises(RosterBusy):
        directory.roster(hasty, team_id="T0001")
    assert len(fake.calls_to("users.list")) == 1, "not asked again before the pause is over"
    clock.advance(seconds=11)
    assert "UALICE" in directory.roster(hasty, team_id="T0001")


def test_it_lists_a_workspace_once_for_two_asking_at_the_same_time(
    fake: FakeSlack, clock: FakeClock
) -> None:
    client = WebClient(token=fake.bot_token, base_url=fake.api_url)
    directory = Directory(clock)
    fake.slow_down("users.list", 0.3)
    found: list[frozenset[str]] = []
    askers = [
        threading.Thread(target=lambda: found.append(directory.roster(client, team_id="T0001")))
        for _ in range(2)
    ]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert len(found) == 2 and found[0] == found[1]
    assert len(fake.calls_to("users.list")) == 1
