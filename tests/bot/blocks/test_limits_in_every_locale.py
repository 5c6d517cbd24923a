"""Every builder keeps Slack's limits in every language ooo speaks: the longest translation of
each title, button, option and header, and days written the longest way each locale writes them.

It reads whichever catalogs the repository holds (a locale without one is drawn in English, its
days still written by CLDR), so each new translation is checked here as soon as it lands.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.blocks.dialogs import (
    busy_modal,
    confirm_modal,
    deleted_message,
    ended_message,
    help_blocks,
    not_found_modal,
    saved_message,
    superseded_message,
)
from bot.blocks.home import home_view
from bot.blocks.missed_digest import digest_message as missed_digest
from bot.blocks.replies import (
    FILLED_MAX,
    back_at,
    backup_note,
    forward_message,
    nudge_message,
    reply_message,
)
from bot.blocks.responder_form import Form, Meta
from bot.blocks.responder_list import list_message
from bot.blocks.responder_modal import build_modal
from bot.blocks.team_digest import digest_message as team_digest
from bot.blocks.team_digest_form import digest_form
from bot.blocks.team_view import home_team_blocks, team_help, team_message
from bot.blocks.transitions import extended_message, on_message, reminder_message
from bot.core.dates import DateError, DateRange
from bot.core.leave_types import BUILTINS, MAX_LABEL, add
from bot.core.responder import MESSAGE_MAX, Kind
from bot.core.responder_value import Responder
from bot.core.status import STATUS_MAX
from bot.core.team import Absence, Overview, Window, overview
from bot.status.wording import status_text
from bot.texts import speaking
from bot.texts.date_refusals import refusal
from bot.texts.previews import describe_range
from storage.models import Mention
from tests.bot.blocks.test_limits import PLACE, responder
from tests.support.catalogs import READERS
from tests.support.fake_slack_blocks import check_blocks, check_view

NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)
# The longest names Slack allows (80 characters), escaped at their longest.
NAME = "&" * 80
# Wednesday 27 September 2028: long month and weekday names in many languages.
LONG_END = datetime(2028, 9, 27, 23, tzinfo=UTC)
TEAM = [f"U{n:04}" for n in range(60)]


def _alice(kind: Kind = Kind.PERSONAL) -> Responder:
    """Alice's responder with the longest message, ending on a long day; or her group's."""
    return replace(responder("&" * MESSAGE_MAX, "#" + NAME, kind), ends_at=LONG_END)


def _many() -> list[Responder]:
    """Forty responders, hers and her group's, as a long list shows them."""
    return [replace(_alice(kind), id=n) for n, kind in enumerate([*Kind] * 20, start=1)]


def _team_view() -> Overview:
    """Sixty people, most away at once across a month, each with a backup."""
    window = Window(date(2028, 9, 1), 30, "Pacific/Kiritimati")
    absences = [
        Absence(p, NOW + timedelta(days=n % 20), LONG_END, "Pacific/Kiritimati", backup="UCAROL")
        for n, p in enumerate(TEAM[:45])
    ]
    return overview(absences, team=TEAM, window=window, now=NOW, coverage=10)


def _messages() -> list[tuple[str, list[dict[str, Any]]]]:
    """Every message and DM a person reads."""
    alice, group = _alice(), _alice(Kind.SHARED)
    view = _team_view()
    mentions = [
        Mention(
            team_id="T0001",
            responder_id=1,
            sender_id=f"U{n % 30:04}",
            channel_id="C0GENERAL",
            message_ts=f"{n}.0",
            outcome="replied",
            window_key="k",
            at=NOW,
            permalink="https://example.slack.com/archives/C0GENERAL/p1",
        )
        for n in range(200)
    ]
    names = dict.fromkeys(TEAM, NAME)
    return [
        reply_message(
            group, back=group.ends_at, place=PLACE, external=False, names={"UALICE": NAME}
        ),
        nudge_message(alice, back=alice.ends_at),
        saved_message(group, back=NOW, updated=True),
        deleted_message(group, back=NOW, by="UCAROL"),
        superseded_message(group),
        ended_message(group),
        on_message(alice, back=alice.ends_at, due_since=NOW, applied_at=NOW + timedelta(hours=5)),
        reminder_message(alice, back=NOW),
        extended_message(group, back=group.ends_at),
        list_message(_many(), now=NOW, backs={}),
        missed_digest(alice, mentions, replied=10**6, held=10**6),
        team_digest("@" + NAME, view, coverage=10, names=names),
        team_message("#" + NAME, "#" + NAME, view, coverage=10, page=0, state={}),
        ("help", help_blocks()),
        ("team help", team_help("x" * 200)),
        ("my team", home_team_blocks("@" + NAME, view, coverage=10)),
    ]


def _modals() -> list[dict[str, Any]]:
    """Every modal, the form showing a preview and then a refusal of the longest phrase."""
    alice = _alice(Kind.SHARED)
    window = DateRange(NOW, LONG_END)
    typed = "&" * 60
    refused = refusal(DateError("unused", text=typed, part=typed))
    modals = [
        confirm_modal(alice, back=NOW, verb="end", origin=None),
        confirm_modal(alice, back=NOW, verb="delete", origin=None),
        not_found_modal(),
        busy_modal(),
        digest_form(target_id="S0DESIGN", target_label="@" + NAME),
    ]
    for preview in (describe_range(window, "Pacific/Kiritimati"), refused):
        form = Form(kind=Kind.SHARED, target_id="C0DESIGN", target_label="#" + NAME, when=typed)
        meta = Meta("Pacific/Kiritimati", "en-US", 2**31 - 1, 7, applied=typed, preview=preview)
        modals.append(build_modal(form, meta, BUILTINS))
    # One's own absence offers every type, a workspace's own with the longest label among them.
    types = add(BUILTINS, "&" * MAX_LABEL, ":palm_tree:")
    personal = Form(when=typed, leave_type=types[-1].key, hide_reason=True)
    modals.append(build_modal(personal, Meta("Pacific/Kiritimati", "en-US", 2**31 - 1, 7), types))
    return modals


@pytest.mark.parametrize("locale", READERS)
def test_every_message_fits_slack_in_every_language(locale: str) -> None:
    with speaking(locale):
        drawn = _messages()
        notes = [
            forward_message(_alice(), sender="UBOB", channel="C0G", permalink="https://x", at=NOW),
            backup_note(_alice(), back=NOW, sender="UBOB", channel="C0G", permalink="https://x"),
        ]
    problems = {text[:40]: check_blocks(blocks, max_blocks=50) for text, blocks in drawn}
    assert {k: v for k, v in problems.items() if v} == {}
    assert all(len(note) <= 3000 for note in notes)


@pytest.mark.parametrize("locale", READERS)
def test_every_modal_and_the_home_tab_fit_slack_in_every_language(locale: str) -> None:
    with speaking(locale):
        views = _modals()
        home = home_view(_many(), now=NOW, problems=["x" * 500])
    assert [check_view(view) for view in views] == [[]] * len(views)
    assert check_blocks(home["blocks"], max_blocks=100) == []


@pytest.mark.parametrize("locale", READERS)
def test_a_return_date_grows_no_more_than_a_message_allows_for(locale: str) -> None:
    # Every day of a year: the fallback's weekday and month are as long as they get.
    with speaking(locale):
        longest = max(
            len(back_at(LONG_END + timedelta(days=n), zone))
            for n in range(366)
            for zone in ("America/St_Johns", "Asia/Kolkata", "UTC")
        )
    assert longest <= FILLED_MAX["{return_date}"]


@pytest.mark.parametrize("locale", READERS)
def test_the_status_fits_slack_in_every_language(locale: str) -> None:
    # Every day of a year, long and short month and weekday names alike.
    days = [LONG_END + timedelta(days=n) for n in range(366)]
    assert max(len(status_text(d, tz="Pacific/Kiritimati", locale=locale)) for d in days) <= (
        STATUS_MAX
    )
