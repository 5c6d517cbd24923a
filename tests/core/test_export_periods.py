"""Periods an export reads: over already, quarters and years, and what no export covers."""

from datetime import UTC, date, datetime

import pytest

from bot.core.dates import DateError, parse_range
from bot.core.exports import Period, PeriodRefused, period_from_text
from bot.core.report_periods import period_words

# Friday 27 November 2026, noon in Paris.
NOW = datetime(2026, 11, 27, 11, tzinfo=UTC)


def read(words: str, locale: str = "en-GB") -> Period:
    return period_from_text(words, now=NOW, tz="Europe/Paris", locale=locale)


@pytest.mark.parametrize(
    ("locale", "words", "first", "last"),
    [
        ("en-GB", "last month", date(2026, 10, 1), date(2026, 10, 31)),
        ("en-GB", "from 1 October to 31 October", date(2026, 10, 1), date(2026, 10, 31)),
        ("fr-FR", "du 1er au 31 mars", date(2027, 3, 1), date(2027, 3, 31)),
        ("en-US", "this month", date(2026, 11, 1), date(2026, 11, 30)),
        ("ja-JP", "今月", date(2026, 11, 1), date(2026, 11, 30)),
        ("en-GB", "last quarter", date(2026, 7, 1), date(2026, 9, 30)),
        ("pt-BR", "próximo trimestre", date(2027, 1, 1), date(2027, 3, 31)),
        ("fr-FR", "l\u2019année dernière", date(2025, 1, 1), date(2025, 12, 31)),
        ("ko-KR", "2027년", date(2027, 1, 1), date(2027, 12, 31)),
        ("en-US", "the whole year 2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_it_reads_the_periods_reports_ask_for(
    locale: str, words: str, first: date, last: date
) -> None:
    assert read(words, locale) == Period(first, last)


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("from 1 January 2026 to 1 January 2037", "too_long"),
        ("from 1 January 9999 to 31 December 9999", "off_calendar"),
        ("9999", "off_calendar"),
    ],
)
def test_it_refuses_what_no_export_covers(words: str, key: str) -> None:
    with pytest.raises(PeriodRefused) as refused:
        read(words)
    assert refused.value.key == key


def test_responders_still_refuse_the_past_and_start_this_month_today() -> None:
    with pytest.raises(DateError) as error:
        parse_range("last month", now=NOW, tz="Europe/Paris", locale="en-GB")
    assert error.value.key == "past"
    found = parse_range("this month", now=NOW, tz="Europe/Paris", locale="en-GB")
    assert found.start.date() == date(2026, 11, 27)


@pytest.mark.parametrize("words", ["next month", "quarterly", "20277", "the year"])
def test_other_words_are_left_to_the_date_reader(words: str) -> None:
    assert period_words(words, today=date(2026, 11, 27), locale="en-US") is None
