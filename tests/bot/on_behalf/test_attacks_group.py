"""Attacks on the admin group: named in other languages, broadcasts given as a group, and members
of @hr who should not act for others (deactivated, from another organization)."""

import pytest
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from bot.organisation.settings import settings_of
from tests.bot.flows import open_form, stored
from tests.bot.on_behalf.conftest import ADA, HR_GROUP
from tests.bot.on_behalf.steps import audit, name_hr
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def group_of(engine: Engine) -> str | None:
    return settings_of(engine, Workspace("T0001")).admin_group_id


@pytest.mark.parametrize("written", ["<!everyone>", "<!here>", "<!channel>", "<@UBOB|bob>"])
def test_a_broadcast_or_a_person_is_not_an_admin_group(
    slack: SlackDriver, engine: Engine, written: str
) -> None:
    body = slack.command(ADA, f"admin group {written}").json()
    assert body["response_type"] == "ephemeral"
    assert group_of(engine) is None


@pytest.mark.parametrize(
    ("locale", "english"),
    [
        ("fr-FR", "may now set absences for others"),
        ("ja-JP", "may now set absences for others"),
        ("pt-BR", "may now set absences for others"),
    ],
)
def test_naming_the_group_answers_in_the_admins_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, locale: str, english: str
) -> None:
    fake.add_user("ULOCAL", "local", locale=locale, role="admin")
    said = slack.command("ULOCAL", f"admin group <!subteam^{HR_GROUP}|@hr>").json()["text"]
    assert group_of(engine) == HR_GROUP
    assert "@hr" in said and english not in said


def test_an_hr_member_from_another_organization_may_not_act_for_bob(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UODD", "odd", home_team="T0OTHER")
    fake.add_usergroup(HR_GROUP, "hr", "People team", users=["UODD"])
    name_hr(slack)
    slack.command("UODD", "for <@UBOB|bob> tomorrow")
    modal = fake.modal("UODD")
    if modal is not None:
        slack.submit("UODD", modal["id"])
    assert stored(engine) == [] and audit(engine) == []


def test_a_deactivated_hr_member_saving_a_form_stores_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UHANK", "hank")
    fake.add_usergroup(HR_GROUP, "hr", "People team", users=["UHANK"])
    name_hr(slack)
    modal = open_form(slack, fake, "UHANK", "for <@UBOB|bob> tomorrow")
    fake.add_user("UHANK", "hank", deleted=True)  # Slack deactivates him; @hr still lists him
    slack.submit("UHANK", modal["id"])
    assert stored(engine) == [] and audit(engine) == []
