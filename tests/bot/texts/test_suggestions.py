"""The suggested message names the return day as the owner's locale writes it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateRange
from bot.texts import speaking
from bot.texts.suggestions import suggested_message

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("end", "locale", "day"),
    [
        (datetime(2026, 12, 16, tzinfo=PARIS), "en-US", "back on Wednesday, December 16, 2026."),
        (
            datetime(2026, 12, 16, 14, tzinfo=PARIS),
            "en-US",
            "Wednesday, December 16, 2026 at 2:00\u202fPM",
        ),
        (datetime(2026, 12, 16, tzinfo=PARIS), "fr-FR", "mercredi 16 décembre 2026"),
        (datetime(2026, 12, 16, tzinfo=PARIS), "ja-JP", "2026年12月16日水曜日"),
    ],
)
def test_it_suggests_a_message_naming_the_return_day(end: datetime, locale: str, day: str) -> None:
    with speaking(locale):
        assert day in suggested_message(DateRange(datetime(2026, 11, 30, tzinfo=PARIS), end))


def test_it_names_no_day_without_an_end() -> None:
    assert suggested_message(None) == "I'm out of office and will answer when I'm back."
