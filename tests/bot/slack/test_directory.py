"""The directory against a fake Slack: one load per workspace per minute, never a long wait."""

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import pytest
from slack_sdk import WebClient

from bot.slack.directory import Directory
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ONE_MINUTE_AND_A_BIT = {"seconds": 61}
T = TypeVar("T")


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """The bot's client on the fake Slack."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url)


def labels(directory: Directory, client: WebClient, team_id: str = "T0001") -> list[str]:
    """What the "Answers for" menu could offer, as labels."""
    return [h.label for h in directory.handles(client, team_id=team_id)]


def settled(fake: FakeSlack, method: str, count: int) -> None:
    """Wait until Slack has answered `count` calls to `method` (background loads finish)."""
    fake.wait_for(lambda: len(fake.calls_to(method)) >= count, timeout=5)


def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a background load to land, checking often (the fake's lock is not held)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "the background load never landed"
        time.sleep(0.01)


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """What a call returned, and how long it took in seconds."""
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_it_asks_slack_once_a_minute_and_again_after_the_minute(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    directory = Directory(clock)
    for _ in range(3):
        assert labels(directory, client) == ["@oncall", "#general", "#support"]
    clock.advance(seconds=59)
    labels(directory, client)
    assert len(fake.calls_to("conversations.list")) == 1
    clock.advance(seconds=2)
    labels(directory, client)
    settled(fake, "conversations.list", 2)
    assert len(fake.calls_to("usergroups.list")) == 2


def test_it_remembers_that_a_free_workspace_has_no_user_groups(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    fake.fail("usergroups.list", "plan_upgrade_required")
    directory = Directory(clock)
    for _ in range(5):
        assert labels(directory, client) == ["#general", "#support"]
    assert len(fake.calls_to("usergroups.list")) == 1
    assert len(fake.calls_to("conversations.list")) == 1


def test_it_reads_every_page_of_channels_once(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    fake.paginate(1)
    directory = Directory(clock)
    for _ in range(3):
        assert labels(directory, client) == ["@oncall", "#general", "#support"]
    cursors = [call.get("cursor") for call in fake.calls_to("conversations.list")]
    assert cursors == [None, "offset:1"]


def test_it_answers_a_first_keystroke_in_time_with_what_has_loaded(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    fake.delay("conversations.list", 2.5)
    directory = Directory(clock)
    first, elapsed = timed(lambda: labels(directory, client))
    assert first == ["@oncall"] and elapsed < 1.5
    assert labels(directory, client) == ["@oncall"]
    settled(fake, "conversations.list", 1)
    eventually(lambda: len(labels(directory, client)) == 3)


def test_it_serves_the_last_result_while_it_refreshes(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    directory = Directory(clock)
    labels(directory, client)
    fake.add_channel("C0DESIGN", "design")
    fake.delay("conversations.list", 1.0)
    clock.advance(**ONE_MINUTE_AND_A_BIT)
    stale, elapsed = timed(lambda: labels(directory, client))
    assert stale == ["@oncall", "#general", "#support"] and elapsed < 0.3
    settled(fake, "conversations.list", 2)
    eventually(lambda: "#design" in labels(directory, client))
    assert len(fake.calls_to("conversations.list")) == 2


def test_it_retries_a_failed_load_soon_but_not_on_every_keystroke(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    fake.fail("conversations.list", "internal_error")
    directory = Directory(clock)
    for _ in range(3):
        assert labels(directory, client) == ["@oncall"]
    assert len(fake.calls_to("conversations.list")) == 1
    clock.advance(seconds=11)
    labels(directory, client)
    settled(fake, "conversations.list", 2)


def test_it_loads_two_workspaces_side_by_side_and_each_only_once(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    fake.delay("conversations.list", 0.6)
    directory = Directory(clock, answer_within=5)
    keystrokes = [
        threading.Thread(target=labels, args=(directory, client, team))
        for team in ("T0001", "T0001", "T0002", "T0002")
    ]

    def type_in_both() -> None:
        for keystroke in keystrokes:
            keystroke.start()
        for keystroke in keystrokes:
            keystroke.join()

    _, elapsed = timed(type_in_both)
    assert elapsed < 1.1
    assert len(fake.calls_to("conversations.list")) == 2


def test_it_asks_again_about_a_person_slack_could_not_describe(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    directory = Directory(clock)
    fake.fail("users.info", "internal_error")
    guess = directory.person(client, team_id="T0001", user_id="UALICE")
    assert (guess.tz, guess.guessed) == ("UTC", True)
    fake.fail("users.info", None)
    alice = directory.person(client, team_id="T0001", user_id="UALICE")
    assert (alice.tz, alice.guessed) == ("Europe/Paris", False)
    directory.person(client, team_id="T0001", user_id="UALICE")
    assert len(fake.calls_to("users.info")) == 2


def test_it_names_people_from_the_same_cache_as_their_zone_and_leaves_out_the_unknown(
    fake: FakeSlack, client: WebClient
) -> None:
    clock = FakeClock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    directory = Directory(clock)
    fake.allow("user_not_found")
    assert directory.person(client, team_id="T0001", user_id="UALICE").tz == "Europe/Paris"
    names = directory.display_names(client, team_id="T0001", user_ids={"UALICE", "UNOBODY"})
    assert names == {"UALICE": "alice"}
    assert sorted(args["user"] for args in fake.calls_to("users.info")) == ["UALICE", "UNOBODY"]
    clock.advance(minutes=6)
    directory.display_names(client, team_id="T0001", user_ids={"UALICE"})
    assert len(fake.calls_to("users.info")) == 3, "a name is looked up again once stale"


def test_it_knows_the_active_people_of_a_workspace_for_ten_minutes(
    fake: FakeSlack, client: WebClient
) -> None:
    fake.add_user("UHELPER", "helper", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    clock = FakeClock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    directory = Directory(clock)
    people = directory.roster(client, team_id="T0001")
    assert {"UALICE", "UBOB"} <= people
    assert not {"UHELPER", "UGONE", "UGUEST", "USLACKBOT"} & people
    fake.add_user("UNEW", "new")
    clock.advance(minutes=9)
    assert "UNEW" not in directory.roster(client, team_id="T0001")
    clock.advance(minutes=2)
    assert "UNEW" in directory.roster(client, team_id="T0001")


@pytest.mark.parametrize(
    ("target", "members"),
    [("S0ONCALL", {"UALICE", "UBOB"}), ("C0GENERAL", {"UALICE", "UBOB", "UCAROL", "UBOT"})],
)
def test_it_reads_who_is_in_a_group_or_channel_once_a_minute_every_page(
    fake: FakeSlack, client: WebClient, clock: FakeClock, target: str, members: set[str]
) -> None:
    fake.paginate(1)
    directory = Directory(clock)
    assert directory.members(client, team_id="T0001", target_id=target) == members
    fake.leave(target, "UBOB")
    clock.advance(seconds=59)
    assert directory.members(client, team_id="T0001", target_id=target) == members
    clock.advance(seconds=2)
    assert directory.members(client, team_id="T0001", target_id=target) == members - {"UBOB"}


@pytest.mark.parametrize("target", ["S0GONE", "C0GONE"])
def test_it_finds_nobody_in_a_group_or_channel_that_is_gone(
    fake: FakeSlack, client: WebClient, clock: FakeClock, target: str
) -> None:
    fake.allow("no_such_subteam", "channel_not_found")
    assert Directory(clock).members(client, team_id="T0001", target_id=target) == frozenset()


def test_it_reads_a_private_conversations_members_page_by_page_and_keeps_them_a_minute(
    fake: FakeSlack, client: WebClient, clock: FakeClock
) -> None:
    people = [f"U{n:04d}" for n in range(5)]
    fake.add_channel("G0HR", "hr", members=[*people, "UBOT"], is_private=True)
    fake.paginate(2)
    directory = Directory(clock)

    first = directory.members(client, team_id="T0001", target_id="G0HR")
    fake.add_channel("G0HR", "hr", members=["UBOT"], is_private=True)
    clock.advance(seconds=59)
    cached = directory.members(client, team_id="T0001", target_id="G0HR")
    clock.advance(seconds=2)
    later = directory.members(client, team_id="T0001", target_id="G0HR")

    assert first == cached == frozenset([*people, "UBOT"])
    assert later == frozenset(["UBOT"])
    assert len(fake.calls_to("conversations.members")) == 4  # three pages, then one
