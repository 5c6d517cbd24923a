"""`/ooo admin group`: admins and owners name the user group that may act for others, in every
form Slack sends it; anyone may see which it is; an unknown group changes nothing."""

import pytest
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from bot.organisation.settings import settings_of
from tests.bot.on_behalf.conftest import ADA, HELEN, HR_GROUP, OWEN
from tests.support.driver import SlackDriver

WORKSPACE = Workspace("T0001")


def said(slack: SlackDriver, user: str, words: str) -> str:
    """What `/ooo admin group <words>` answers, privately."""
    body = slack.command(user, f"admin group {words}".strip()).json()
    assert body["response_type"] == "ephemeral"
    return str(body["text"])


def group_of(engine: Engine) -> tuple[str | None, str | None]:
    settings = settings_of(engine, WORKSPACE)
    return settings.admin_group_id, settings.admin_group_label


@pytest.mark.parametrize(
    "written", [f"<!subteam^{HR_GROUP}|@hr>", f"<!subteam^{HR_GROUP}>", "@hr", "HR"]
)
def test_it_names_the_admin_group_as_slack_sends_it_or_as_typed(
    slack: SlackDriver, engine: Engine, written: str
) -> None:
    assert "members of @hr may now set absences for others" in said(slack, OWEN, written)
    assert group_of(engine) == (HR_GROUP, "@hr")
    assert "Members of @hr may set absences for others" in said(slack, HELEN, "")


def test_it_clears_the_group_and_says_there_is_none(slack: SlackDriver, engine: Engine) -> None:
    said(slack, ADA, "@hr")
    assert "there is no admin group now" in said(slack, ADA, "off")
    assert group_of(engine) == (None, None)
    assert "There is no admin group" in said(slack, "UCAROL", "")


@pytest.mark.parametrize("written", ["@nobody", "<!subteam^S0NOPE|@nope>", "#general"])
def test_it_refuses_a_group_slack_does_not_know(
    slack: SlackDriver, engine: Engine, written: str
) -> None:
    assert "I can't find the user group" in said(slack, ADA, written)
    assert group_of(engine) == (None, None)


def test_it_lets_only_admins_and_owners_choose_it(slack: SlackDriver, engine: Engine) -> None:
    said(slack, ADA, "@hr")
    assert "Only workspace admins and owners can choose" in said(slack, HELEN, "off")
    assert "Only workspace admins and owners can choose" in said(slack, "UCAROL", "@oncall")
    assert group_of(engine) == (HR_GROUP, "@hr")
