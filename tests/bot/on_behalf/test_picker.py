"""The form's "For someone else": offered to those who may act for others, it draws the form
again for the person chosen (their zone, no group or channel), or says why not."""

from typing import Any

from sqlalchemy import Engine

from tests.bot.flows import input_value, open_form, stored, texts
from tests.bot.on_behalf.conftest import ADA
from tests.bot.on_behalf.steps import audit
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def pick(slack: SlackDriver, fake: FakeSlack, modal: dict[str, Any], person: str) -> dict[str, Any]:
    """Ada chooses someone in the picker; the form as it is drawn again."""
    slack.click(ADA, action_id="behalf_person", view_id=modal["id"], value=person)
    drawn = fake.view(modal["id"])
    assert drawn is not None
    return drawn


def test_it_offers_the_picker_to_admins_only(slack: SlackDriver, fake: FakeSlack) -> None:
    assert "behalf_person" in str(open_form(slack, fake, ADA)["blocks"])
    assert "behalf_person" not in str(open_form(slack, fake, "UCAROL")["blocks"])


def test_choosing_bob_draws_the_form_for_him_and_saves_it_as_his(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, ADA, "from Monday to Friday")
    assert "Europe/Paris" in texts(modal["blocks"])
    drawn = pick(slack, fake, modal, "UBOB")
    shown = texts(drawn["blocks"])
    assert "For <@UBOB>" in shown and "America/New_York" in shown
    assert "kind" not in [b["element"]["action_id"] for b in drawn["blocks"] if "element" in b]
    assert input_value(drawn, "behalf_person") == "UBOB"
    slack.submit(ADA, drawn["id"])
    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_by, absence.tz) == ("UBOB", ADA, "America/New_York")
    assert absence.starts_at.isoformat() == "2026-11-30T05:00:00+00:00"
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_choosing_a_bot_says_why_and_keeps_the_form_ones_own(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UROBOT", "robot", is_bot=True)
    drawn = pick(slack, fake, open_form(slack, fake, ADA, "tomorrow"), "UROBOT")
    assert "<@UROBOT> is a bot or an app" in texts(drawn["blocks"])
    assert input_value(drawn, "behalf_person") is None
    slack.submit(ADA, drawn["id"])
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [(ADA, None)]
    assert audit(engine) == []


def test_choosing_oneself_goes_back_to_ones_own_form(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    drawn = pick(slack, fake, open_form(slack, fake, ADA, "tomorrow"), "UBOB")
    drawn = pick(slack, fake, drawn, ADA)
    assert "For <@" not in texts(drawn["blocks"]) and "Europe/Paris" in texts(drawn["blocks"])
    slack.submit(ADA, drawn["id"])
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [(ADA, None)]
