"""A part of a date that the reading did not use is a refusal naming it, never a silent drop."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateError, DateRange, parse_range
from bot.core.dates.agreement import check
from bot.core.dates.languages import VOCABS
from bot.core.dates.prepare import prepare
from tests.core.date_case import NOW

PARIS = ZoneInfo("Europe/Paris")


def _range(start: str, end: str) -> DateRange:
    return DateRange(
        datetime.fromisoformat(start).replace(tzinfo=PARIS),
        datetime.fromisoformat(end).replace(tzinfo=PARIS),
    )


def test_it_refuses_a_reason_that_would_swallow_a_date_word_naming_it() -> None:
    careless = replace(VOCABS["en"], reasons=("day off tomorrow",))
    with pytest.raises(DateError) as caught:
        prepare("day off tomorrow until friday", careless)
    assert (caught.value.key, caught.value.params["part"]) == ("unused", "tomorrow")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("dec 20 2027", "2027"),  # Alice's range is in 2026: the year said is not in it
        ("march 3", "march"),
        ("dec 20 14:00", "14:00"),
        ("friday dec 20", "friday"),  # 20 December 2026 is a Sunday
    ],
)
def test_it_refuses_a_range_that_disagrees_with_a_part_said_naming_it(text: str, part: str) -> None:
    with pytest.raises(DateError) as caught:
        check(text, VOCABS["en"], _range("2026-12-20T00:00", "2026-12-21T00:00"), PARIS)
    assert (caught.value.key, caught.value.params["part"]) == ("unused", part)


def test_it_accepts_a_range_that_holds_every_part_said() -> None:
    found = _range("2026-12-20T14:00", "2027-01-04T00:00")
    check("dec 20 2026 14:00 - jan 3 2027", VOCABS["en"], found, PARIS)


def test_it_takes_a_weekday_counted_from_as_said() -> None:
    check(
        "2 days after friday", VOCABS["en"], _range("2026-12-20T00:00", "2026-12-21T00:00"), PARIS
    )


def test_it_does_not_let_dateparser_read_past_a_number() -> None:
    # Before: read as tomorrow alone, both "12/24" and "2027" silently dropped.
    with pytest.raises(DateError) as caught:
        parse_range("12/24 - tomorrow 2027", now=datetime.fromisoformat(NOW), tz="Europe/Paris")
    assert caught.value.key == "unread"
