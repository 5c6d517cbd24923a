"""Working weeks and working days: stored forms, weekdays off, holidays, the days around them."""

from datetime import date

import pytest

from bot.core.holiday_regions import parse_region
from bot.core.working_days import (
    DEFAULT_WEEK,
    Schedule,
    WeekCode,
    WeekError,
    format_week,
    holiday_on,
    is_working_day,
    last_working_day,
    next_working_day,
    parse_week,
    read_week,
    working_days,
)

MON_TO_THU = frozenset({0, 1, 2, 3})
SUN_TO_THU = frozenset({6, 0, 1, 2, 3})
# Alice works Monday to Thursday in Bavaria; Bob Sunday to Thursday in Israel.
ALICE = Schedule(MON_TO_THU, parse_region("DE-BY"))
BOB = Schedule(SUN_TO_THU, parse_region("IL"))
CAROL = Schedule(region=parse_region("GB-SCT"))


@pytest.mark.parametrize(
    ("stored", "week"),
    [
        ("mon,tue,wed,thu,fri", DEFAULT_WEEK),
        ("mon,tue,wed,thu", MON_TO_THU),
        ("sun,mon,tue,wed,thu", SUN_TO_THU),
        (" Thu , MON,tue,wed ", MON_TO_THU),
        ("mon,mon,tue,wed,thu,", MON_TO_THU),
        ("sat", frozenset({5})),
    ],
)
def test_it_reads_a_stored_working_week(stored: str, week: frozenset[int]) -> None:
    assert parse_week(stored) == week


@pytest.mark.parametrize(
    ("week", "stored"),
    [
        (DEFAULT_WEEK, "mon,tue,wed,thu,fri"),
        (SUN_TO_THU, "mon,tue,wed,thu,sun"),
        (frozenset({4, 2}), "wed,fri"),
    ],
)
def test_it_stores_a_week_monday_first_and_reads_it_back(week: frozenset[int], stored: str) -> None:
    assert format_week(week) == stored
    assert parse_week(stored) == week


@pytest.mark.parametrize(
    ("stored", "code", "params"),
    [
        ("", WeekCode.EMPTY, {}),
        (" , ", WeekCode.EMPTY, {}),
        ("mon,friday", WeekCode.UNKNOWN_DAY, {"day": "friday"}),
        ("lun,mar", WeekCode.UNKNOWN_DAY, {"day": "lun"}),
    ],
)
def test_it_refuses_a_week_it_cannot_read(
    stored: str, code: WeekCode, params: dict[str, str]
) -> None:
    with pytest.raises(WeekError) as refused:
        parse_week(stored)
    assert (refused.value.code, refused.value.params) == (code, params)


@pytest.mark.parametrize(
    ("week", "code"), [(frozenset(), WeekCode.EMPTY), (frozenset({7}), WeekCode.UNKNOWN_DAY)]
)
def test_it_refuses_a_schedule_without_a_working_day(week: frozenset[int], code: WeekCode) -> None:
    with pytest.raises(WeekError) as refused:
        Schedule(week)
    assert refused.value.code is code


@pytest.mark.parametrize(
    ("schedule", "day", "working"),
    [
        (Schedule(), date(2026, 1, 9), True),  # a Friday, no region
        (Schedule(), date(2026, 1, 10), False),  # a Saturday
        (ALICE, date(2026, 1, 8), True),  # Thursday
        (ALICE, date(2026, 1, 9), False),  # Alice does not work Fridays
        (ALICE, date(2026, 1, 6), False),  # Epiphany, a Tuesday, in Bavaria
        (Schedule(region=parse_region("DE-BE")), date(2026, 1, 6), True),
        (BOB, date(2026, 1, 11), True),  # Bob works Sundays
        (BOB, date(2026, 1, 9), False),
        (BOB, date(2026, 4, 2), False),  # Pesach, a Thursday
        (CAROL, date(2026, 1, 2), False),  # 2 January in Scotland
        (Schedule(region=parse_region("GB-ENG")), date(2026, 1, 2), True),
    ],
)
def test_it_says_whether_a_person_works_on_a_day(
    schedule: Schedule, day: date, working: bool
) -> None:
    assert is_working_day(day, schedule) is working


@pytest.mark.parametrize(
    ("schedule", "day", "after", "before"),
    [
        (Schedule(), date(2026, 1, 7), date(2026, 1, 7), date(2026, 1, 7)),
        (Schedule(), date(2026, 1, 10), date(2026, 1, 12), date(2026, 1, 9)),
        (ALICE, date(2026, 1, 9), date(2026, 1, 12), date(2026, 1, 8)),
        (ALICE, date(2026, 1, 6), date(2026, 1, 7), date(2026, 1, 5)),
        (BOB, date(2026, 1, 9), date(2026, 1, 11), date(2026, 1, 8)),
        # Scotland: New Year's Day and 2 January, then the weekend.
        (CAROL, date(2026, 1, 1), date(2026, 1, 5), date(2025, 12, 31)),
        # Christmas in Bavaria: St Stephen's Day and the weekend after it, Christmas Eve before.
        (ALICE, date(2025, 12, 25), date(2025, 12, 29), date(2025, 12, 24)),
    ],
)
def test_it_finds_the_working_days_on_either_side(
    schedule: Schedule, day: date, after: date, before: date
) -> None:
    assert next_working_day(day, schedule) == after
    assert last_working_day(day, schedule) == before


def test_it_lists_the_working_days_between_two_dates_across_new_year() -> None:
    days = working_days(date(2025, 12, 22), date(2026, 1, 10), Schedule(region=ALICE.region))
    assert days == [
        date(2025, 12, 22),
        date(2025, 12, 23),
        date(2025, 12, 24),
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 2),
        date(2026, 1, 5),
        date(2026, 1, 7),
        date(2026, 1, 8),
        date(2026, 1, 9),
    ]
    assert working_days(date(2026, 1, 10), date(2026, 1, 1), Schedule()) == []


def test_it_names_the_holiday_that_makes_a_day_off() -> None:
    assert holiday_on(date(2026, 1, 6), ALICE, "de") == "Heilige Drei Könige"
    assert holiday_on(date(2026, 1, 7), ALICE, "de") is None
    assert holiday_on(date(2026, 1, 6), Schedule(), "de") is None


@pytest.mark.parametrize(
    "typed",
    [
        "mon-thu",
        "Mon - Thu",
        "mon\u00a0-\u00a0thu",
        "mon -thu",
        "mon\u2013thu",
        "mon\u2014thu",
        "mon~thu",
        "mon\u301cthu",
        "mon\uff5ethu",
        "\uff4d\uff4f\uff4e\uff0d\uff54\uff48\uff55",
        "monday - thursday",
        "mon, tue, wed, thu",
        "mon tue wed-thu",
    ],
)
def test_it_reads_a_range_however_it_is_dashed_or_spaced(typed: str) -> None:
    assert read_week(typed) == MON_TO_THU


def test_it_reads_names_it_is_given_whole_even_with_a_dash_inside() -> None:
    portuguese = {"segunda-feira": 0, "seg": 0, "quinta-feira": 3, "qui": 3}
    assert read_week("Segunda-feira - quinta-feira", portuguese) == MON_TO_THU
    assert read_week("seg.-qui.", portuguese) == MON_TO_THU


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("mondays", "mondays"),
        ("mon-", "mon-"),
        ("-thu", "-thu"),
        ("mon--thu", "mon--thu"),
        ("lun-jeu", "lun"),
    ],
)
def test_it_refuses_a_week_typed_half_or_in_a_language_not_given(typed: str, day: str) -> None:
    with pytest.raises(WeekError) as refused:
        read_week(typed)
    assert (refused.value.code, refused.value.params) == (WeekCode.UNKNOWN_DAY, {"day": day})
