"""The calendars icalendar and recurring-ical-events ship: read or refused, never a crash.

They are read where the packages are installed (their licence keeps them out of this repository).
"""

import re
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.core.calendar_absences import NotACalendar, read_absences
from tests.core.calendar_feeds import spans, utc

SHIPPED = sorted(
    path
    for package in ("icalendar", "recurring_ical_events")
    for path in Path(str(files(package))).rglob("*.ics")
)
RECURRING = Path(str(files("recurring_ical_events"))) / "test" / "calendars"


def test_it_finds_the_packages_calendars() -> None:
    assert len(SHIPPED) > 200


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_it_reads_or_refuses_every_shipped_calendar(path: Path) -> None:
    body = path.read_bytes()
    # Titled as absences too, so that every event's times and recurrence are read.
    for ics in (body, re.sub(rb"(?m)^SUMMARY[^:\r\n]*:.*$", b"SUMMARY:Vacation", body)):
        try:
            absences = read_absences(
                ics, tz="Pacific/Kiritimati", now=datetime(2019, 3, 1, tzinfo=UTC),
                horizon_days=400, marked_only=False,
            )  # fmt: skip
        except NotACalendar:
            continue
        assert all(a.starts_at < a.ends_at and a.starts_at.tzinfo is UTC for a in absences)
        assert len({(a.uid, a.occurrence) for a in absences}) == len(absences)


def as_absences(name: str) -> bytes:
    """A shipped calendar whose every event is titled as an absence, so that all of them count."""
    calendar = Calendar.from_ical((RECURRING / name).read_bytes())
    for event in calendar.walk("VEVENT"):
        event["SUMMARY"] = "Vacation"
    return calendar.to_ical()


def read_in_berlin(name: str, now: str, days: int = 60) -> list:
    """The shipped calendar's occurrences, as absences read in Berlin."""
    return read_absences(
        as_absences(name), tz="Europe/Berlin", now=utc(now), horizon_days=days, marked_only=False
    )


def test_it_reads_a_weekly_series_with_deleted_occurrences_across_a_clock_change() -> None:
    absences = read_in_berlin("each_week_but_two_deleted.ics", "2019-03-01 00:00")
    # Eight Mondays at 00:30 in Berlin, two deleted; summer time starts on 31 March.
    assert [a.starts_at for a in absences] == [
        utc("2019-03-03 23:30"),
        utc("2019-03-17 23:30"),
        utc("2019-03-31 22:30"),
        utc("2019-04-07 22:30"),
        utc("2019-04-14 22:30"),
        utc("2019-04-21 22:30"),
    ]


def test_it_reads_a_moved_occurrence_under_its_original_start() -> None:
    absences = read_in_berlin("recurring_events_moved.ics", "2019-03-18 00:00", days=3)
    moved = [a for a in absences if a.uid == "5d4c6843-9300-4f91-8d88-6094d4b0b840"]
    assert [a.occurrence for a in moved] == [
        "2019-03-18T03:00:00+00:00",
        "2019-03-19T03:00:00+00:00",
        "2019-03-20T03:00:00+00:00",
    ]
    assert spans(moved)[1] == (utc("2019-03-19 03:00"), utc("2019-03-19 04:00"))


def test_it_reads_googles_utc_times_in_its_calendar_zone() -> None:
    absences = read_in_berlin("x_wr_timezone_simple_events_issue_59.ics", "2021-12-20 00:00")
    # Noon to 1 PM and 9 to 10 PM in New York, as Google shows them.
    assert spans(absences) == [
        (utc("2021-12-22 17:00"), utc("2021-12-22 18:00")),
        (utc("2021-12-23 02:00"), utc("2021-12-23 03:00")),
    ]
