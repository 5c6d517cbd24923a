"""The team builders only draw: lines for who is out, and sections packed within limits."""

from datetime import UTC, datetime

from bot.blocks.team_view import TEXT_MAX, out_next_line, out_now_line, packed
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
