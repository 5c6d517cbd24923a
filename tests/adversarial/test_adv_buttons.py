"""Item 19 attacks: reply buttons after the absence ended early or was deleted, and forged
button values."""

import json
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import stored
from tests.bot.replies.replying import GENERAL, button, out, replies_to
from tests.bot.responders.test_manage import choose
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def _with_value(answer: dict[str, Any], action_id: str, value: dict[str, Any]) -> dict[str, Any]:
    forged = json.loads(json.dumps(answer))
    for block in forged["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                element["value"] = json.dumps(value)
    return forged


@pytest.mark.parametrize("action_id", ["reply_notify_backup", "reply_remind_me"])
def test_adv_buttons_after_ooo_off(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, action_id: str
) -> None:
    out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.command("UALICE", "off")
    clock.advance(hours=1)
    slack.settle()
    reply = slack.click("UBOB", action_id=action_id, message=answer, channel_id=GENERAL)
    clock.advance(days=3)
    slack.settle()
    said = [r["text"] for r in fake.responses(reply.response_url or "")]
    assert said == ["<@UALICE> is back: write to them directly."], said
    assert fake.messages_to("UCAROL") == fake.messages_to("UBOB") == []


@pytest.mark.parametrize("action_id", ["reply_notify_backup", "reply_remind_me"])
def test_adv_buttons_after_the_responder_was_deleted(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, action_id: str
) -> None:
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    choose(slack, "UALICE", f"delete:{alice.id}", message=slack.command("UALICE", "list").json())
    slack.submit("UALICE", fake.modal("UALICE")["id"])
    assert stored(engine) == []
    before = len(fake.messages_to("UBOB"))
    reply = slack.click("UBOB", action_id=action_id, message=answer, channel_id=GENERAL)
    clock.advance(days=3)
    slack.settle()
    assert reply.status == 200
    assert fake.messages_to("UCAROL") == []
    assert len(fake.messages_to("UBOB")) == before


def test_adv_forged_notify_by_someone_never_answered(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Didier was never answered (he never wrote); he replays Bob's button: Carol must not be
    # told that Didier is looking for Alice about Bob's message.
    out(engine, backup_id="UCAROL")
    event, _ = slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UDIDIER", action_id="reply_notify_backup", message=answer, channel_id=GENERAL)
    assert [m["text"] for m in fake.messages_to("UCAROL")] == []


def test_adv_forged_notify_pointing_at_a_private_channel(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Bob was answered in #general, then forges the button to point at #hr, where he is not.
    fake.add_channel("G0HR", "hr", members=["UALICE", "UCAROL", "UBOT"], is_private=True)
    hidden = fake.post_as("UALICE", "G0HR", "layoffs list")
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    forged = _with_value(
        answer, "reply_notify_backup", {"r": alice.id, "c": "G0HR", "t": hidden["ts"]}
    )
    slack.click("UBOB", action_id="reply_notify_backup", message=forged, channel_id="G0HR")
    notes = [m["text"] for m in fake.messages_to("UCAROL")]
    assert not any("G0HR" in n for n in notes), notes


@pytest.mark.parametrize(
    "value", [{"r": 999999, "c": GENERAL, "t": "1.1"}, {"r": "x"}, {}, {"r": -1, "c": 5, "t": None}]
)
def test_adv_garbage_button_values_get_an_answer_not_an_error(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, value: dict[str, Any]
) -> None:
    out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    forged = _with_value(answer, "reply_notify_backup", value)
    reply = slack.click("UBOB", action_id="reply_notify_backup", message=forged, channel_id=GENERAL)
    assert reply.status == 200, reply.text
    assert fake.messages_to("UCAROL") == []


def test_adv_forged_timestamps_make_ooo_dm_the_backup_again_and_again(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # "Notify Carol": once per sender and message. Bob edits the button's "t" five times.
    alice = out(engine, backup_id="UCAROL")
    event, _ = slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    for n in range(5):
        ts = fake.post_as("UCAROL", GENERAL, f"status update {n}")["ts"]
        forged = _with_value(answer, "reply_notify_backup", {"r": alice.id, "c": GENERAL, "t": ts})
        slack.click("UBOB", action_id="reply_notify_backup", message=forged, channel_id=GENERAL)
    assert len(fake.messages_to("UCAROL")) <= 1, len(fake.messages_to("UCAROL"))


def test_adv_a_reminder_is_kept_when_the_end_is_moved_earlier_by_editing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    from datetime import timedelta

    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UBOB", action_id="reply_remind_me", message=answer, channel_id=GENERAL)
    choose(slack, "UALICE", f"edit:{alice.id}", message=slack.command("UALICE", "list").json())
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"when": "until tomorrow"})
    clock.advance(days=1, hours=14)
    slack.settle()
    clock.advance(days=3)
    slack.settle()
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        ":wave: <@UALICE> is back. You asked me to let you know."
    ]


def test_adv_control_the_digest_comes_with_ooo_off(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    slack.command("UALICE", "off")
    slack.settle()
    assert any("UBOB" in str(m.get("blocks")) for m in fake.messages_to("UALICE"))
