"""Every date example ooo shows, in `/ooo help` and with each refusal, is one its date reader reads
in the reader's own language: checked for every catalog the repository holds."""

from datetime import UTC, datetime

import pytest

from bot.blocks.dialogs import help_blocks
from bot.core.dates import parse_range
from bot.texts import date_examples, speaking
from tests.support.catalogs import READERS

# A Thursday late in November, and a Tuesday near the end of January (the 15th already past).
NOWS = [datetime(2025, 11, 27, 10, 30, tzinfo=UTC), datetime(2026, 1, 20, 8, tzinfo=UTC)]


@pytest.mark.parametrize("locale", READERS)
def test_every_example_reads_as_dates_in_its_language(locale: str) -> None:
    with speaking(locale):
        phrases = date_examples.every_phrase()
    assert len(phrases) == 5
    for now in NOWS:
        for phrase in phrases:
            found = parse_range(phrase, now=now, tz="Europe/Paris", locale=locale)
            assert found.start >= now.astimezone(found.start.tzinfo).replace(hour=0, minute=0)


@pytest.mark.parametrize("locale", READERS)
def test_help_shows_the_examples_as_commands_in_the_readers_language(locale: str) -> None:
    with speaking(locale):
        commands = date_examples.commands()
        shown = help_blocks()[0]["text"]["text"]
    assert all(c.startswith(date_examples.COMMAND) for c in commands)
    assert all(f"`{command}`" in shown for command in commands), shown


def test_it_warms_up_with_every_locales_examples() -> None:
    samples = date_examples.by_locale()
    assert samples["en-US"] == ("Dec 20 to Jan 3", "back on Monday")
    assert len(samples) == 12
