"""Items 1, 9, 10 attacks: what happens in a private channel stays out of public channels."""

from typing import Any

from sqlalchemy import Engine

from tests.bot.flows import open_form, stored
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

HR = {"text": {"type": "plain_text", "text": "#hr"}, "value": "G0HR"}


def _hr(fake: FakeSlack) -> None:
    fake.add_channel("G0HR", "hr", members=["UALICE", "UBOB", "UBOT"], is_private=True)


def test_adv_a_private_channels_responder_never_forwards_into_a_public_channel(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Alice (in #hr) sets a responder for the private #hr, copies to the public #general.
    _hr(fake)
    modal = open_form(slack, fake, "UALICE", "today until Monday")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    reply = slack.submit("UALICE", modal["id"], {"target": HR, "forward_channel": GENERAL})
    answer: dict[str, Any] = reply.json() if reply.text else {}
    clock.advance(minutes=1)
    slack.message("UBOB", "G0HR", "Salary bands for 2027 attached")
    copies = [m for m in fake.messages_to(GENERAL) if "G0HR" in m.get("text", "") or "hr" in m.get("text", "")]
    assert copies == [], (answer, [r.target_id for r in stored(engine)], copies)


def test_adv_the_target_menu_never_offers_a_private_channel_to_a_non_member(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.add_channel("G0HR", "hr", members=["UBOB", "UBOT"], is_private=True)
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    reply = slack.suggest("UALICE", modal["id"], "target", "hr")
    offered = [o["value"] for g in reply.json().get("option_groups", []) for o in g["options"]]
    assert "G0HR" not in offered, offered


def test_adv_a_mention_in_a_large_private_channel_of_a_member_listed_last(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    crowd = [f"U{n:05d}" for n in range(449)]
    for user in crowd:
        fake.add_user(user, user.lower())
    fake.add_channel("G0BIG", "big-private", members=[*crowd, "UBOB", "UALICE", "UBOT"], is_private=True)
    fake.paginate(100)
    out(engine, forward_to="UCAROL")
    slack.message("UBOB", "G0BIG", "<@UALICE> the slides?")
    assert len(replies_to(fake, "UBOB")) == 1
    assert len(fake.messages_to("UCAROL")) == 1
