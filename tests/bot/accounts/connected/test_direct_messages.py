"""Direct messages to Alice and mentions where ooo is not, seen through her connected account:
answered once per sender, by ooo or in the conversation as her, never in a loop."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.accounts.connected import USER_SCOPES
from bot.accounts.vault import Vault
from bot.core.workspace import Workspace
from bot.outbox.post_once import EVENT_TYPE
from bot.outbox.worker import EffectWorker
from storage.account_queries import forget_account, save_account
from storage.db import session_scope
from storage.models import ConnectedAccount, Mention, ResponderRow
from tests.bot.accounts.conftest import ALICE, KEY
from tests.bot.accounts.conftest import TEAM as TEAM_ID
from tests.bot.replies.replying import replies_to
from tests.bot.responders.lifecycle_steps import add_responder, responder_row, run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

BOB, CAROL = "UBOB", "UCAROL"
QUIET = "C0QUIET"  # a private channel ooo was never invited to
TEAM = "C0TEAM"  # where ooo is too


@pytest.fixture
def people(fake: FakeSlack) -> FakeSlack:
    """Bob and Carol work with Alice; #quiet has the three of them and not ooo, #team has ooo."""
    fake.add_user(BOB, "bob")
    fake.add_user(CAROL, "carol")
    fake.add_channel(QUIET, "quiet", members=[ALICE, BOB, CAROL], is_private=True)
    fake.add_channel(TEAM, "team", members=[ALICE, BOB, "UBOT"])
    return fake


def away(engine: Engine, clock: FakeClock, owner: str = ALICE, **changes: Any) -> ResponderRow:
    """Someone is out from now for three days, Carol as their backup."""
    now, end, fields = clock(), clock() + timedelta(days=3), {"backup_id": CAROL} | changes
    stored = add_responder(engine, owner, starts_at=now, ends_at=end, saved_at=now, **fields)
    return responder_row(engine, stored)


def dm(
    slack: SettlingDriver, fake: FakeSlack, sender: str, to: str, text: str, **event: Any
) -> Any:
    """`sender` writes to `to` in their DM; Slack delivers it through Alice's account."""
    channel = fake.open_dm(sender, to)
    posted = fake.post_as(sender, channel, text, **event)
    slack.event(posted, seen_by=ALICE)
    return posted


def test_a_dm_to_alice_gets_her_message_once_from_ooo(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock)
    dm(slack, people, BOB, ALICE, "Are you around?")
    dm(slack, people, BOB, ALICE, "Hello?")
    [reply] = people.messages_to(BOB)
    assert replies_to(people, BOB) == [reply]
    assert reply["text"].startswith("<@UALICE> is out of office until")
    assert [b["action_id"] for b in reply["blocks"][-1]["elements"]] == [
        "reply_notify_backup",
        "reply_remind_me",
    ]
    # Nothing was tried where ooo can't show anything: the DM between the two of them.
    assert all(c.args.get("channel") != people.open_dm(BOB, ALICE) for c in people.calls)
    dm(slack, people, CAROL, ALICE, "Lunch?")
    assert len(replies_to(people, CAROL)) == 1


def test_her_own_dms_and_machines_get_nothing(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock)
    dm(slack, people, ALICE, BOB, "Quick one while I'm off")
    dm(slack, people, BOB, ALICE, "build passed", bot_id="B0CI", subtype="bot_message")
    assert replies_to(people, BOB) == [] and replies_to(people, ALICE) == []
    assert people.calls_to("chat.postEphemeral") == []


def test_she_can_answer_in_the_conversation_as_herself_without_a_loop(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock, reply_as_me=True, message="Back soon. Ask {backup}.")
    # Bob is out too: an automatic reply from Alice must not start his answering hers.
    away(engine, clock, BOB)
    asked = dm(slack, people, BOB, ALICE, "Can you review this?")
    channel = people.open_dm(BOB, ALICE)
    [answer] = [m for m in people.messages_to(channel) if m["ts"] != asked["ts"]]
    assert answer["user"] == ALICE and "bot_id" not in answer
    assert answer["text"].startswith("_Automatic reply: I'm out of office until")
    assert "Back soon. Ask <@UCAROL>." in answer["text"]
    assert answer["metadata"]["event_type"] == EVENT_TYPE
    [post] = [
        c for c in people.calls if c.method == "chat.postMessage" and c.args["channel"] == channel
    ]
    assert post.token is not None and post.token.startswith("xoxp-")
    # Slack delivers Alice's answer too, through her account: nobody answers it.
    slack.event(answer | {"channel": channel, "channel_type": "im"}, seen_by=ALICE)
    assert len(people.messages_to(channel)) == 2
    assert replies_to(people, ALICE) == [] and replies_to(people, BOB) == []


def test_replies_as_her_in_the_thread_a_dm_was_written_in(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock, reply_as_me=True)
    channel = people.open_dm(BOB, ALICE)
    first = people.post_as(ALICE, channel, "Here is the draft")
    dm(slack, people, BOB, ALICE, "Looks good, one question", thread_ts=first["ts"])
    [answer] = [m for m in people.messages_to(channel) if m.get("metadata")]
    assert answer["thread_ts"] == first["ts"]


def test_without_her_account_a_reply_as_her_falls_back_to_ooo(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock, reply_as_me=True)
    channel = people.open_dm(BOB, ALICE)
    posted = people.post_as(BOB, channel, "Ping")
    with session_scope(engine) as session:  # her account is gone before the reply goes out
        forget_account(session, workspace=Workspace(TEAM_ID), user_id=ALICE)
    slack.event(posted, seen_by=ALICE)
    [reply] = replies_to(people, BOB)
    assert reply["text"].startswith("<@UALICE> is out of office")
    assert len(people.messages_to(channel)) == 1


def connect_directly(engine: Engine, fake: FakeSlack, person: str) -> None:
    """Someone's account connected, sealed as ooo seals it (Alice connects through the page)."""
    token = fake.grant_user_token(person, USER_SCOPES)
    account = ConnectedAccount(
        team_id=fake.team_id,
        user_id=person,
        token=Vault(KEY).seal(token),
        connected_at=datetime.now(UTC),
    )
    with session_scope(engine) as session:
        save_account(session, account=account)


def test_a_dm_whose_sender_slack_names_is_looked_up_once(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # Alice is back; Bob is out, his account connected too. Alice's DMs reach ooo through her
    # own account, naming her: whom they are for is asked of Slack once.
    connect_alice()
    connect_directly(engine, people, BOB)
    away(engine, clock, BOB)
    dm(slack, people, ALICE, BOB, "Welcome back soon!")
    dm(slack, people, ALICE, BOB, "And another thing")
    assert len(replies_to(people, ALICE)) == 1
    looked_up = people.calls_to("conversations.info")
    assert looked_up == [{"channel": people.open_dm(ALICE, BOB)}]


def test_a_dm_to_someone_who_never_connected_is_not_answered(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # Carol is out but never connected: ooo sees Alice's DM to her only through Alice.
    connect_alice()
    away(engine, clock, CAROL)
    dm(slack, people, ALICE, CAROL, "Are you back?")
    assert replies_to(people, ALICE) == []


def test_when_slack_cannot_say_whom_a_dm_is_for_nobody_is_answered(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    connect_directly(engine, people, BOB)
    away(engine, clock, BOB)
    people.fail_next("conversations.info", "internal_error")
    people.allow("internal_error")
    dm(slack, people, ALICE, BOB, "Ping")
    assert replies_to(people, ALICE) == []
    dm(slack, people, ALICE, BOB, "Ping again")  # not remembered: asked again, and answered
    assert len(replies_to(people, ALICE)) == 1


def test_a_mention_where_ooo_is_not_gets_a_dm_from_ooo(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock)
    people.allow("channel_not_found")  # the private reply ooo tries first can't show there
    posted = people.post_as(BOB, QUIET, "<@UALICE> can you approve?")
    slack.event(posted, seen_by=ALICE)
    [reply] = replies_to(people, BOB)
    assert reply["text"].startswith("<@UALICE> is out of office")
    assert people.ephemerals_to(BOB) == []


def test_a_message_both_ooo_and_alice_see_is_answered_once(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock)
    posted = people.post_as(BOB, TEAM, "<@UALICE> standup?")
    slack.event(posted)
    slack.event(posted, seen_by=ALICE)
    assert len(replies_to(people, BOB)) == 1
    with session_scope(engine) as session:
        assert len(session.exec(select(Mention)).all()) == 1


def test_her_digest_links_the_dm_and_copies_say_where_without_a_link(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    alice = away(engine, clock, forward_to=CAROL, keep_digest=True)
    asked = dm(slack, people, BOB, ALICE, "The contract?")
    [copy] = people.messages_to(CAROL)
    assert copy["text"].startswith("<@UBOB> wrote to <@UALICE> in a direct message")
    assert "archives" not in copy["text"]
    run_at(engine, clock, effects, alice.ends_at)
    [digest] = [m for m in people.messages_to(ALICE) if m["text"].startswith("While you")]
    channel = people.open_dm(BOB, ALICE)
    shown = str(digest["blocks"])
    assert f"/archives/{channel}/p{asked['ts'].replace('.', '')}" in shown
    assert "in a direct message" in shown


def test_a_retried_dm_is_answered_once(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock)
    posted = people.post_as(BOB, people.open_dm(BOB, ALICE), "Still on for Friday?")
    slack.event(posted, event_id="Ev0DM", seen_by=ALICE)
    slack.event(posted, event_id="Ev0DM", seen_by=ALICE, retry_num=1, retry_reason="http_timeout")
    assert len(replies_to(people, BOB)) == 1


@pytest.mark.parametrize("as_her", [True, False])
def test_someone_from_another_organization_gets_the_external_message_as_her(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    as_her: bool,
) -> None:
    # ooo can't message people from another organization: it answers them as her either way.
    connect_alice()
    away(engine, clock, reply_as_me=as_her, external_message="Out this week, sorry!")
    people.add_user("UPARTNER", "pat", home_team="T0PARTNER")
    channel = people.open_dm("UPARTNER", ALICE)
    posted = people.post_as("UPARTNER", channel, "Quick question", user_team="T0PARTNER")
    slack.event(posted, seen_by=ALICE, shared_externally=True)
    [answer] = [m for m in people.messages_to(channel) if m.get("metadata")]
    assert answer["text"].endswith("\nOut this week, sorry!")


def test_a_mention_nobody_here_may_link_to_is_still_forwarded(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # Bob (not connected, away, forwarding to Carol) is mentioned in #quiet, which ooo isn't in:
    # Alice's account shows it to ooo, and neither ooo nor Bob's account can link to it.
    connect_alice()
    away(engine, clock, BOB, forward_to=CAROL)
    people.allow("channel_not_found")
    posted = people.post_as(ALICE, QUIET, "<@UBOB> the slides?")
    slack.event(posted, seen_by=ALICE)
    [copy] = people.messages_to(CAROL)
    assert copy["text"].startswith("<@UALICE> wrote to <@UBOB>")
    assert copy["text"].endswith(f"in <#{QUIET}>") and "archives" not in copy["text"]


def test_a_mention_in_a_private_channel_the_person_is_not_in_is_left_alone(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    # Erin (away, forwarding to Carol) is not in #quiet: Alice's account shows ooo Bob naming
    # her there, which Erin herself could never have read.
    connect_alice()
    people.add_user("UERIN", "erin")
    erin = away(engine, clock, "UERIN", forward_to=CAROL, keep_digest=True)
    people.allow("channel_not_found")
    posted = people.post_as(BOB, QUIET, "<@UERIN> is slow again, don't tell her")
    slack.event(posted, seen_by=ALICE)
    run_at(engine, clock, effects, erin.ends_at)

    assert replies_to(people, BOB) == []
    assert people.messages_to(CAROL) == []
    assert [m for m in people.messages_to("UERIN") if m["text"].startswith("While you")] == []


def test_a_copy_of_a_direct_message_never_goes_into_a_channel(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    connect_alice()
    away(engine, clock, forward_to=TEAM)
    dm(slack, people, BOB, ALICE, "My salary review?")

    assert len(replies_to(people, BOB)) == 1
    assert people.messages_to(TEAM) == []
