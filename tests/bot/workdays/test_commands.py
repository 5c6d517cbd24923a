"""`/ooo week`, `/ooo region` and their admin defaults, end to end."""

import pytest
from sqlalchemy import Engine

from bot.core.holiday_regions import Region
from bot.core.working_days import Schedule
from bot.core.workspace import Workspace
from bot.organisation.settings import schedule_of
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ACME = Workspace("T0001")


@pytest.mark.parametrize(
    ("typed", "week"),
    [
        ("mon-thu", {0, 1, 2, 3}),
        ("sun-thu", {6, 0, 1, 2, 3}),
        ("mon,wed-fri", {0, 2, 3, 4}),
        ("Tuesday Thursday", {1, 3}),
    ],
)
def test_it_sets_a_persons_week(
    slack: SlackDriver, engine: Engine, typed: str, week: set[int]
) -> None:
    body = slack.command("UALICE", f"week {typed}").json()
    assert body["text"].startswith("Saved. You work ")
    assert body["response_type"] == "ephemeral"
    assert schedule_of(engine, ACME, "UALICE").week == week
    assert schedule_of(engine, ACME, "UBOB").week == {0, 1, 2, 3, 4}


def test_it_says_a_sunday_to_thursday_week_in_the_readers_language(slack: SlackDriver) -> None:
    slack.command("UDIDIER", "week sun-thu")
    text = slack.command("UDIDIER", "week").json()["text"]
    assert "lundi, mardi, mercredi, jeudi et dimanche" in text


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [("mon-funday", "I don't know the day “funday”"), (",", "Choose at least one day you work")],
)
def test_it_refuses_a_week_it_cannot_read_and_keeps_the_old_one(
    slack: SlackDriver, engine: Engine, typed: str, refusal: str
) -> None:
    slack.command("UALICE", "week mon-thu")
    assert refusal in slack.command("UALICE", f"week {typed}").json()["text"]
    assert schedule_of(engine, ACME, "UALICE").week == {0, 1, 2, 3}


def test_it_goes_back_to_the_workspaces_week(slack: SlackDriver, engine: Engine) -> None:
    slack.command("UALICE", "week sun-thu")
    slack.command("UALICE", "week default")
    assert schedule_of(engine, ACME, "UALICE").week == {0, 1, 2, 3, 4}


@pytest.mark.parametrize(
    ("typed", "region", "said"),
    [
        ("DE-BY", Region("DE", "BY"), "Germany (Bayern)"),
        ("us-ca", Region("US", "CA"), "United States (California)"),
        ("JP", Region("JP"), "Japan"),
        ("none", None, "no public holidays"),
    ],
)
def test_it_sets_a_persons_region(
    slack: SlackDriver, engine: Engine, typed: str, region: Region | None, said: str
) -> None:
    body = slack.command("UALICE", f"region {typed}").json()
    assert f"Public holidays: {said}." in body["text"]
    assert schedule_of(engine, ACME, "UALICE").region == region


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [("XX", "I don't know the country “XX”"), ("DE-ZZ", "I don't know the region “DE-ZZ”")],
)
def test_it_refuses_an_unknown_region_and_changes_nothing(
    slack: SlackDriver, engine: Engine, typed: str, refusal: str
) -> None:
    slack.command("UALICE", "region FR")
    assert refusal in slack.command("UALICE", f"region {typed}").json()["text"]
    assert schedule_of(engine, ACME, "UALICE").region == Region("FR")


@pytest.mark.parametrize("role", ["admin", "owner", "primary_owner"])
def test_it_lets_admins_and_owners_set_the_workspaces_defaults(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, role: str
) -> None:
    fake.add_user("UERIN", "erin", role=role)
    slack.command("UALICE", "region none")
    week = slack.command("UERIN", "admin week sun-thu").json()["text"]
    region = slack.command("UERIN", "admin region AU-NSW").json()["text"]
    assert week.endswith("work Sunday, Monday, Tuesday, Wednesday, and Thursday.")
    assert "Australia (New South Wales)" in region
    assert schedule_of(engine, ACME, "UBOB") == Schedule(
        frozenset({6, 0, 1, 2, 3}), Region("AU", "NSW")
    )
    # Alice chose no holidays herself, and keeps that; her week follows the workspace's.
    assert schedule_of(engine, ACME, "UALICE") == Schedule(frozenset({6, 0, 1, 2, 3}), None)


@pytest.mark.parametrize("words", ["admin week mon-thu", "admin region DE"])
def test_it_refuses_the_workspaces_defaults_to_members(
    slack: SlackDriver, engine: Engine, words: str
) -> None:
    text = slack.command("UBOB", words).json()["text"]
    assert text == "Only the workspace's admins and owners can change this."
    assert schedule_of(engine, ACME, "UBOB") == Schedule()


def test_it_refuses_an_unknown_region_to_admins_too(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UERIN", "erin", role="admin")
    assert "“Atlantis”" in slack.command("UERIN", "admin region Atlantis").json()["text"]
    assert schedule_of(engine, ACME, "UBOB") == Schedule()
