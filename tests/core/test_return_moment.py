"""The moment said as "back …": the end itself on a working day, else the next one's start."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.holiday_regions import parse_region
from bot.core.return_day import return_moment
from bot.core.working_days import Schedule


def at(tz: str, *fields: int) -> datetime:
    return datetime(*fields, tzinfo=ZoneInfo(tz))  # type: ignore[misc]


@pytest.mark.parametrize(
    ("tz", "region", "end", "back"),
    [
        # César Chávez Day, Wednesday 31 March 2027, is California's, not the country's.
        ("America/Los_Angeles", "US-CA", (2027, 3, 31), (2027, 4, 1)),
        ("America/New_York", "US", (2027, 3, 31), (2027, 3, 31)),
        # Golden Week: out to Friday 30 April 2027, back after Constitution, Greenery and
        # Children's Days (3 to 5 May).
        ("Asia/Tokyo", "JP", (2027, 5, 1), (2027, 5, 6)),
        # Out to Tuesday 13 July 2027: Bastille Day keeps a French worker away one more day.
        ("Europe/Paris", "FR", (2027, 7, 14), (2027, 7, 15)),
        # Back at 13:00 on a working day: that moment, not a day later.
        ("Europe/Paris", "FR", (2027, 7, 13, 13), (2027, 7, 13, 13)),
        # Back at 13:00 on a holiday: the next working day's start.
        ("Asia/Tokyo", "JP", (2027, 5, 3, 13), (2027, 5, 6)),
    ],
)
def test_it_says_the_moment_a_person_is_back_where_they_live(
    tz: str, region: str, end: tuple[int, ...], back: tuple[int, ...]
) -> None:
    schedule = Schedule(region=parse_region(region))
    assert return_moment(at(tz, *end), tz, schedule) == at(tz, *back)


def test_it_skips_a_sunday_to_thursday_workers_weekend() -> None:
    schedule = Schedule(frozenset({6, 0, 1, 2, 3}))
    end = at("Asia/Jerusalem", 2026, 12, 4)  # out to Thursday 3 December
    assert return_moment(end, "Asia/Jerusalem", schedule) == at("Asia/Jerusalem", 2026, 12, 6)
