"""should_reply: when a responder answers a message, and every rule that keeps it quiet."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.core.mentions import Message
from bot.core.policy import (
    Reason,
    Responding,
    Sent,
    owner_nudge_due,
    should_reply,
)
from bot.core.responder import Again, Kind, Target

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
TEAM, APP = "T0001", "UBOT"
ALICE_OUT = Responding(
    id=1,
    owner_id="UALICE",
    kind=Kind.PERSONAL,
    starts_at=NOW - timedelta(days=1),
    ends_at=NOW + timedelta(days=3),
)
ONCALL = replace(ALICE_OUT, id=2, kind=Kind.SHARED, target_id="S0ONCALL", target=Target.USERGROUP)
SUPPORT = replace(ALICE_OUT, id=3, kind=Kind.SHARED, target_id="C0SUPPORT", target=Target.CHANNEL)
BOB_TO_ALICE = Message(channel="C0GENERAL", ts="1.0", user="UBOB", mentions=frozenset({"UALICE"}))


def decide(
    message: Message = BOB_TO_ALICE, responder: Responding = ALICE_OUT, **kw: object
) -> Reason:
    sent = kw.pop("sent", Sent())
    now = kw.pop("now", NOW)
    return should_reply(message, responder, sent, now, team_id=TEAM, app_user_id=APP).reason  # type: ignore[arg-type]


def test_it_answers_bob_who_mentions_alice_while_she_is_out() -> None:
    assert decide() is Reason.REPLY


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"bot_id": "B0OTHER"}, Reason.MACHINE),
        ({"app_id": "A0OTHER"}, Reason.MACHINE),
        ({"subtype": "bot_message", "user": None}, Reason.MACHINE),
        ({"user": "USLACKBOT"}, Reason.SLACKBOT),
        ({"user": "UBOT"}, Reason.ITSELF),
        ({"metadata_type": "ooo_auto_reply"}, Reason.AUTO_REPLY),
        ({"subtype": "message_changed", "user": None}, Reason.SYSTEM),
        ({"subtype": "message_changed"}, Reason.SYSTEM),
        ({"subtype": "message_deleted", "user": None}, Reason.SYSTEM),
        ({"subtype": "channel_join"}, Reason.SYSTEM),
        ({"subtype": "channel_topic"}, Reason.SYSTEM),
        ({"subtype": "channel_purpose"}, Reason.SYSTEM),
        ({"subtype": "pinned_item"}, Reason.SYSTEM),
        ({"subtype": "reminder_add"}, Reason.SYSTEM),
        ({"user": None}, Reason.SYSTEM),
        ({"user": "UALICE"}, Reason.OWNER),
        ({"broadcast": True}, Reason.BROADCAST),
        ({"mentions": frozenset({"UCAROL"})}, Reason.NOT_ADDRESSED),
        ({"mentions": frozenset(), "groups": frozenset({"S0ONCALL"})}, Reason.NOT_ADDRESSED),
    ],
)
def test_it_never_answers(change: dict[str, object], reason: Reason) -> None:
    assert decide(replace(BOB_TO_ALICE, **change)) is reason  # type: ignore[arg-type]


@pytest.mark.parametrize("subtype", ["file_share", "thread_broadcast", "me_message"])
def test_it_answers_what_people_write_with_a_subtype(subtype: str) -> None:
    assert decide(replace(BOB_TO_ALICE, subtype=subtype)) is Reason.REPLY


@pytest.mark.parametrize(
    ("now", "reason"),
    [
        (ALICE_OUT.starts_at - timedelta(seconds=1), Reason.OFF),
        (ALICE_OUT.starts_at, Reason.REPLY),
        (ALICE_OUT.ends_at - timedelta(seconds=1), Reason.REPLY),  # type: ignore[operator]
        (ALICE_OUT.ends_at, Reason.OFF),
    ],
)
def test_it_answers_only_while_the_responder_is_on(now: datetime, reason: Reason) -> None:
    assert decide(now=now) is reason


def test_a_responder_without_an_end_stays_on() -> None:
    assert decide(responder=replace(ALICE_OUT, ends_at=None), now=NOW + timedelta(days=400)) is (
        Reason.REPLY
    )


@pytest.mark.parametrize(
    ("again", "since", "reason"),
    [
        (Again.HOUR, timedelta(minutes=59), Reason.ALREADY_ANSWERED),
        (Again.HOUR, timedelta(hours=1), Reason.REPLY),
        (Again.DAY, timedelta(hours=23, minutes=59), Reason.ALREADY_ANSWERED),
        (Again.DAY, timedelta(days=1), Reason.REPLY),
        (Again.THREE_DAYS, timedelta(days=2), Reason.ALREADY_ANSWERED),
        (Again.THREE_DAYS, timedelta(days=3), Reason.REPLY),
        (Again.ABSENCE, timedelta(days=30), Reason.ALREADY_ANSWERED),
    ],
)
def test_it_answers_the_same_sender_once_per_window(
    again: Again, since: timedelta, reason: Reason
) -> None:
    responder = replace(ALICE_OUT, again=again, ends_at=None)
    assert decide(responder=responder, sent=Sent(last_to_sender=NOW - since)) is reason


def test_an_edited_message_belongs_to_a_new_window() -> None:
    before = should_reply(BOB_TO_ALICE, ALICE_OUT, Sent(), NOW, team_id=TEAM, app_user_id=APP)
    edited = replace(ALICE_OUT, revision=1)
    after = should_reply(BOB_TO_ALICE, edited, Sent(), NOW, team_id=TEAM, app_user_id=APP)
    assert before.window_key != after.window_key


@pytest.mark.parametrize(("sent_last_hour", "reason"), [(29, Reason.REPLY), (30, Reason.HELD_BACK)])
def test_it_holds_back_replies_over_the_hourly_cap(sent_last_hour: int, reason: Reason) -> None:
    assert decide(sent=Sent(last_hour=sent_last_hour)) is reason


@pytest.mark.parametrize(
    ("message", "responder", "reason"),
    [
        (replace(BOB_TO_ALICE, groups=frozenset({"S0ONCALL"})), ONCALL, Reason.REPLY),
        (replace(BOB_TO_ALICE, groups=frozenset({"S0DESIGN"})), ONCALL, Reason.NOT_ADDRESSED),
        (replace(BOB_TO_ALICE, channel="C0SUPPORT"), SUPPORT, Reason.REPLY),
        (
            replace(BOB_TO_ALICE, channel="C0SUPPORT", thread_ts="0.5"),
            SUPPORT,
            Reason.NOT_ADDRESSED,
        ),
        (
            replace(BOB_TO_ALICE, channel="C0SUPPORT", ts="2.0", thread_ts="2.0"),
            SUPPORT,
            Reason.REPLY,
        ),
        (replace(BOB_TO_ALICE, channel="C0SUPPORT", broadcast=True), SUPPORT, Reason.BROADCAST),
        (BOB_TO_ALICE, SUPPORT, Reason.NOT_ADDRESSED),
        # Told apart by what was stored, not by the id's first letter.
        (
            replace(BOB_TO_ALICE, channel="S0ONCALL"),
            replace(ONCALL, target=Target.CHANNEL),
            Reason.REPLY,
        ),
        (
            replace(BOB_TO_ALICE, groups=frozenset({"S0ONCALL"})),
            replace(ONCALL, target=Target.CHANNEL),
            Reason.NOT_ADDRESSED,
        ),
    ],
)
def test_a_shared_responder_answers_its_group_or_channel(
    message: Message, responder: Responding, reason: Reason
) -> None:
    assert decide(message, responder) is reason


@pytest.mark.parametrize(
    ("user_team", "has_external", "reason", "external"),
    [
        (None, False, Reason.REPLY, False),
        (TEAM, False, Reason.REPLY, False),
        ("T0PARTNER", True, Reason.REPLY, True),
        ("T0PARTNER", False, Reason.EXTERNAL_SILENT, True),
    ],
)
def test_senders_from_another_organization_get_the_external_message_or_nothing(
    user_team: str | None, has_external: bool, reason: Reason, external: bool
) -> None:
    message = replace(BOB_TO_ALICE, user_team=user_team)
    responder = replace(ALICE_OUT, has_external_message=has_external)
    decision = should_reply(message, responder, Sent(), NOW, team_id=TEAM, app_user_id=APP)
    assert (decision.reason, decision.external) == (reason, external)


@pytest.mark.parametrize(
    ("reason", "addressed"),
    [
        (Reason.REPLY, True),
        (Reason.ALREADY_ANSWERED, True),
        (Reason.HELD_BACK, True),
        (Reason.EXTERNAL_SILENT, True),
        (Reason.OFF, False),
    ],
)
def test_what_was_addressed_is_kept_even_when_not_answered(reason: Reason, addressed: bool) -> None:
    from bot.core.policy import Decision

    assert Decision(reason).addressed is addressed


@pytest.mark.parametrize(
    ("last", "due"),
    [(None, True), (NOW - timedelta(hours=23), False), (NOW - timedelta(days=1), True)],
)
def test_the_owner_is_nudged_at_most_once_a_day(last: datetime | None, due: bool) -> None:
    assert owner_nudge_due(last, NOW) is due


BOB_DMS_ALICE = Message(channel="D0BOBALICE", ts="2.0", user="UBOB", recipient="UALICE")


def test_a_direct_message_addresses_its_recipient_only() -> None:
    assert decide(BOB_DMS_ALICE) is Reason.REPLY
    assert decide(replace(BOB_DMS_ALICE, recipient="UCAROL")) is Reason.NOT_ADDRESSED
    assert decide(BOB_DMS_ALICE, ONCALL) is Reason.NOT_ADDRESSED
    assert decide(replace(BOB_DMS_ALICE, user="UALICE", recipient="UBOB")) is Reason.OWNER
