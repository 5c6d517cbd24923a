"""Attacks on reading absences' times: clock changes, new year, zones far from the person's."""

import pytest

from tests.core.calendar_feeds import feed, read, spans, utc


@pytest.mark.parametrize(
    ("tz", "start", "end"),
    [
        # Berlin springs forward on 28 March 2027: the last day is an hour shorter.
        ("Europe/Berlin", "2027-03-25 23:00", "2027-04-01 22:00"),
        ("America/Los_Angeles", "2027-03-26 07:00", "2027-04-02 07:00"),
        ("Asia/Tokyo", "2027-03-25 15:00", "2027-04-01 15:00"),
    ],
)
def test_it_reads_an_easter_week_across_the_clock_change(tz: str, start: str, end: str) -> None:
    ics = feed("UID:e\nSUMMARY:Urlaub\nDTSTART;VALUE=DATE:20270326\nDTEND;VALUE=DATE:20270402")
    assert spans(read(ics, tz=tz)) == [(utc(start), utc(end))]


def test_it_reads_a_holiday_across_new_year() -> None:
    ics = feed("UID:n\nSUMMARY:Congés\nDTSTART;VALUE=DATE:20261228\nDTEND;VALUE=DATE:20270104")
    assert spans(read(ics)) == [(utc("2026-12-27 23:00"), utc("2027-01-03 23:00"))]


def test_it_reads_a_trip_planned_in_local_time_across_new_year() -> None:
    ics = feed(
        "UID:t\nSUMMARY:Vacation Japan ✈️\nDTSTART;TZID=Europe/Berlin:20261219T000000\n"
        "DTEND;TZID=Europe/Berlin:20270103T000000"
    )
    assert spans(read(ics)) == [(utc("2026-12-18 23:00"), utc("2027-01-02 23:00"))]


def test_it_reads_today_off_for_alice_in_tokyo_where_it_is_already_evening() -> None:
    ics = feed("UID:d\nSUMMARY:休暇\nDTSTART;VALUE=DATE:20261208")
    assert spans(read(ics, tz="Asia/Tokyo")) == [(utc("2026-12-07 15:00"), utc("2026-12-08 15:00"))]


def test_it_reads_nothing_for_a_day_off_already_over_in_tokyo() -> None:
    ics = feed("UID:d\nSUMMARY:休暇\nDTSTART;VALUE=DATE:20261207")
    assert read(ics, tz="Asia/Tokyo") == []


def test_it_reads_a_two_day_duration_as_two_calendar_days_across_the_clock_change() -> None:
    # RFC 5545: P2D is two days on the wall clock, not 48 hours, when the clock changes.
    ics = feed("UID:p\nSUMMARY:PTO\nDTSTART;TZID=Europe/Berlin:20270327T090000\nDURATION:P2D")
    assert spans(read(ics)) == [(utc("2027-03-27 08:00"), utc("2027-03-29 07:00"))]


@pytest.mark.parametrize("tz", ["Europe/Berlin", "America/Los_Angeles"])
def test_it_reads_a_half_day_off_set_in_berlin_as_the_same_moment_anywhere(tz: str) -> None:
    ics = feed(
        "UID:h\nSUMMARY:Half day off\nDTSTART;TZID=Europe/Berlin:20261210T130000\n"
        "DTEND;TZID=Europe/Berlin:20261210T170000"
    )
    [absence] = read(ics, tz=tz)
    assert (absence.starts_at, absence.ends_at, absence.all_day) == (
        utc("2026-12-10 12:00"),
        utc("2026-12-10 16:00"),
        False,
    )
