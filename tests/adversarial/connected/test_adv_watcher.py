"""Item 10 attacks: a connected account never turns ooo into a watcher of conversations the
person mentioned is not in; item 13: external senders are kept in forwards."""

from collections.abc import Callable

import httpx
from sqlalchemy import Engine
from sqlmodel import select

from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.models import Mention
from tests.bot.accounts.connected.test_direct_messages import BOB, CAROL, QUIET, away, people  # noqa: F401
from tests.bot.replies.replying import replies_to
from tests.bot.responders.lifecycle_steps import run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ALICE = "UALICE"


def _nothing_for_erin(people: FakeSlack, engine: Engine) -> None:
    assert replies_to(people, BOB) == []
    assert people.messages_to(CAROL) == []
    assert [m for m in people.messages_to("UERIN") if m["text"].startswith("While you")] == []
    with session_scope(engine) as session:
        assert session.exec(select(Mention)).all() == []


def test_adv_a_mention_in_a_dm_between_two_others_is_left_alone(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    # Bob writes to Alice, in their own DM, about Erin: Erin could never read it.
    connect_alice()
    people.add_user("UERIN", "erin")
    erin = away(engine, clock, "UERIN", forward_to=CAROL, keep_digest=True)
    people.allow("channel_not_found")
    channel = people.open_dm(BOB, ALICE)
    posted = people.post_as(BOB, channel, "<@UERIN> is slow again, don't tell her")
    slack.event(posted, seen_by=ALICE)
    run_at(engine, clock, effects, erin.ends_at)
    _nothing_for_erin(people, engine)


def test_adv_a_mention_in_a_group_dm_without_the_person_is_left_alone(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    people.add_user("UERIN", "erin")
    people.add_channel("G0MPIM", "mpdm-alice--bob--carol-1", members=[ALICE, BOB, CAROL], is_mpim=True)
    erin = away(engine, clock, "UERIN", forward_to=CAROL, keep_digest=True)
    people.allow("channel_not_found")
    posted = people.post_as(BOB, "G0MPIM", "<@UERIN> is slow again, don't tell her")
    slack.event(posted, seen_by=ALICE)
    run_at(engine, clock, effects, erin.ends_at)
    assert replies_to(people, BOB) == []
    assert [m for m in people.messages_to(CAROL) if "UERIN" in m.get("text", "")] == []
    with session_scope(engine) as session:
        assert session.exec(select(Mention)).all() == []


def test_adv_a_thread_reply_in_a_private_channel_without_the_person_is_left_alone(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    people.add_user("UERIN", "erin")
    erin = away(engine, clock, "UERIN", forward_to=CAROL, keep_digest=True)
    people.allow("channel_not_found")
    parent = people.post_as(ALICE, QUIET, "Reorg plans")
    posted = people.post_as(BOB, QUIET, "<@UERIN> goes first", thread_ts=parent["ts"])
    slack.event(posted, seen_by=ALICE)
    run_at(engine, clock, effects, erin.ends_at)
    _nothing_for_erin(people, engine)


def test_adv_a_bot_seen_private_channel_mention_of_a_non_member_is_left_alone(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    # ooo itself is in #hr (private); Erin is not. ooo must not answer or forward it either.
    people.add_user("UERIN", "erin")
    people.add_channel("G0HR", "hr", members=[ALICE, BOB, "UBOT"], is_private=True)
    erin = away(engine, clock, "UERIN", forward_to=CAROL, keep_digest=True)
    posted = people.post_as(BOB, "G0HR", "<@UERIN> is on the list")
    slack.event(posted)
    run_at(engine, clock, effects, erin.ends_at)
    _nothing_for_erin(people, engine)


def test_adv_an_external_senders_mention_is_still_forwarded_and_kept(
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # A partner from another organization mentions Alice in a Slack Connect channel; her
    # responder has no external message: the partner gets nothing, Carol still gets the copy.
    people.add_user("UPARTNER", "pat", home_team="T0PARTNER")
    people.add_channel("C0SHARED", "shared", members=[ALICE, "UPARTNER", "UBOT"])
    away(engine, clock, forward_to=CAROL, keep_digest=True)
    posted = people.post_as("UPARTNER", "C0SHARED", "<@UALICE> invoice?", user_team="T0PARTNER")
    slack.event(posted, shared_externally=True)
    assert replies_to(people, "UPARTNER") == []
    assert len(people.messages_to(CAROL)) == 1
    with session_scope(engine) as session:
        assert len(session.exec(select(Mention)).all()) == 1


def test_adv_a_group_mention_in_a_dm_is_never_copied_into_a_channel(
    connect_alice: Callable[..., httpx.Response],
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # Bob speaks for @oncall, copies to #team. Carol writes to Alice in their DM naming @oncall;
    # Slack shows it to ooo through Alice's account.
    from tests.bot.replies.replying import out

    connect_alice()
    people.add_usergroup("S0ONCALL", "oncall", "On-call", users=[ALICE, BOB])
    out(engine, owner=BOB, kind="shared", target_id="S0ONCALL", target_kind="usergroup",
        forward_channel="C0TEAM", forward_to="C0TEAM")
    channel = people.open_dm(CAROL, ALICE)
    posted = people.post_as(CAROL, channel, "<!subteam^S0ONCALL|@oncall> my salary question")
    slack.event(posted, seen_by=ALICE)
    assert people.messages_to("C0TEAM") == [], people.messages_to("C0TEAM")[0]["text"]
