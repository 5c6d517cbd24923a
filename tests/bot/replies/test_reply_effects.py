"""What follows a reply: the backup notified, a reminder when Alice is back, forwarded copies,
the digest, and the nudge when Alice posts while away."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from storage.db import begin_writing, session_scope
from storage.models import Mention, ResponderRow
from tests.bot.flows import stored
from tests.bot.replies.replying import GENERAL, button, out, replies_to
from tests.bot.responders.test_manage import choose
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_notify_sends_the_backup_who_where_and_a_link_once_per_sender_and_message(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, backup_id="UCAROL")
    event, _ = slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    told = []
    for _ in range(2):
        reply = slack.click(
            "UBOB", action_id="reply_notify_backup", message=answer, channel_id=GENERAL
        )
        assert reply.response_url is not None
        told += [r["text"].split(" <@")[0] for r in fake.responses(reply.response_url)]
    [note] = fake.messages_to("UCAROL")
    assert note["text"].startswith("<@UBOB> is looking for <@UALICE>")
    assert f"<#{GENERAL}>" in note["text"]
    assert f"/archives/{GENERAL}/p{event['ts'].replace('.', '')}" in note["text"]
    assert told == ["I let", "I had already let"]


def test_remind_me_sends_bob_a_dm_when_alice_is_back(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine)
    slack.message("UBOB", GENERAL, "<@UALICE> lunch next week?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UBOB", action_id="reply_remind_me", message=answer, channel_id=GENERAL)
    slack.settle()
    assert fake.messages_to("UBOB") == []
    assert alice.ends_at is not None
    clock.set(alice.ends_at + timedelta(seconds=1))
    slack.settle()
    [note] = fake.messages_to("UBOB")
    assert note["text"] == ":wave: <@UALICE> is back. You asked me to let you know."


def test_an_absence_ended_early_reminds_at_once_and_only_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine)
    slack.message("UBOB", GENERAL, "<@UALICE> ping")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    slack.command("UALICE", "off")
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        ":wave: <@UALICE> is back. You asked me to let you know."
    ]
    clock.advance(days=3)  # the end first planned passes: nothing more is sent
    slack.settle()
    assert len(fake.messages_to("UBOB")) == 1


def test_deleting_an_absence_that_is_on_ends_it_with_the_reminders_and_the_digest(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Bob asks to be told when Alice is back; Alice deletes her responder from /ooo list.
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    choose(slack, "UALICE", f"delete:{alice.id}", message=slack.command("UALICE", "list").json())
    slack.submit("UALICE", fake.modal("UALICE")["id"])
    clock.advance(days=3)
    slack.settle()
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        ":wave: <@UALICE> is back. You asked me to let you know."
    ]
    told_alice = fake.messages_to("UALICE")
    assert any("Welcome back" in m["text"] for m in told_alice)
    assert [m for m in told_alice if "UBOB" in str(m.get("blocks"))], "the digest names Bob"


@pytest.mark.parametrize("action_id", ["reply_remind_me", "reply_notify_backup"])
def test_a_reply_button_clicked_after_alice_is_back_says_so_and_does_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, action_id: str
) -> None:
    alice = out(engine, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    assert alice.ends_at is not None
    clock.set(alice.ends_at + timedelta(days=2))
    slack.settle()

    reply = slack.click("UBOB", action_id=action_id, message=answer, channel_id=GENERAL)
    slack.settle()
    clock.advance(days=3)
    slack.settle()

    assert reply.response_url is not None
    said = [r["text"] for r in fake.responses(reply.response_url)]
    assert said == ["<@UALICE> is back: write to them directly."]
    assert fake.messages_to("UCAROL") == fake.messages_to("UBOB") == []


def test_it_forwards_a_copy_of_each_message_at_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, forward_to="UCAROL", reply_again="absence")
    first, _ = slack.message("UBOB", GENERAL, "<@UALICE> question one")
    second, _ = slack.message("UBOB", GENERAL, "<@UALICE> question two")
    copies = fake.messages_to("UCAROL")
    assert [c["text"].split(" wrote to ")[0] for c in copies] == ["<@UBOB>", "<@UBOB>"]
    assert all(f"<#{GENERAL}>" in c["text"] for c in copies)
    for copy, event in zip(copies, (first, second), strict=True):
        assert event["ts"].replace(".", "") in copy["text"]
        assert "question" not in copy["text"], "ooo copies links, never the text"
    assert len(replies_to(fake, "UBOB")) == 1


def test_a_silent_responders_external_sender_is_still_forwarded_and_in_the_digest(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, forward_to="UCAROL", external_message=None)
    fake.add_user("UPARTNER", "partner")
    fake.add_channel("C0SHARED", "shared", members=["UALICE", "UPARTNER", "UBOT"])
    event = fake.post_as("UPARTNER", "C0SHARED", "<@UALICE> hello from Partner Inc")
    slack.event(event | {"user_team": "T0PARTNER"}, shared_externally=True)
    slack.settle()
    assert alice.ends_at is not None
    clock.set(alice.ends_at)
    slack.settle()

    assert fake.ephemerals_seen("UPARTNER", "C0SHARED") == []
    [copy] = fake.messages_to("UCAROL")
    assert copy["text"].startswith("<@UPARTNER> wrote to ")
    _welcome, digest = fake.messages_to("UALICE")
    assert "1 message for <@UALICE> from 1 person; 0 automatic replies sent" in digest["text"]
    assert "*<@UPARTNER>*" in str(digest["blocks"])


def test_the_digest_comes_when_the_absence_ends_grouped_by_sender(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine)
    slack.message("UBOB", GENERAL, "<@UALICE> one")
    slack.message("UBOB", GENERAL, "<@UALICE> two")
    slack.message("UCAROL", GENERAL, "<@UALICE> three")
    assert fake.messages_to("UALICE") == []
    assert alice.ends_at is not None
    clock.set(alice.ends_at)
    slack.settle()
    welcome, digest = fake.messages_to("UALICE")  # the digest follows the welcome back
    assert digest["text"].startswith("While you were away")
    assert "While you were away" not in welcome["text"]
    assert (
        "3 messages for <@UALICE> from 2 people; 2 automatic replies sent, 0 held back"
        in (digest["text"])
    )
    sections = [b["text"]["text"] for b in digest["blocks"] if b["type"] == "section"][1:]
    assert [s.split("\n")[0] for s in sections] == ["*<@UBOB>*", "*<@UCAROL>*"]
    assert [len(s.split("\n")) for s in sections] == [3, 2]
    assert "/archives/C0GENERAL/p" in sections[0]
    assert "one" not in str(digest["blocks"]).replace("one more", "")


def test_ooo_digest_sends_the_digest_so_far(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    slack.message("UBOB", GENERAL, "<@UALICE> one")
    reply = slack.command("UALICE", "digest")
    assert "on its way" in reply.text
    assert "1 message for <@UALICE> from 1 person" in fake.last_dm("UALICE")["text"]


def test_ooo_digest_without_a_responder_says_so(slack: SettlingDriver, fake: FakeSlack) -> None:
    reply = slack.command("UBOB", "digest")
    assert "no digest yet" in reply.text
    assert fake.messages_to("UBOB") == []


def test_alice_posting_while_away_is_nudged_at_most_once_a_day(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine)
    slack.message("UALICE", GENERAL, "quick note from the beach")
    slack.message("UALICE", GENERAL, "and another")
    [nudge] = fake.ephemerals_seen("UALICE", GENERAL)
    assert nudge["text"].startswith("Your responder is still on")
    assert button(nudge, "reply_end_now")["text"]["text"] == "End now"
    assert button(nudge, "reply_keep_on")["text"]["text"] == "Keep it on"
    clock.advance(hours=24)
    slack.message("UALICE", GENERAL, "next day")
    assert len(fake.ephemerals_seen("UALICE", GENERAL)) == 2
    assert replies_to(fake, "UALICE") == []


def test_end_now_from_the_nudge_ends_the_responder(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine)
    slack.message("UALICE", GENERAL, "back early")
    [nudge] = fake.ephemerals_seen("UALICE", GENERAL)
    slack.click("UALICE", action_id="reply_end_now", message=nudge, channel_id=GENERAL)
    [responder] = stored(engine)
    assert responder.ends_at == clock()
    slack.message("UBOB", GENERAL, "<@UALICE> welcome back")
    assert replies_to(fake, "UBOB") == []


def test_only_the_owner_can_end_it_from_a_nudge(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    slack.message("UALICE", GENERAL, "posting while out")
    [nudge] = fake.ephemerals_seen("UALICE", GENERAL)
    slack.click("UBOB", action_id="reply_end_now", message=nudge, channel_id=GENERAL)
    [responder] = stored(engine)
    assert responder.ends_at is not None and responder.ends_at > responder.updated_at


def test_a_later_end_moves_the_reminder_with_it(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine)
    slack.message("UBOB", GENERAL, "<@UALICE> ping")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    assert alice.ends_at is not None
    with session_scope(engine) as session:
        begin_writing(session, "test")
        session.get(ResponderRow, alice.id).ends_at = alice.ends_at + timedelta(days=2)  # type: ignore[union-attr]
    clock.set(alice.ends_at + timedelta(hours=1))
    slack.settle()
    assert fake.messages_to("UBOB") == []
    clock.set(alice.ends_at + timedelta(days=2))
    slack.settle()
    assert len(fake.messages_to("UBOB")) == 1


def test_what_is_older_than_the_retention_period_is_forgotten(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    ended = out(
        engine,
        owner="UERIN",
        starts_at=clock() - timedelta(days=40),
        ends_at=clock() - timedelta(days=31),
        applied="off",
    )
    out(engine)
    with session_scope(engine) as session:
        old = Mention(
            team_id="T0001",
            responder_id=ended.id or 0,
            sender_id="UCAROL",
            channel_id=GENERAL,
            message_ts="1600000000.000100",
            outcome="replied",
            window_key="old",
            at=clock() - timedelta(days=35),
        )
        session.add(old)
    slack.message("UBOB", GENERAL, "<@UALICE> hi")
    with session_scope(engine) as session:
        kept = [m.sender_id for m in session.exec(select(Mention)).all()]
    assert kept == ["UBOB"]
