"""The members of a group or channel see the responders set for it, and may end them."""

from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import open_form, stored, texts
from tests.bot.responders.test_manage import choose, open_home
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}


@pytest.fixture
def oncall(slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock) -> int:
    """Alice's responder for @oncall (Alice and Bob are in it, Carol is not), on for an hour."""
    modal = open_form(slack, fake, "UALICE", "until next Friday")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    slack.submit("UALICE", modal["id"], {"target": ONCALL, "forward_channel": "C0GENERAL"})
    clock.advance(hours=1)
    [responder] = stored(engine)
    assert responder.id is not None
    return responder.id


def _menu(message: dict[str, Any]) -> list[str]:
    return [
        o["value"]
        for b in message["blocks"]
        if b.get("accessory", {}).get("type") == "overflow"
        for o in b["accessory"]["options"]
    ]


def test_it_lists_a_groups_responder_to_its_members_with_only_end_now(
    slack: SlackDriver, oncall: int
) -> None:
    bobs = slack.command("UBOB", "list").json()
    assert "set by <@UALICE>" in texts(bobs["blocks"])
    assert _menu(bobs) == [f"end:{oncall}"]
    carols = slack.command("UCAROL", "list").json()
    assert "@oncall" not in texts(carols["blocks"]) and "S0ONCALL" not in texts(carols["blocks"])


def test_it_lets_a_member_end_a_groups_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, oncall: int
) -> None:
    choose(slack, "UBOB", f"end:{oncall}", message=slack.command("UBOB", "list").json())
    confirm = fake.modal("UBOB")
    assert confirm["title"]["text"] == "End responder?"
    slack.submit("UBOB", confirm["id"])
    assert stored(engine)[0].ends_at == clock()
    told = [m["text"] for m in fake.messages_to("UALICE") if "ended your" in m["text"]]
    assert told == [":information_source: <@UBOB> ended your responder for <!subteam^S0ONCALL>."]


def test_it_refuses_ending_by_someone_outside_the_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, oncall: int
) -> None:
    bobs = slack.command("UBOB", "list").json()
    choose(slack, "UCAROL", f"end:{oncall}", message=bobs)
    assert fake.modal("UCAROL")["title"]["text"] == "Not available"
    choose(slack, "UBOB", f"end:{oncall}", message=bobs)
    reply = slack.submit("UCAROL", fake.modal("UBOB")["id"])
    assert reply.json()["view"]["title"]["text"] == "Not available"
    [responder] = stored(engine)
    assert responder.ends_at is not None and responder.ends_at > clock()


@pytest.mark.parametrize("verb", ["edit", "delete"])
def test_it_leaves_editing_and_deleting_to_its_owner(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, oncall: int, verb: str
) -> None:
    forged = {"text": {"type": "plain_text", "text": "x"}, "value": f"{verb}:{oncall}"}
    bobs = slack.command("UBOB", "list").json()
    menu = next(b["accessory"] for b in bobs["blocks"] if "accessory" in b)
    slack.click("UBOB", action_id=menu["action_id"], message=bobs, option=forged)
    assert fake.modal("UBOB")["title"]["text"] == "Not available"
    assert stored(engine)[0].deleted_at is None


def test_it_shows_a_groups_responder_on_its_members_home_tabs(
    slack: SlackDriver, fake: FakeSlack, oncall: int
) -> None:
    bobs = open_home(slack, fake, "UBOB")
    assert "set by <@UALICE>" in texts(bobs["blocks"])
    assert _menu(bobs) == [f"end:{oncall}"]
    assert "set by" not in texts(open_home(slack, fake, "UCAROL")["blocks"])
