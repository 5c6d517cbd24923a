"""A reply's buttons act only for the sender ooo answered, about the message it answered: their
value is the clicker's to forge."""

import json
from typing import Any

from sqlalchemy import Engine

from bot.texts import _, speaking
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

NOTIFY, REMIND = "reply_notify_backup", "reply_remind_me"


def _forged(answer: dict[str, Any], action_id: str, value: dict[str, Any]) -> dict[str, Any]:
    """The answer with one button's value rewritten, as a sender can send it back."""
    forged = json.loads(json.dumps(answer))
    for block in forged["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                element["value"] = json.dumps(value)
    return forged


def test_it_tells_the_backup_nothing_when_someone_never_answered_clicks_notify(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Bob was answered; Didier, who never wrote, replays Bob's button.
    out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    reply = slack.click("UDIDIER", action_id=NOTIFY, message=answer, channel_id=GENERAL)
    assert reply.status == 200
    assert fake.messages_to("UCAROL") == []
    said = [r["text"] for r in fake.responses(reply.response_url or "")]
    # Didier reads Slack in French: the answer is the catalog's, in his language.
    with speaking("fr-FR"):
        assert said == [_("That out-of-office responder is no longer on.")]
    assert said != ["That out-of-office responder is no longer on."]


def test_it_remembers_no_reminder_for_someone_never_answered(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UDIDIER", action_id=REMIND, message=answer, channel_id=GENERAL)
    slack.command("UALICE", "off")
    slack.settle()
    assert fake.messages_to("UDIDIER") == []


def test_it_refuses_a_notify_pointed_at_a_message_ooo_never_answered(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Bob was answered in #general, then points the button at Alice's message in private #hr.
    fake.add_channel("G0HR", "hr", members=["UALICE", "UCAROL", "UBOT"], is_private=True)
    hidden = fake.post_as("UALICE", "G0HR", "layoffs list")
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    forged = _forged(answer, NOTIFY, {"r": alice.id, "c": "G0HR", "t": hidden["ts"]})
    slack.click("UBOB", action_id=NOTIFY, message=forged, channel_id="G0HR")
    assert fake.messages_to("UCAROL") == []


def test_it_notifies_the_backup_once_however_many_timestamps_bob_forges(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UBOB", action_id=NOTIFY, message=answer, channel_id=GENERAL)
    for n in range(5):
        ts = fake.post_as("UCAROL", GENERAL, f"status update {n}")["ts"]
        forged = _forged(answer, NOTIFY, {"r": alice.id, "c": GENERAL, "t": ts})
        slack.click("UBOB", action_id=NOTIFY, message=forged, channel_id=GENERAL)
    assert len(fake.messages_to("UCAROL")) == 1
