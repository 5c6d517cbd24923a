"""Attacks on reading absences from calendar apps' exports: Outlook's marks and zones, others."""

import pytest

from tests.core.calendar_feeds import read, spans, utc


def calendar(*blocks: str) -> bytes:
    """A whole feed written by hand, component by component."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ooo attacks//EN"]
    for block in blocks:
        lines += block.strip().splitlines()
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def event(*lines: str) -> str:
    """One VEVENT of the given lines."""
    return "\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"])


WINDOWS_BERLIN = """
BEGIN:VTIMEZONE
TZID:{name}
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


def outlook(zone: str, *more: str) -> bytes:
    """Alice's trip to Mallorca as Outlook exports it: no word of absence, only its OOF mark."""
    return calendar(
        WINDOWS_BERLIN.format(name=zone),
        event(
            "CLASS:PUBLIC",
            f'DTSTART;TZID="{zone}":20261214T090000',
            f'DTEND;TZID="{zone}":20261218T180000',
            "DTSTAMP:20261201T100000Z",
            "SUMMARY;LANGUAGE=de-DE:Mallorca",
            "UID:040000008200E00074C5B7101A82E00800000000A1",
            "TRANSP:OPAQUE",
            "X-MICROSOFT-CDO-IMPORTANCE:1",
            "X-MS-OLK-CONFTYPE:0",
            *more,
        ),
    )


@pytest.mark.parametrize("zone", ["W. Europe Standard Time", "tzone://Microsoft/Custom"])
@pytest.mark.parametrize(
    "mark", ["X-MICROSOFT-CDO-BUSYSTATUS:OOF", "X-MICROSOFT-CDO-INTENDEDSTATUS:OOF"]
)
def test_it_reads_an_outlook_trip_marked_out_of_office(zone: str, mark: str) -> None:
    [absence] = read(outlook(zone, mark), marked_only=True)
    assert (absence.starts_at, absence.ends_at) == (
        utc("2026-12-14 08:00"),
        utc("2026-12-18 17:00"),
    )
    assert (absence.marked, absence.all_day, absence.title) == (True, False, "Mallorca")


def test_it_reads_an_outlook_zone_by_its_own_definition_not_its_name() -> None:
    # Outlook names a zone edited by hand "Customized Time Zone": only its rules say where.
    ics = calendar(
        "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
        "TZOFFSETFROM:+0300\nTZOFFSETTO:+0300\nEND:STANDARD\nEND:VTIMEZONE",
        event(
            "UID:c",
            "SUMMARY:OOO",
            'DTSTART;TZID="Customized Time Zone":20261210T090000',
            'DTEND;TZID="Customized Time Zone":20261210T170000',
        ),
    )
    assert spans(read(ics)) == [(utc("2026-12-10 06:00"), utc("2026-12-10 14:00"))]


def test_it_leaves_out_an_outlook_event_shown_as_busy() -> None:
    assert read(outlook("W. Europe Standard Time", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY")) == []


def test_it_reads_a_lowercase_oof_mark() -> None:
    assert len(read(outlook("W. Europe Standard Time", "X-MICROSOFT-CDO-BUSYSTATUS:oof"))) == 1


@pytest.mark.parametrize(
    ("zone", "start", "end"),
    [
        ("Pacific Standard Time", "2026-12-10 17:00", "2026-12-11 01:00"),
        ("W. Europe Standard Time", "2026-12-10 08:00", "2026-12-10 16:00"),
        ("Tokyo Standard Time", "2026-12-10 00:00", "2026-12-10 08:00"),
    ],
)
def test_it_reads_a_windows_zone_name_the_feed_does_not_define(
    zone: str, start: str, end: str
) -> None:
    ics = calendar(
        event(
            "UID:w",
            "SUMMARY:OOO",
            f"DTSTART;TZID={zone}:20261210T090000",
            f"DTEND;TZID={zone}:20261210T170000",
        )
    )
    assert spans(read(ics, tz="Asia/Kolkata")) == [(utc(start), utc(end))]


APPS = {
    # Google: the calendar's zone in X-WR-TIMEZONE, all-day events shown as free by default.
    "google": (
        "X-WR-CALNAME:alice@example.com\nX-WR-TIMEZONE:America/Los_Angeles",
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nTRANSP:TRANSPARENT\n"
        "SUMMARY:Vacation\nSTATUS:CONFIRMED\nSEQUENCE:0",
    ),
    # Apple: a VTIMEZONE with X-LIC-LOCATION, a travel flag and the "no alarm" VALARM.
    "icloud": (
        "X-WR-CALNAME:Privat\nX-APPLE-CALENDAR-COLOR:#FF2968",
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nSUMMARY:Urlaub 🏝\n"
        "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\nBEGIN:VALARM\nACTION:NONE\n"
        "TRIGGER;VALUE=DATE-TIME:19760401T005545Z\nEND:VALARM",
    ),
    # Thunderbird: its own generation counter, a reminder, the event free.
    "thunderbird": (
        "X-WR-CALNAME:Home",
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nSUMMARY:Congés\n"
        "X-MOZ-GENERATION:3\nTRANSP:TRANSPARENT\nBEGIN:VALARM\nACTION:DISPLAY\n"
        "TRIGGER;VALUE=DURATION:-PT15M\nDESCRIPTION:Default Mozilla Description\nEND:VALARM",
    ),
    # Nextcloud (sabre/vobject) and Fastmail: a status, a class, categories.
    "nextcloud": (
        "X-WR-CALNAME:Personal",
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nSUMMARY:Ferie\n"
        "STATUS:CONFIRMED\nCLASS:PUBLIC\nCATEGORIES:Holidays,Family",
    ),
    # Proton: a private class and a sequence.
    "proton": (
        "X-WR-CALNAME:My calendar",
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nSUMMARY:Férias\n"
        "CLASS:PRIVATE\nSEQUENCE:2",
    ),
}


@pytest.mark.parametrize(("header", "body"), list(APPS.values()), ids=list(APPS))
def test_it_reads_an_all_day_absence_from_each_calendar_app(header: str, body: str) -> None:
    ics = calendar(header, event("UID:app@example.com", "DTSTAMP:20261201T100000Z", body))
    [absence] = read(ics, tz="America/Los_Angeles")
    assert (absence.starts_at, absence.ends_at) == (
        utc("2026-12-10 08:00"),
        utc("2026-12-12 08:00"),
    )
    assert absence.all_day
