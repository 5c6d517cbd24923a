"""The team builders only draw: lines for who is out, and sections packed within limits."""

import json
from datetime import UTC, datetime

import pytest

from bot.blocks.team_view import TEXT_MAX, out_next_line, out_now_line, packed, read_state
from bot.core.team import Away

START = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)
BACK = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)


def test_it_names_who_to_contact_instead_when_there_is_someone() -> None:
    alice = Away("UALICE", START, BACK, "Europe/Paris", backup="UCAROL")
    assert out_now_line(alice).endswith(" · contact <@UCAROL> instead")
    assert "contact" not in out_now_line(Away("UBOB", START, BACK, "Europe/Paris", None))


def test_it_says_until_further_notice_without_an_end() -> None:
    bob = Away("UBOB", START, None, "Europe/Paris", None)
    assert out_now_line(bob) == "• <@UBOB> · until further notice"
    assert out_next_line(bob).endswith(", until further notice")


def test_it_packs_lines_into_sections_slack_accepts() -> None:
    lines = [
        f"• <@U{n:05d}> · back soon, with a few more words to make it long" for n in range(200)
    ]
    blocks = packed("Out now", lines)
    assert len(blocks) > 1
    assert all(len(b["text"]["text"]) <= TEXT_MAX for b in blocks)
    assert "\n".join(b["text"]["text"] for b in blocks).split("\n")[1:] == lines


STATE = {"t": "S0ONCALL", "l": "@oncall", "f": "2026-12-07", "d": 14, "z": "Europe/Paris"}


def test_it_reads_back_the_page_a_show_more_button_asks_for() -> None:
    shown = read_state(json.dumps(STATE | {"c": 50, "s": True, "page": 2}))
    assert shown is not None
    assert (shown.target_id, shown.window.days, shown.window.tz) == ("S0ONCALL", 14, "Europe/Paris")
    assert (shown.coverage, shown.page, shown.saved) == (50, 2, True)


@pytest.mark.parametrize(
    "forged",
    [
        {"page": 1},
        STATE | {"f": "x", "c": 50, "page": 1},
        STATE | {"c": "x", "page": 1},
        STATE | {"z": "Mars/Olympus", "c": 50, "page": 1},
        STATE | {"d": 0, "c": 50, "page": 1},
        STATE | {"c": 50, "page": True},
        STATE | {"c": 50, "page": -1},
        STATE | {"t": 5, "c": 50, "page": 1},
    ],
)
def test_it_refuses_a_show_more_value_it_did_not_write(forged: dict[str, object]) -> None:
    assert read_state(json.dumps(forged)) is None
