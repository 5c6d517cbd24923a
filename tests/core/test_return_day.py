"""The return day, the reminder day and the working days an absence takes, in each person's zone."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.holiday_regions import parse_region
from bot.core.return_day import absence_working_days, local_days, reminder_day, return_day
from bot.core.working_days import Schedule

BERLIN, SYDNEY, LONDON, JERUSALEM = (
    "Europe/Berlin",
    "Australia/Sydney",
    "Europe/London",
    "Asia/Jerusalem",
)
BAVARIA = Schedule(region=parse_region("DE-BY"))
NSW = Schedule(region=parse_region("AU-NSW"))
ENGLAND = Schedule(region=parse_region("GB-ENG"))
# Alice works Monday to Thursday in Bavaria; Bob Sunday to Thursday in Israel.
ALICE = Schedule(frozenset({0, 1, 2, 3}), parse_region("DE-BY"))
BOB = Schedule(frozenset({6, 0, 1, 2, 3}), parse_region("IL"))


def days_off(first: date, last: date, tz: str) -> tuple[datetime, datetime]:
    """An absence from 00:00 on `first` to 00:00 after `last`, in `tz`, as the app stores it."""
    zone = ZoneInfo(tz)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(last + timedelta(1), time(0), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


@pytest.mark.parametrize(
    ("schedule", "tz", "first", "last", "back"),
    [
        # Across New Year in both hemispheres: back on the first Monday.
        (BAVARIA, BERLIN, date(2025, 12, 29), date(2026, 1, 2), date(2026, 1, 5)),
        (NSW, SYDNEY, date(2025, 12, 29), date(2026, 1, 2), date(2026, 1, 5)),
        (NSW, SYDNEY, date(2026, 12, 21), date(2027, 1, 1), date(2027, 1, 4)),
        # Christmas and St Stephen's Day, then the weekend.
        (BAVARIA, BERLIN, date(2025, 12, 22), date(2025, 12, 24), date(2025, 12, 29)),
        # Easter's long weekend in England: Good Friday to Easter Monday.
        (ENGLAND, LONDON, date(2026, 3, 30), date(2026, 4, 2), date(2026, 4, 7)),
        # Alice does not work Fridays; Bob works Sundays.
        (ALICE, BERLIN, date(2026, 1, 12), date(2026, 1, 15), date(2026, 1, 19)),
        (BOB, JERUSALEM, date(2026, 1, 8), date(2026, 1, 8), date(2026, 1, 11)),
        (BAVARIA, BERLIN, date(2026, 1, 12), date(2026, 1, 14), date(2026, 1, 15)),
    ],
)
def test_it_says_the_first_working_day_after_the_absence(
    schedule: Schedule, tz: str, first: date, last: date, back: date
) -> None:
    _, end = days_off(first, last, tz)
    assert return_day(end, tz, schedule) == back


def test_it_reads_the_end_in_the_persons_own_zone() -> None:
    end = datetime(2026, 1, 2, 22, 0, tzinfo=UTC)  # Friday 23:00 in Berlin, Saturday in Sydney
    assert return_day(end, BERLIN, BAVARIA) == date(2026, 1, 2)
    assert return_day(end, SYDNEY, NSW) == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("schedule", "tz", "first", "last", "reminded"),
    [
        (BAVARIA, BERLIN, date(2025, 12, 29), date(2026, 1, 2), date(2026, 1, 2)),
        (NSW, SYDNEY, date(2026, 12, 21), date(2027, 1, 1), date(2026, 12, 31)),
        # The absence's last day is Good Friday: reminded on the Thursday.
        (ENGLAND, LONDON, date(2026, 3, 30), date(2026, 4, 3), date(2026, 4, 2)),
        # Friday is not Alice's working day, Thursday is Bob's last.
        (ALICE, BERLIN, date(2026, 1, 12), date(2026, 1, 16), date(2026, 1, 15)),
        (BOB, JERUSALEM, date(2026, 1, 4), date(2026, 1, 9), date(2026, 1, 8)),
        # A weekend away has no working day: reminded on its last day, as before.
        (BAVARIA, BERLIN, date(2026, 1, 10), date(2026, 1, 11), date(2026, 1, 11)),
    ],
)
def test_it_reminds_on_the_absences_last_working_day(
    schedule: Schedule, tz: str, first: date, last: date, reminded: date
) -> None:
    start, end = days_off(first, last, tz)
    assert reminder_day(start, end, tz, schedule) == reminded


def test_it_reminds_the_day_before_an_end_in_the_middle_of_a_day() -> None:
    start = datetime(2026, 1, 12, 0, 0, tzinfo=ZoneInfo(BERLIN))
    end = datetime(2026, 1, 16, 13, 0, tzinfo=ZoneInfo(BERLIN))  # back Friday afternoon
    assert reminder_day(start, end, BERLIN, BAVARIA) == date(2026, 1, 15)
    assert return_day(end, BERLIN, BAVARIA) == date(2026, 1, 16)


def test_it_has_no_reminder_day_for_a_few_hours_off() -> None:
    start = datetime(2026, 1, 16, 10, 0, tzinfo=ZoneInfo(BERLIN))
    end = datetime(2026, 1, 16, 13, 0, tzinfo=ZoneInfo(BERLIN))
    assert reminder_day(start, end, BERLIN, BAVARIA) is None


@pytest.mark.parametrize(
    ("schedule", "tz", "first", "last", "count"),
    [
        # 21 Dec 2026 to 1 Jan 2027: Christmas and New Year's Day in both; Sydney also observes
        # Boxing Day (a Saturday) on Monday 28 December.
        (BAVARIA, BERLIN, date(2026, 12, 21), date(2027, 1, 1), 8),
        (NSW, SYDNEY, date(2026, 12, 21), date(2027, 1, 1), 7),
        (ALICE, BERLIN, date(2026, 1, 5), date(2026, 1, 18), 7),  # no Fridays, no Epiphany
        (BOB, JERUSALEM, date(2026, 1, 4), date(2026, 1, 10), 5),
    ],
)
def test_it_counts_the_working_days_an_absence_takes(
    schedule: Schedule, tz: str, first: date, last: date, count: int
) -> None:
    start, end = days_off(first, last, tz)
    assert absence_working_days(start, end, tz, schedule) == count


def test_it_counts_a_part_day_as_a_day_away() -> None:
    start = datetime(2026, 1, 12, 0, 0, tzinfo=ZoneInfo(BERLIN))
    end = datetime(2026, 1, 16, 13, 0, tzinfo=ZoneInfo(BERLIN))
    assert local_days(start, end, BERLIN) == (date(2026, 1, 12), date(2026, 1, 17))
    assert absence_working_days(start, end, BERLIN, BAVARIA) == 5
    assert local_days(start, start, BERLIN) == (date(2026, 1, 12), date(2026, 1, 12))
