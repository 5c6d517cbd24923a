"""Every builder keeps Slack's Block Kit limits for the longest, most escape-heavy input the form
takes, checked by the fake Slack's own rules; a message the form accepts is shown whole."""

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.blocks.dialogs import deleted_message, saved_message, superseded_message
from bot.blocks.replies import filled_size, nudge_message, render, reply_message
from bot.blocks.responder_form import Form, Meta
from bot.blocks.responder_list import list_message
from bot.blocks.responder_modal import build_modal
from bot.blocks.transitions import on_message, reminder_message
from bot.core.dates import PHRASE_MAX
from bot.core.leave_types import BUILTINS
from bot.core.responder import MESSAGE_MAX, Kind, Target
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from tests.support.fake_slack_blocks import check_blocks, check_view

NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)
# What grows most once escaped or filled in, and what Slack reads as markup or a ping.
PIECES = ["&", "<", ">", "{name}", "{return_date}", "{backup}", "<!here>", "@channel", "🌴", "\n"]
messages = st.lists(st.sampled_from([*PIECES, "a"]), max_size=MESSAGE_MAX).map(
    lambda pieces: "".join(pieces)[:MESSAGE_MAX]
)
# Slack allows 80 characters in a display name or a channel name, any of them escapable.
names = st.text(alphabet="&<>a🌴*", min_size=1, max_size=80)
labels = st.one_of(names.map(lambda n: f"#{n}"), names.map(lambda n: f"@{n}"))
PLACE = {"channel": "C0GENERAL", "ts": "1796680162.610091"}


def responder(message: str, label: str, kind: Kind) -> Responder:
    """Alice's responder (or one for a group or channel) with Carol as her backup."""
    shared = kind is Kind.SHARED
    return Responder(
        id=2**31 - 1,
        workspace=Workspace("T0001", None),
        owner_id="UALICE",
        kind=kind,
        target_id=("C0DESIGN" if label.startswith("#") else "S0DESIGN") if shared else None,
        target_label=label if shared else None,
        target_kind=(Target.CHANNEL if label.startswith("#") else Target.USERGROUP)
        if shared
        else None,
        starts_at=NOW,
        ends_at=datetime(2036, 12, 31, 23, tzinfo=UTC),
        tz="Pacific/Kiritimati",
        message=message,
        external_message=message,
        backup_id="UCAROL",
        created_at=NOW,
        updated_at=NOW,
    )


def problems_of(blocks: list[dict[str, Any]]) -> list[str]:
    """What Slack would refuse in a message's blocks."""
    return check_blocks(blocks, max_blocks=50)


@settings(max_examples=60, deadline=None)
@given(message=messages, label=labels, name=names, kind=st.sampled_from(Kind), external=...)
@example("&" * MESSAGE_MAX, "#" + "&" * 80, "&" * 80, Kind.PERSONAL, False)
@example("{return_date}" * 230, "@" + "<" * 80, "<" * 80, Kind.SHARED, True)
def test_every_reply_fits_slack_and_an_accepted_message_is_shown_whole(
    message: str, label: str, name: str, kind: Kind, external: bool
) -> None:
    alice = responder(message, label, kind)
    people = {"UALICE": name, "UCAROL": name}
    text, blocks = reply_message(
        alice, back=alice.ends_at, place=PLACE, external=external, names=people
    )
    assert problems_of(blocks) == []
    assert len(text) <= 40_000
    if filled_size(message) <= MESSAGE_MAX:
        assert blocks[1]["text"]["text"] == render(message, alice, alice.ends_at)
    drawn = [
        nudge_message(alice, back=alice.ends_at),
        saved_message(alice, back=NOW, updated=True),
        deleted_message(alice, back=NOW, by="UCAROL"),
        superseded_message(alice),
        on_message(alice, back=alice.ends_at, due_since=NOW, applied_at=NOW),
        reminder_message(alice, back=NOW),
        list_message([replace(alice, id=n) for n in range(1, 61)], now=NOW, backs={}),
    ]
    assert [problems_of(blocks) for _text, blocks in drawn] == [[]] * len(drawn)


@settings(max_examples=40, deadline=None)
@given(message=messages, label=labels, when=st.text(alphabet="&<>a🌴", max_size=4 * PHRASE_MAX))
@example("&" * MESSAGE_MAX, "#" + "a" * 80, "&" * (4 * PHRASE_MAX))
def test_the_form_fits_slack_whatever_it_shows(message: str, label: str, when: str) -> None:
    form = Form(
        kind=Kind.SHARED,
        target_id="C0DESIGN",
        target_label=label,
        when=when,
        start_date=date(2036, 12, 31),
        end_date=date(2036, 12, 31),
        message=message,
        external_message=message,
        announce_in=("C1", "C2", "C3"),
    )
    meta = Meta("Pacific/Kiritimati", "en-US", 2**31 - 1, 7, applied=when, preview=when * 3)
    assert check_view(build_modal(form, meta, BUILTINS)) == []
