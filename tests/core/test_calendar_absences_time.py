"""When a calendar absence starts and ends: zones, floating times, whole days, the window."""

import pytest

from tests.core.calendar_feeds import feed, read, spans, utc

TOKYO, NEW_YORK = "Asia/Tokyo", "America/New_York"


@pytest.mark.parametrize(
    ("tz", "start", "end"),
    [
        # A floating time is the same wall-clock time wherever Alice is.
        ("Europe/Berlin", "2026-12-10 08:00", "2026-12-10 16:00"),
        (TOKYO, "2026-12-10 00:00", "2026-12-10 08:00"),
        (NEW_YORK, "2026-12-10 14:00", "2026-12-10 22:00"),
    ],
)
def test_it_reads_a_floating_time_in_alices_zone(tz: str, start: str, end: str) -> None:
    ics = feed("UID:f\nSUMMARY:OOO\nDTSTART:20261210T090000\nDTEND:20261210T170000")
    assert spans(read(ics, tz=tz)) == [(utc(start), utc(end))]


@pytest.mark.parametrize(
    ("tz", "start", "end"),
    [
        ("Europe/Berlin", "2026-12-09 23:00", "2026-12-11 23:00"),
        (TOKYO, "2026-12-09 15:00", "2026-12-11 15:00"),
        (NEW_YORK, "2026-12-10 05:00", "2026-12-12 05:00"),
    ],
)
def test_it_reads_whole_days_in_alices_zone(tz: str, start: str, end: str) -> None:
    ics = feed("UID:d\nSUMMARY:Vacation\nDTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212")
    [absence] = read(ics, tz=tz)
    assert (absence.starts_at, absence.ends_at, absence.all_day) == (utc(start), utc(end), True)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # No end: a day lasts the day, a moment lasts nothing and is no absence.
        ("DTSTART;VALUE=DATE:20261210", [("2026-12-09 23:00", "2026-12-10 23:00")]),
        ("DTSTART:20261210T090000Z", []),
        ("DTSTART:20261210T090000Z\nDURATION:PT4H", [("2026-12-10 09:00", "2026-12-10 13:00")]),
        ("DTSTART;VALUE=DATE:20261210\nDURATION:P3D", [("2026-12-09 23:00", "2026-12-12 23:00")]),
        ("DTSTART:20261210T090000Z\nDTEND:20261210T090000Z", []),
        # Some exporters swap start and end; recurring-ical-events reads them the right way.
        (
            "DTSTART:20261210T090000Z\nDTEND:20261209T090000Z",
            [("2026-12-09 09:00", "2026-12-10 09:00")],
        ),
    ],
)
def test_it_reads_ends_from_dtend_duration_or_nothing(
    lines: str, expected: list[tuple[str, str]]
) -> None:
    ics = feed(f"UID:e\nSUMMARY:PTO\n{lines}")
    assert spans(read(ics)) == [(utc(s), utc(e)) for s, e in expected]


def test_it_reads_a_time_zone_the_feed_names_without_defining_it() -> None:
    # Berlin changes to winter time on 25 October 2026, inside this absence.
    ics = feed(
        "UID:z\nSUMMARY:Urlaub\nDTSTART;TZID=Europe/Berlin:20261023T120000\n"
        "DTEND;TZID=Europe/Berlin:20261027T120000"
    )
    absences = read(ics, now=utc("2026-10-01 00:00"))
    assert spans(absences) == [(utc("2026-10-23 10:00"), utc("2026-10-27 11:00"))]


def test_it_reads_googles_calendar_zone_for_utc_and_floating_times() -> None:
    ics = feed(
        "UID:g\nSUMMARY:Ferie\nDTSTART:20261210T080000Z\nDTEND:20261210T160000Z",
        "UID:h\nSUMMARY:Ferie\nDTSTART:20261211T090000\nDTEND:20261211T170000",
        header="X-WR-TIMEZONE:Asia/Tokyo",
    )
    # A UTC time stays that moment; a floating one is in the calendar's zone, not Alice's.
    assert spans(read(ics, tz=NEW_YORK)) == [
        (utc("2026-12-10 08:00"), utc("2026-12-10 16:00")),
        (utc("2026-12-11 00:00"), utc("2026-12-11 08:00")),
    ]


@pytest.mark.parametrize(
    ("start", "end", "counted"),
    [
        ("20261201T090000Z", "20261208T085900Z", False),  # ended a minute ago
        ("20261201T090000Z", "20261210T090000Z", True),  # on now
        ("20270407T090000Z", "20270410T090000Z", False),  # starts after the horizon
        ("20270405T090000Z", "20270410T090000Z", True),  # starts before the horizon ends
    ],
)
def test_it_reads_absences_that_overlap_now_to_the_horizon(
    start: str, end: str, counted: bool
) -> None:
    ics = feed(f"UID:w\nSUMMARY:OOO\nDTSTART:{start}\nDTEND:{end}")
    assert bool(read(ics, horizon_days=120)) is counted


def test_it_keeps_a_moved_occurrences_identity_and_drops_a_cancelled_one() -> None:
    weekly = "UID:r\nSUMMARY:PTO\nDTSTART:20261214T090000Z\nDTEND:20261214T170000Z\n"
    weekly += "RRULE:FREQ=WEEKLY;COUNT=3"
    before = read(feed(weekly))
    after = read(
        feed(
            weekly,
            "UID:r\nRECURRENCE-ID:20261221T090000Z\nSUMMARY:PTO\n"
            "DTSTART:20261222T090000Z\nDTEND:20261222T170000Z",
            "UID:r\nRECURRENCE-ID:20261228T090000Z\nSTATUS:CANCELLED\nSUMMARY:PTO\n"
            "DTSTART:20261228T090000Z\nDTEND:20261228T170000Z",
        )
    )
    assert [a.occurrence for a in before] == [
        "2026-12-14T09:00:00+00:00",
        "2026-12-21T09:00:00+00:00",
        "2026-12-28T09:00:00+00:00",
    ]
    assert [(a.occurrence, a.starts_at) for a in after] == [
        ("2026-12-14T09:00:00+00:00", utc("2026-12-14 09:00")),
        ("2026-12-21T09:00:00+00:00", utc("2026-12-22 09:00")),
    ]


def test_it_names_a_recurring_all_day_occurrence_by_its_day() -> None:
    ics = feed(
        "UID:y\nSUMMARY:休暇\nDTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261226\n"
        "RRULE:FREQ=YEARLY"
    )
    [absence] = read(ics, tz=TOKYO)
    assert (absence.occurrence, absence.starts_at) == ("2026-12-25", utc("2026-12-24 15:00"))
