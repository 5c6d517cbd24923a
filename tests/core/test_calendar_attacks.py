"""Attacks on reading absences from the outside: what people write, and feeds built to break it."""

import pytest

from bot.core.calendar_absences import Absence
from tests.core.calendar_feeds import feed, read, spans, utc

# The absence titles people write, in the twelve languages, beyond those tried elsewhere.
AWAY = [
    *["Sick leave", "Maternity leave", "Paternity leave", "Bereavement leave", "Personal day"],
    *["OOO until Monday", "OOO (dentist)", "🌴 OOO", "Alice on PTO", "Half-day PTO"],
    *["Out of Office - Alice", "Holiday ✈️", "Jury duty", "Mental health day"],
    *["Congés payés", "Congé maternité", "Congé parental", "Absente", "Congé sans solde"],
    *["Urlaubstag", "Sonderurlaub", "Krankgeschrieben", "Mutterschutz", "Gleittag"],
    *["Vacaciones 🏝️", "Asuntos propios", "Permiso por paternidad"],
    *["Baja por enfermedad", "Férias 🏖️", "Ausente", "Folga compensatória"],
    *["Licença-maternidade", "Ferie 🌞", "Congedo parentale", "Assente"],
    *["Permesso retribuito", "有休", "年休", "夏季休暇", "育休", "産休", "病欠"],
    *["お休み", "半休", "午後休", "오후 반차", "연차 휴가", "출산휴가"],
    *["육아휴직", "휴무", "调休", "事假", "产假", "婚假", "年休假"],
    *["休假中", "喪假", "產假", "補休", "特休假"],
]
# Events about absences, and other events, that must not be read as the person being away.
NOT_AWAY = [
    *["PTO policy review", "Vacation planning", "OOO sync", "Holiday party", "WFH"],
    *["Review Bob's PTO request", "Vacation request deadline", "Back from vacation catch-up"],
    *["Out-of-office handover", "Sick leave policy training", "Parental leave benefits webinar"],
    *["Holiday card design", "Summer vacation photos"],
    *["Set up OOO auto-reply", "congés payés: réunion d'information"],
    *["Planning des congés", "Télétravail", "Urlaubsplanung", "Urlaubsanträge prüfen"],
    *["Homeoffice", "Planificación de vacaciones", "Teletrabajo"],
    *["Reunião: planejamento de férias", "Pianificazione ferie estive", "Smart working"],
    *["休暇申請の締め切り", "有給休暇の取得促進について説明会", "在宅勤務"],
    *["휴가 신청 마감", "연차 사용 계획 회의", "재택근무", "居家办公"],
    *["请假流程培训", "年假政策说明会"],
    *["請假系統說明會", "年假規定說明"],
]


def one_day(title: str, extra: str = "") -> bytes:
    """A feed with one all-day event on Thursday 10 December titled as given."""
    return feed(f"UID:t\nSUMMARY:{title}\nDTSTART;VALUE=DATE:20261210\n{extra}")


def titles(absences: list[Absence]) -> list[str]:
    """Each absence's title."""
    return [a.title for a in absences]


@pytest.mark.parametrize("title", AWAY)
def test_it_reads_absence_titles_people_write(title: str) -> None:
    assert titles(read(one_day(title))) == [title]


@pytest.mark.parametrize("title", NOT_AWAY)
def test_it_leaves_out_events_that_are_about_absences(title: str) -> None:
    assert read(one_day(title)) == []


@pytest.mark.parametrize(
    ("shown_as", "counted"),
    [
        # Outlook and Google show all-day events as free unless told otherwise.
        ("X-MICROSOFT-CDO-BUSYSTATUS:FREE", True),
        ("TRANSP:TRANSPARENT", True),
        ("X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE", True),
        ("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", False),
        ("STATUS:TENTATIVE", False),
        ("STATUS:CANCELLED\nX-MICROSOFT-CDO-BUSYSTATUS:OOF", False),
    ],
)
def test_it_reads_a_vacation_by_how_it_is_shown(shown_as: str, counted: bool) -> None:
    assert bool(read(one_day("Vacation", shown_as))) is counted


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
