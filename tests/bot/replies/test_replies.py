"""Automatic replies end to end: who gets one, where, once; and every message that gets none."""

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def test_it_answers_bob_privately_where_he_mentioned_alice(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, backup_id="UCAROL")
    _, reply = slack.message("UBOB", GENERAL, "<@UALICE> can you review my PR?")
    assert reply.status == 200
    [answer] = fake.ephemerals_seen("UBOB", GENERAL)
    back = int(datetime(2026, 11, 30, tzinfo=UTC).timestamp())
    assert answer["text"].startswith(f"<@UALICE> is out of office until <!date^{back}^")
    assert "I'm away. Ask <@UCAROL> meanwhile." in str(answer["blocks"])
    buttons = [e["text"]["text"] for b in answer["blocks"] for e in b.get("elements", [])]
    assert buttons == ["Notify carol", "Remind me when alice is back"]
    assert fake.ephemerals_to("UALICE") == [] and fake.ephemerals_to("UCAROL") == []


def test_it_answers_in_the_thread_the_mention_was_in(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    parent = fake.post_as("UCAROL", GENERAL, "Release notes?")
    slack.message("UBOB", GENERAL, "<@UALICE> wrote them", thread_ts=parent["ts"])
    assert fake.ephemerals_seen("UBOB", GENERAL) == []
    assert len(fake.ephemerals_seen("UBOB", GENERAL, parent["ts"])) == 1


@pytest.mark.parametrize(
    "event",
    [
        {"bot_id": "B0ECHO", "user": "UECHO"},
        {"app_id": "A0OTHER", "user": "UECHO"},
        {"subtype": "bot_message", "bot_id": "B0ECHO"},
        {"user": "USLACKBOT"},
        {"user": "UBOT", "bot_id": "BBOT"},
        {"user": "UECHO", "metadata": {"event_type": "ooo_message", "event_payload": {}}},
        {"subtype": "message_changed", "message": {"text": "<@UALICE>", "user": "UBOB"}},
        {"subtype": "message_deleted"},
        {"subtype": "channel_join", "user": "UBOB"},
        {"subtype": "channel_topic", "user": "UBOB"},
        {"user": "UBOB", "text": "<!here> <@UALICE> lunch?"},
        {"user": "UBOB", "text": "<!channel> deploy at 5, <@UALICE>"},
        {"user": "UBOB", "text": "<!subteam^S0ONCALL|@oncall> anyone?"},
        {"user": "UBOB", "text": "ask alice, or @alice"},
    ],
)
def test_it_never_answers(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, event: dict[str, Any]
) -> None:
    out(engine)
    message = {
        "type": "message",
        "channel": GENERAL,
        "ts": "1700000001.000100",
        "text": "<@UALICE>?",
    }
    assert slack.event(message | event).status == 200
    assert fake.ephemerals_to("UBOB") == [] and fake.ephemerals_to("UECHO") == []
    assert fake.calls_to("chat.postMessage") == []


@pytest.mark.parametrize("starts_in", [timedelta(hours=1), timedelta(days=-5)])
def test_it_answers_only_while_the_responder_is_on(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, starts_in: timedelta
) -> None:
    from tests.conftest import NOW

    out(engine, starts_at=NOW + starts_in, ends_at=NOW + starts_in + timedelta(days=2))
    slack.message("UBOB", GENERAL, "<@UALICE> hi")
    assert replies_to(fake, "UBOB") == []


def test_it_answers_the_same_person_once_per_window(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine, reply_again="hour")
    for _ in range(3):
        slack.message("UBOB", GENERAL, "<@UALICE> ping")
    slack.message("UCAROL", GENERAL, "<@UALICE> ping")
    assert (len(replies_to(fake, "UBOB")), len(replies_to(fake, "UCAROL"))) == (1, 1)
    clock.advance(minutes=61)
    slack.message("UBOB", GENERAL, "<@UALICE> still there?")
    assert len(replies_to(fake, "UBOB")) == 2


def test_a_new_message_answers_everyone_again(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    from tests.bot.flows import save

    save(slack, fake, "UALICE", "from today until Monday", message="Away.", reply_again="absence")
    slack.message("UBOB", GENERAL, "<@UALICE> one")
    slack.message("UBOB", GENERAL, "<@UALICE> two")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"message": "Away, ask Carol."})
    slack.message("UBOB", GENERAL, "<@UALICE> three")
    assert [e["blocks"][1]["text"]["text"] for e in replies_to(fake, "UBOB")] == [
        "Away.",
        "Away, ask Carol.",
    ]


def test_it_holds_back_replies_over_thirty_an_hour_and_counts_them(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    people = [f"UPEER{n:02d}" for n in range(31)]
    for person in people:
        fake.add_user(person, person.lower())
    fake.add_channel("C0CROWD", "crowd", members=["UALICE", "UBOT", *people])
    for person in people:
        slack.message(person, "C0CROWD", "<@UALICE> hello")
    answered = [p for p in people if replies_to(fake, p)]
    assert answered == people[:30]
    slack.command("UALICE", "digest")
    assert "30 automatic replies sent, 1 held back" in fake.last_dm("UALICE")["text"]


def test_twenty_deliveries_of_one_event_at_once_get_one_reply(
    app_url: str, slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    event = fake.post_as("UBOB", GENERAL, "<@UALICE> urgent")
    raw = SlackDriver(f"{app_url}/slack/events", "test-signing-secret", fake)
    answers: list[tuple[int, float]] = []

    def deliver(retry: int) -> None:
        started = time.monotonic()
        reply = raw.event(event, event_id="Ev0URGENT", retry_num=retry or None)
        answers.append((reply.status, time.monotonic() - started))

    threads = [threading.Thread(target=deliver, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    slack.settle()
    assert [status for status, _ in answers] == [200] * 20
    assert max(took for _, took in answers) < 3.0
    assert len(replies_to(fake, "UBOB")) == 1


def test_a_retry_whose_first_delivery_never_arrived_is_answered(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    event = fake.post_as("UBOB", GENERAL, "<@UALICE> hello?")
    slack.event(event, event_id="Ev0LOST", retry_num=1, retry_reason="http_timeout")
    slack.event(event, event_id="Ev0LOST", retry_num=2, retry_reason="http_timeout")
    assert len(replies_to(fake, "UBOB")) == 1


def test_two_absent_people_mentioning_each_other_get_one_reply_each(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, "UALICE")
    out(engine, "UBOB")
    for _ in range(5):
        slack.message("UALICE", GENERAL, "<@UBOB> are you there?")
        slack.message("UBOB", GENERAL, "<@UALICE> are you?")
    assert (len(replies_to(fake, "UALICE")), len(replies_to(fake, "UBOB"))) == (1, 1)


@pytest.mark.parametrize(("bot_id", "replies"), [("B0ECHO", 0), (None, 1)])
def test_an_echoing_auto_responder_gets_at_most_one_reply(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, bot_id: str | None, replies: int
) -> None:
    out(engine, forward_to="C0GENERAL")
    fake.add_user("UECHO", "echo", is_bot=bot_id is not None)
    fake.add_channel(GENERAL, "general", members=["UALICE", "UBOB", "UECHO", "UBOT"])
    for n in range(20):
        # It repeats everything in the channel, ooo's forwarded copies included.
        echoed = [m["text"] for m in fake.messages_to(GENERAL)][-1:] or ["<@UALICE>"]
        fields = {"bot_id": bot_id} if bot_id else {}
        slack.event(fake.post_as("UECHO", GENERAL, f"Echo {n}: <@UALICE> {echoed[0]}", **fields))
    assert len(replies_to(fake, "UECHO")) == replies
    assert len(fake.calls_to("chat.postMessage")) <= 20


@pytest.mark.parametrize(
    ("external_message", "expected"), [("We'll answer on Monday.", 1), (None, 0)]
)
def test_senders_from_another_organization_get_the_external_message_or_nothing(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    external_message: str | None,
    expected: int,
) -> None:
    out(engine, external_message=external_message, backup_id="UCAROL")
    fake.add_user("UPARTNER", "partner")
    fake.add_channel("C0SHARED", "shared", members=["UALICE", "UPARTNER", "UBOT"])
    event = fake.post_as("UPARTNER", "C0SHARED", "<@UALICE> hello from Partner Inc")
    slack.event(event | {"user_team": "T0PARTNER"}, shared_externally=True)
    answers = fake.ephemerals_seen("UPARTNER", "C0SHARED")
    assert len(answers) == expected
    if answers:
        assert "We'll answer on Monday." in str(answers[0]["blocks"])
        assert "I'm away" not in str(answers[0]["blocks"])
        assert all(b["type"] != "actions" for b in answers[0]["blocks"])


def test_a_reply_never_pings_anyone_at_large(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, message="<!channel> I'm out, ask <!subteam^S0ONCALL|@oncall> or @here")
    slack.message("UBOB", GENERAL, "<@UALICE> hi")
    [answer] = replies_to(fake, "UBOB")
    shown = str(answer["blocks"])
    assert "<!" not in shown.replace("<!date^", "")
    assert "@here" not in shown and "@channel" not in shown
    assert "oncall" in shown and "I'm out" in shown


def test_it_sends_a_dm_when_the_sender_can_no_longer_see_the_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine)
    event = fake.post_as("UBOB", GENERAL, "<@UALICE> bye all")
    fake.leave(GENERAL, "UBOB")
    fake.allow("user_not_in_channel")
    slack.event(event)
    [dm] = fake.messages_to("UBOB")
    assert dm["text"].startswith("<@UALICE> is out of office")
    assert dm["metadata"]["event_type"] == "ooo_message"


@pytest.mark.parametrize(
    ("text", "thread", "answered"),
    [("<!subteam^S0ONCALL|@oncall> the build is red", False, True), ("hi all", False, False)],
)
def test_a_group_responder_answers_mentions_of_its_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, text: str, thread: bool, answered: bool
) -> None:
    out(
        engine, kind="shared", target_id="S0ONCALL", target_kind="usergroup", target_label="@oncall"
    )
    slack.message("UBOB", GENERAL, text)
    assert len(replies_to(fake, "UBOB")) == answered


def test_a_channel_responder_answers_each_new_top_level_message_of_its_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0HELP", "help", members=["UALICE", "UBOB", "UCAROL", "UBOT"])
    out(engine, kind="shared", target_id="C0HELP", target_kind="channel", target_label="#help")
    first, _ = slack.message("UBOB", "C0HELP", "My laptop won't boot")
    slack.message("UCAROL", "C0HELP", "Same here", thread_ts=first["ts"])
    slack.message("UBOB", GENERAL, "unrelated")
    assert (len(replies_to(fake, "UBOB")), len(replies_to(fake, "UCAROL"))) == (1, 0)
    assert fake.ephemerals_to("UBOB")[0]["text"].startswith("<#C0HELP> is out of office")


@pytest.mark.parametrize("is_mpim", [False, True], ids=["private channel", "group DM"])
def test_a_mention_in_a_private_conversation_counts_only_if_the_person_is_in_it(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, is_mpim: bool
) -> None:
    out(engine)
    fake.add_channel("G0HR", "hr", members=["UBOB", "UCAROL", "UBOT"], is_private=True)
    fake.add_channel(
        "G0ALL", "all", members=["UBOB", "UALICE", "UBOT"], is_private=True, is_mpim=is_mpim
    )
    slack.message("UBOB", "G0HR", "<@UALICE> should not hear about this")
    slack.message("UCAROL", "G0HR", "agreed, <@UALICE> is not in here")
    slack.message("UBOB", "G0ALL", "<@UALICE> lunch when you are back?")

    assert fake.ephemerals_seen("UBOB", "G0HR") == fake.ephemerals_seen("UCAROL", "G0HR") == []
    assert len(fake.ephemerals_seen("UBOB", "G0ALL")) == 1
    asked = [call["channel"] for call in fake.calls_to("conversations.members")]
    assert asked == ["G0HR", "G0ALL"], "each conversation is asked about once a minute at most"


@pytest.mark.parametrize("is_mpim", [False, True], ids=["private channel", "group DM"])
def test_a_mention_in_a_private_conversation_is_never_copied_into_a_channel(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, is_mpim: bool
) -> None:
    # Alice forwards copies to the public #general; Bob names her where only they two read.
    fake.add_channel(
        "G0HR", "hr", members=["UALICE", "UBOB", "UBOT"], is_private=True, is_mpim=is_mpim
    )
    out(engine, forward_to=GENERAL)
    slack.message("UBOB", "G0HR", "<@UALICE> your performance review is due")
    assert len(fake.ephemerals_seen("UBOB", "G0HR")) == 1, "Bob is still answered"
    assert fake.messages_to(GENERAL) == []


def test_a_group_mention_in_a_private_channel_its_owner_is_not_in_is_not_copied_to_them(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Alice speaks for @oncall, copies to herself; Carol names @oncall in the private
    # #incident, which Alice is not in.
    fake.add_channel("G0INC", "incident", members=["UBOB", "UCAROL", "UBOT"], is_private=True)
    out(engine, kind="shared", target_id="S0ONCALL", target_kind="usergroup", forward_to="UALICE")
    slack.message("UCAROL", "G0INC", "<!subteam^S0ONCALL|@oncall> the breach is in billing")
    clock.advance(days=7)
    slack.settle()
    assert [m for m in fake.messages_to("UALICE") if "G0INC" in str(m)] == []
