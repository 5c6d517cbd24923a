"""Who may set an absence for someone else: admins, owners and the admin group's members; anyone
else, or for anyone who can't have one, gets a clear refusal and nothing is stored."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import open_form, stored, texts
from tests.bot.on_behalf.conftest import ADA, HELEN, HR_GROUP, OWEN, PRIYA
from tests.bot.on_behalf.steps import audit, name_hr, set_for
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

UBOB = "UBOB"


@pytest.mark.parametrize("actor", [ADA, OWEN, PRIYA, HELEN])
def test_it_lets_admins_owners_and_the_admin_group_set_an_absence_for_bob(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, actor: str
) -> None:
    name_hr(slack)
    modal = open_form(slack, fake, actor, "for <@UBOB|bob> from Monday to Friday")
    shown = texts(modal["blocks"])
    assert "For <@UBOB>" in shown and "America/New_York" in shown
    assert slack.submit(actor, modal["id"]).status == 200

    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_by, absence.tz) == (UBOB, actor, "America/New_York")
    # Monday 30 November to Friday 4 December, whole days in Bob's zone.
    assert absence.starts_at.isoformat() == "2026-11-30T05:00:00+00:00"
    assert absence.ends_at is not None
    assert absence.ends_at.isoformat() == "2026-12-05T05:00:00+00:00"
    [entry] = audit(engine)
    assert (entry["actor_id"], entry["subject_id"], entry["action"]) == (actor, UBOB, "create")
    assert entry["responder_id"] == absence.id
    assert entry["detail"] == {
        "before": None,
        "after": {
            "starts_at": "2026-11-30T05:00:00+00:00",
            "ends_at": "2026-12-05T05:00:00+00:00",
        },
    }


def test_it_refuses_a_member_and_stores_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = slack.command("UCAROL", "for <@UBOB> from Monday to Friday")
    said = reply.json()["text"]
    assert "Only workspace admins and owners, and members of the admin group" in said
    assert fake.modal("UCAROL") is None
    assert stored(engine) == [] and audit(engine) == []


@pytest.mark.parametrize(
    ("person", "said"),
    [
        ("UGUEST", "is from another organization"),
        ("UROBOT", "is a bot or an app"),
        ("UGONE", "account is deactivated"),
        ("UNOBODY", "Slack doesn't know that person"),
    ],
)
def test_it_refuses_people_no_one_may_act_for(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, person: str, said: str
) -> None:
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    fake.add_user("UROBOT", "robot", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.allow("user_not_found")
    reply = slack.command(ADA, f"for <@{person}> tomorrow")
    assert said in reply.json()["text"]
    assert fake.modal(ADA) is None
    assert stored(engine) == [] and audit(engine) == []


def test_it_asks_again_when_the_form_is_saved_and_refuses_who_left_the_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    name_hr(slack)
    modal = open_form(slack, fake, HELEN, "for <@UBOB> tomorrow")
    fake.leave(HR_GROUP, HELEN)
    reply = slack.submit(HELEN, modal["id"])
    assert reply.json()["response_action"] == "update"
    assert "Only workspace admins and owners" in texts(reply.json()["view"]["blocks"])
    assert stored(engine) == [] and audit(engine) == []


def test_it_refuses_a_form_saved_for_bob_once_the_admin_group_is_cleared(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    name_hr(slack)
    modal = open_form(slack, fake, HELEN, "for <@UBOB> tomorrow")
    assert "no admin group" in slack.command(ADA, "admin group off").json()["text"]
    assert slack.submit(HELEN, modal["id"]).json()["response_action"] == "update"
    assert stored(engine) == [] and audit(engine) == []


def test_it_opens_ones_own_form_for_oneself_and_reads_for_3_days_as_dates(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, "UCAROL", "UCAROL", "tomorrow")
    modal = open_form(slack, fake, "UCAROL", "for 3 days")
    assert "For <@" not in texts(modal["blocks"])
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [("UCAROL", None)]
    assert audit(engine) == []


@pytest.mark.parametrize(
    "words",
    [
        "@bob tomorrow",
        "UBOB tomorrow",
        "<!everyone> tomorrow",
        "<!subteam^S0HR|@hr> tomorrow",
        "<#C0GENERAL|general> tomorrow",
        "<@UBOB|bob> <@UCAROL|carol> tomorrow",
        "<@UBOB|bob> @carol",
    ],
)
def test_it_says_how_to_name_one_person_when_slack_sent_no_single_person(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    body = slack.command(ADA, f"for {words}").json()
    assert body["response_type"] == "ephemeral"
    assert "type @ and pick one person from Slack's list" in body["text"]
    assert fake.modal(ADA) is None and stored(engine) == []


@pytest.mark.parametrize("words", ["3 days", "Wednesday", "UNTIL Friday"])
def test_it_still_reads_dates_after_for_as_ones_own(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    fake.allow("user_not_found")  # "UNTIL" is asked of Slack, which knows no such user
    modal = open_form(slack, fake, "UCAROL", f"for {words}")
    assert "For <@" not in texts(modal["blocks"])


def test_it_reads_the_dates_in_the_askers_language_and_the_persons_zone(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UDIDIER", "didier", tz="Europe/Paris", locale="fr-FR", role="admin")
    modal = open_form(slack, fake, "UDIDIER", "for <@UBOB> du 1er au 3 décembre")
    assert "Pour <@UBOB>" in texts(modal["blocks"])
    slack.submit("UDIDIER", modal["id"])
    [absence] = stored(engine)
    assert absence.starts_at.isoformat() == "2026-12-01T05:00:00+00:00"
    assert absence.ends_at is not None
    assert absence.ends_at.isoformat() == "2026-12-04T05:00:00+00:00"


def test_it_refuses_when_slack_cannot_say_who_may_act(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    name_hr(slack)
    fake.fail("usergroups.users.list", "internal_error")
    reply = slack.command(HELEN, "for <@UBOB> tomorrow")
    assert "Slack could not say who may act for others just now" in reply.json()["text"]
    assert fake.modal(HELEN) is None
    assert stored(engine) == [] and audit(engine) == []
