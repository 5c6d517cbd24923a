"""`/ooo admin types` and `/ooo admin hide`: only admins and owners change them, clearly refused."""

import pytest
from sqlalchemy import Engine

from bot.core.leave_types import BUILTINS
from bot.core.workspace import Workspace
from bot.organisation.settings import Settings, settings_of
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

TEAM = Workspace("T0001")


def _admin(fake: FakeSlack, role: str = "admin") -> str:
    fake.add_user("UERIN", "erin", tz="Europe/Paris", locale="en-US", role=role)
    return "UERIN"


def _say(slack: SlackDriver, user: str, words: str) -> str:
    reply = slack.command(user, f"admin {words}")
    assert reply.status == 200, reply.text
    return str(reply.json()["text"])


def test_it_lists_the_types_with_their_emoji_and_privacy(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    listed = _say(slack, "UALICE", "types")
    assert ":palm_tree: Vacation (`vacation`)" in listed
    assert ":face_with_thermometer: Sick leave (`sick`): hidden by default" in listed


@pytest.mark.parametrize("role", ["admin", "owner", "primary_owner"])
def test_it_lets_admins_and_owners_rename_a_type(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, role: str
) -> None:
    admin = _admin(fake, role)
    answer = _say(slack, admin, "types rename Business trip or conference Offsite")
    assert answer == "Renamed: people now read “Offsite”."
    types = settings_of(engine, TEAM).leave_types
    assert [t.label for t in types if t.key == "business_trip"] == ["Offsite"]


@pytest.mark.parametrize(
    "words",
    ["types rename vacation Holidays", "types add Jury duty", "types retire training", "hide on"],
)
def test_it_refuses_members_and_changes_nothing(
    slack: SlackDriver, engine: Engine, words: str
) -> None:
    answer = _say(slack, "UALICE", words)
    assert answer == "Only the workspace's admins and owners can change this."
    assert settings_of(engine, TEAM) == Settings()


def test_it_refuses_when_slack_cannot_say_who_asks(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    fake.fail("users.info", "fatal_error")
    answer = _say(slack, admin, "types retire training")
    assert "could not tell me who you are" in answer
    assert settings_of(engine, TEAM) == Settings()


def test_it_adds_a_type_people_can_choose(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    answer = _say(slack, admin, "types add Jury duty :scales: hidden")
    assert answer == "Added :scales: “Jury duty”: people can choose it now."
    added = settings_of(engine, TEAM).leave_types[-1]
    assert (added.key, added.label, added.emoji, added.hidden) == (
        "custom_1",
        "Jury duty",
        ":scales:",
        True,
    )


def test_it_retires_a_type_named_in_another_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    answer = _say(slack, admin, "types retire Formation")
    assert answer.startswith("Retired “Training”")
    [training] = [t for t in settings_of(engine, TEAM).leave_types if t.key == "training"]
    assert training.retired


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("types rename sick Vacation", "Another type is already called “Vacation”."),
        ("types rename nothing Else", "There is no type “nothing Else”."),
        ("types retire closure", "Office closures keep their name"),
        ("types add " + "x" * 41, "at most 40 characters"),
        ("types add Jury duty :No!:", "“:No!:” is not an emoji code"),
        ("types add :scales:", "Give the type a name."),
        ("types add", "Give the type a name."),
        ("types frobnicate", "`/ooo admin types rename <type> <new name>`"),
        ("hide maybe", "`/ooo admin hide on`"),
    ],
)
def test_it_words_each_refusal_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str, said: str
) -> None:
    admin = _admin(fake)
    assert said in _say(slack, admin, words)
    assert settings_of(engine, TEAM).leave_types == BUILTINS


def test_it_refuses_to_retire_the_last_type_people_can_choose(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    for key in ("sick", "parental", "business_trip", "training", "other"):
        _say(slack, admin, f"types retire {key}")
    answer = _say(slack, admin, "types retire vacation")
    assert answer == "That is the last type people can choose: add another one first."
    [vacation] = [t for t in settings_of(engine, TEAM).leave_types if t.key == "vacation"]
    assert not vacation.retired


def test_it_hides_every_reason_by_default_and_shows_them_again(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake, "owner")
    assert "now hidden" in _say(slack, admin, "hide on")
    assert settings_of(engine, TEAM).hide_reasons
    assert ":lock: Reasons are hidden for everyone by default." in _say(slack, admin, "types")
    assert "now show" in _say(slack, admin, "hide off")
    assert not settings_of(engine, TEAM).hide_reasons
