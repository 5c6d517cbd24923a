"""Reading message events: mentions, user groups, broadcasts; and neutralizing broadcasts."""

import pytest

from bot.core.mentions import WORD_JOINER, neutralize, read_message


@pytest.mark.parametrize(
    ("text", "mentions", "groups", "broadcast"),
    [
        ("hi <@UALICE>", {"UALICE"}, set(), False),
        ("<@UALICE|alice> and <@W0CAROL>", {"UALICE", "W0CAROL"}, set(), False),
        ("ping <!subteam^S0ONCALL|@oncall>", set(), {"S0ONCALL"}, False),
        ("ping <!subteam^S0ONCALL>", set(), {"S0ONCALL"}, False),
        ("<!here> lunch", set(), set(), True),
        ("<!channel|channel> deploy", set(), set(), True),
        ("<!everyone>", set(), set(), True),
        ("alice, @alice and email@here.com", set(), set(), False),
        ("<#C0GENERAL|general> <!date^1700000000^{date}|today>", set(), set(), False),
    ],
)
def test_it_reads_who_a_message_mentions(
    text: str, mentions: set[str], groups: set[str], broadcast: bool
) -> None:
    message = read_message({"channel": "C0GENERAL", "ts": "1.0", "user": "UBOB", "text": text})
    assert (message.mentions, message.groups, message.broadcast) == (mentions, groups, broadcast)


def test_it_reads_the_sender_place_and_metadata() -> None:
    event = {
        "channel": "C0GENERAL",
        "ts": "2.0",
        "thread_ts": "1.0",
        "user": "UBOB",
        "user_team": "T0PARTNER",
        "bot_profile": {"id": "B0OTHER"},
        "metadata": {"event_type": "ooo_auto_reply", "event_payload": {}},
    }
    message = read_message(event, shared_externally=True)
    assert (message.thread_ts, message.user_team, message.bot_id, message.metadata_type) == (
        "1.0",
        "T0PARTNER",
        "B0OTHER",
        "ooo_auto_reply",
    )
    assert not message.top_level
    assert message.candidates == frozenset()


def test_a_top_level_message_is_a_candidate_for_its_channel() -> None:
    message = read_message(
        {"channel": "C0SUPPORT", "ts": "1.0", "user": "UBOB", "text": "<@UALICE>"}
    )
    assert message.candidates == {"C0SUPPORT", "UALICE"}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<!channel> I'm out", f"@{WORD_JOINER}channel I'm out"),
        ("<!here|here> and <!everyone>", f"@{WORD_JOINER}here and @{WORD_JOINER}everyone"),
        ("ask <!subteam^S0ONCALL|@oncall>", f"ask @{WORD_JOINER}oncall"),
        ("ask <!subteam^S0ONCALL>", f"ask @{WORD_JOINER}group"),
        ("typed @channel and @here", f"typed @{WORD_JOINER}channel and @{WORD_JOINER}here"),
        ("ask <@UCAROL>", "ask <@UCAROL>"),
    ],
)
def test_it_neutralizes_broadcasts_and_group_mentions(text: str, shown: str) -> None:
    assert neutralize(text) == shown


def test_a_senders_team_counts_only_in_a_channel_shared_with_another_organization() -> None:
    event = {"channel": "C0GENERAL", "ts": "1.0", "user": "UBOB", "user_team": "T0OTHER"}
    assert read_message(event).user_team is None
    assert read_message(event, shared_externally=True).user_team == "T0OTHER"


def test_a_direct_message_is_a_candidate_for_its_recipient_alone() -> None:
    event = {"channel": "D0BOBALICE", "ts": "1.0", "user": "UBOB", "text": "ask <@UCAROL> <!here>"}
    message = read_message(event, recipient="UALICE")
    assert message.direct and message.candidates == {"UALICE"}
    # Naming someone, a group or everyone in a DM notifies nobody else.
    assert (message.mentions, message.broadcast) == (frozenset(), False)
    assert not read_message(event).direct
