"""Attacks on recurring absences: days off every week, deleted, moved, ended in odd forms."""

import pytest

from bot.core.calendar_absences import Absence
from tests.core.calendar_feeds import feed, read, spans, utc

FRIDAYS_OFF = (
    "UID:fridays\nSUMMARY:Day off\nDTSTART;VALUE=DATE:20261204\nRRULE:FREQ=WEEKLY;BYDAY=FR"
)
# A weekly PTO on Friday mornings at 09:00 in Berlin, from 11 December.
MORNINGS = "UID:mornings\nSUMMARY:PTO\nDTSTART;TZID=Europe/Berlin:20261211T090000\nDURATION:PT4H"


def days(absences: list[Absence]) -> list[str]:
    """Each absence's first day, in UTC."""
    return [f"{a.starts_at:%m-%d}" for a in absences]


def by_occurrence(absences: list[Absence]) -> dict[str, str]:
    """Each absence's occurrence id mapped to its first day."""
    return {a.occurrence: f"{a.starts_at:%m-%d}" for a in absences}


def test_it_reads_every_friday_off_without_the_deleted_one_and_with_the_moved_one() -> None:
    unmoved = by_occurrence(read(feed(FRIDAYS_OFF), horizon_days=30))
    moved = read(
        feed(
            FRIDAYS_OFF + "\nEXDATE;VALUE=DATE:20261218",
            # Christmas falls on the Friday: this week's day off is taken on Thursday instead.
            "UID:fridays\nRECURRENCE-ID;VALUE=DATE:20261225\nSUMMARY:Day off\n"
            "DTSTART;VALUE=DATE:20261224",
        ),
        horizon_days=30,
    )
    assert days(moved) == ["12-10", "12-23", "12-31"]
    christmas = next(key for key, day in unmoved.items() if day == "12-24")
    assert by_occurrence(moved)[christmas] == "12-23"


def test_it_reads_every_other_monday_at_the_same_local_time_across_the_clock_change() -> None:
    ics = feed(
        "UID:alt\nSUMMARY:OOO\nDTSTART;TZID=Europe/Berlin:20261214T080000\nDURATION:PT9H\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10"
    )
    absences = read(ics)
    assert days(absences) == [
        *["12-14", "12-28", "01-11", "01-25", "02-08", "02-22", "03-08", "03-22", "04-05"]
    ]
    assert {a.starts_at.hour for a in absences[:-1]} == {7}
    assert absences[-1].starts_at == utc("2027-04-05 06:00")


@pytest.mark.parametrize(
    "until",
    [
        "UNTIL=20261225T225959Z",  # as RFC 5545 asks when the start has a zone
        "UNTIL=20261225T235959",  # a floating end, as hand-written and some tools write it
        "UNTIL=20261225",  # a date, as some tools write it for any event
    ],
)
def test_it_ends_a_series_on_its_until_whatever_its_form(until: str) -> None:
    ics = feed(MORNINGS + f"\nRRULE:FREQ=WEEKLY;BYDAY=FR;{until}")
    assert days(read(ics)) == ["12-11", "12-18", "12-25"]


def test_it_deletes_an_occurrence_named_in_utc_from_a_series_in_local_time() -> None:
    ics = feed(MORNINGS + "\nRRULE:FREQ=WEEKLY;COUNT=3\nEXDATE:20261218T080000Z")
    assert days(read(ics)) == ["12-11", "12-25"]


def test_it_deletes_occurrences_listed_on_one_line() -> None:
    ics = feed(
        MORNINGS + "\nRRULE:FREQ=WEEKLY;COUNT=4\n"
        "EXDATE;TZID=Europe/Berlin:20261218T090000,20261225T090000"
    )
    assert days(read(ics)) == ["12-11", "01-01"]


def test_it_adds_an_extra_day_from_rdate() -> None:
    ics = feed(FRIDAYS_OFF + "\nRDATE;VALUE=DATE:20261216,20261222")
    assert days(read(ics, horizon_days=14)) == ["12-10", "12-15", "12-17", "12-21"]


def test_it_reads_an_occurrence_moved_from_beyond_the_horizon_into_it() -> None:
    ics = feed(
        MORNINGS + "\nRRULE:FREQ=WEEKLY;COUNT=4",
        # The first Friday is moved beyond the horizon, the last one into it.
        "UID:mornings\nRECURRENCE-ID;TZID=Europe/Berlin:20261211T090000\nSUMMARY:PTO\n"
        "DTSTART;TZID=Europe/Berlin:20270115T090000\nDURATION:PT4H",
        "UID:mornings\nRECURRENCE-ID;TZID=Europe/Berlin:20270101T090000\nSUMMARY:PTO\n"
        "DTSTART;TZID=Europe/Berlin:20261216T090000\nDURATION:PT4H",
    )
    assert days(read(ics, horizon_days=10)) == ["12-16", "12-18"]


def test_it_reads_the_one_meeting_of_a_series_changed_to_out_of_office() -> None:
    ics = feed(
        "UID:one-on-one\nSUMMARY:1:1 Alice / Carol\nDTSTART:20261210T100000Z\nDURATION:PT30M\n"
        "RRULE:FREQ=WEEKLY;COUNT=4",
        "UID:one-on-one\nRECURRENCE-ID:20261217T100000Z\nSUMMARY:1:1 Alice / Carol\n"
        "DTSTART:20261217T100000Z\nDURATION:PT30M\nX-MICROSOFT-CDO-BUSYSTATUS:OOF",
    )
    assert days(read(ics)) == ["12-17"]


def test_it_leaves_out_the_one_day_off_of_a_series_changed_into_a_working_day() -> None:
    ics = feed(
        FRIDAYS_OFF,
        "UID:fridays\nRECURRENCE-ID;VALUE=DATE:20261211\nSUMMARY:Release day (working)\n"
        "DTSTART;VALUE=DATE:20261211",
    )
    assert days(read(ics, horizon_days=14)) == ["12-17"]


def test_it_reads_every_day_of_a_series_counted_to_a_million() -> None:
    ics = feed("UID:m\nSUMMARY:OOO\nDTSTART;VALUE=DATE:20261201\nRRULE:FREQ=DAILY;COUNT=1000000")
    assert len(read(ics, horizon_days=30)) == 31


def test_it_reads_a_week_off_that_repeats_each_summer() -> None:
    ics = feed(
        "UID:s\nSUMMARY:Urlaub\nDTSTART;VALUE=DATE:20190805\nDTEND;VALUE=DATE:20190817\n"
        "RRULE:FREQ=YEARLY;BYMONTH=8;BYDAY=1MO"
    )
    assert spans(read(ics, horizon_days=300)) == [
        (utc("2027-08-01 22:00"), utc("2027-08-13 22:00"))
    ]
