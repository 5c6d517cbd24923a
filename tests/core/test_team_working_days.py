"""Team views with working weeks and public holidays: marks, return days and coverage."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.holiday_regions import parse_region
from bot.core.team import Absence, DayState, Window, overview
from bot.core.working_days import Schedule

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
TEAM = ["ALICE", "BOB", "CAROL", "DAN"]
OUT, IN, OFF, HOLIDAY = DayState.OUT, DayState.IN, DayState.OFF, DayState.HOLIDAY
SUNDAY_TO_THURSDAY = frozenset({6, 0, 1, 2, 3})


def berlin(year: int, month: int, day: int) -> datetime:
    """Midnight in Berlin (UTC+1 in winter, +2 in summer)."""
    offset = 2 if 4 <= month <= 10 else 1
    return datetime(year, month, day, tzinfo=UTC) - timedelta(hours=offset)


def absence(person: str, start: datetime, end: datetime | None) -> Absence:
    return Absence(person=person, start=start, end=end, tz=BERLIN)


@pytest.mark.parametrize(
    ("region", "states"),
    [
        # Corpus Christi, Thursday 27 May 2027: a holiday in Bavaria, a working day in Berlin.
        ("DE-BY", [OUT, OUT, OUT, HOLIDAY, OUT, OFF, OFF]),
        ("DE-BE", [OUT, OUT, OUT, OUT, OUT, OFF, OFF]),
    ],
)
def test_it_marks_a_holiday_where_the_person_has_it(region: str, states: list[DayState]) -> None:
    week = Window(date(2027, 5, 24), 7, BERLIN)
    schedules = {"ALICE": Schedule(region=parse_region(region))}
    absences = [absence("ALICE", berlin(2027, 5, 24), berlin(2027, 5, 29))]
    view = overview(absences, team=TEAM, window=week, now=NOW, schedules=schedules)
    assert view.timeline == {"ALICE": states}


def test_it_marks_a_sunday_to_thursday_workers_friday_and_saturday_off() -> None:
    week = Window(date(2026, 11, 27), 7, BERLIN)  # Friday 27 November to Thursday 3 December
    schedules = {"ALICE": Schedule(SUNDAY_TO_THURSDAY)}
    absences = [absence("ALICE", berlin(2026, 11, 27), berlin(2026, 12, 4))]
    view = overview(absences, team=TEAM, window=week, now=NOW, schedules=schedules)
    assert view.timeline == {"ALICE": [OFF, OFF, OUT, OUT, OUT, OUT, OUT]}


@pytest.mark.parametrize(
    ("region", "back"),
    [
        # Out until Tuesday 5 January 2027: Epiphany (the 6th) is a holiday in Bavaria only.
        ("DE-BY", berlin(2027, 1, 7)),
        ("DE-BE", berlin(2027, 1, 6)),
    ],
)
def test_it_says_the_return_after_the_persons_holidays(region: str, back: datetime) -> None:
    window = Window(date(2027, 1, 4), 7, BERLIN)
    schedules = {"ALICE": Schedule(region=parse_region(region))}
    absences = [absence("ALICE", berlin(2027, 1, 4), berlin(2027, 1, 6))]
    view = overview(absences, team=TEAM, window=window, now=berlin(2027, 1, 4), schedules=schedules)
    assert [(a.person, a.back) for a in view.out_now] == [("ALICE", back)]


def test_coverage_counts_only_people_who_would_otherwise_work_that_day() -> None:
    # Bob and Carol work Sunday to Thursday; Alice and Dan Monday to Friday. On Friday 27
    # November only Alice and Dan would work: Alice away is half of them.
    week = Window(date(2026, 11, 27), 3, BERLIN)
    sun_thu = Schedule(SUNDAY_TO_THURSDAY)
    schedules = {"BOB": sun_thu, "CAROL": sun_thu}
    absences = [
        absence("ALICE", berlin(2026, 11, 27), berlin(2026, 11, 28)),
        absence("BOB", berlin(2026, 11, 27), berlin(2026, 11, 30)),
        absence("CAROL", berlin(2026, 11, 29), berlin(2026, 11, 30)),
    ]
    view = overview(absences, team=TEAM, window=week, now=NOW, coverage=40, schedules=schedules)
    # Friday: Alice of Alice and Dan (Bob's day off); Saturday: nobody works; Sunday: Bob and
    # Carol, who would work, are both away.
    assert view.short_days == [(date(2026, 11, 27), 1, 2), (date(2026, 11, 29), 2, 2)]
