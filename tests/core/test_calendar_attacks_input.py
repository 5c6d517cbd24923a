"""Attacks on reading a feed's bytes: encodings, line ends, folding, broken and hostile events."""

import gzip
import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType

import pytest

from bot.core.calendar_absences import MAX_ABSENCES, NotACalendar, read_absences
from tests.core.calendar_feeds import BERLIN, NOW, feed, read, spans, utc

VACATION = "UID:v\nSUMMARY:Vacation\nDTSTART;VALUE=DATE:20261221\nDTEND;VALUE=DATE:20261224"
FINE = "UID:fine\nSUMMARY:OOO\nDTSTART:20261212T090000Z\nDTEND:20261213T090000Z"


class Hung(BaseException):
    """The reader ran far longer than any feed needs (a BaseException: nothing swallows it)."""


@contextmanager
def promptly(seconds: float = 1.0) -> Iterator[None]:
    """Interrupt the block if it runs for seconds, so a hang fails its test, not the suite."""

    def interrupt(_signal: int, _frame: FrameType | None) -> None:
        raise Hung

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    hung = False
    try:
        yield
    except Hung:
        # Raised again from here: pytest cannot show the frame a signal interrupted.
        hung = True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if hung:
        raise Hung(f"still reading after {seconds} s") from None


def raw(*lines: bytes, newline: bytes = b"\r\n", head: bytes = b"") -> bytes:
    """A feed of one VEVENT written byte by byte, with the line ends given."""
    begin = [b"BEGIN:VCALENDAR", b"VERSION:2.0", b"PRODID:-//ooo attacks//EN", b"BEGIN:VEVENT"]
    end = [b"END:VEVENT", b"END:VCALENDAR"]
    return head + newline.join([*begin, b"UID:r", b"DTSTART;VALUE=DATE:20261210", *lines, *end])


@pytest.mark.parametrize("newline", [b"\r\n", b"\n"], ids=["CRLF", "LF"])
@pytest.mark.parametrize("head", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"], ids=["", "BOM", "blank"])
def test_it_reads_a_feed_whatever_its_line_ends_and_start(newline: bytes, head: bytes) -> None:
    assert [a.title for a in read(raw(b"SUMMARY:Urlaub", newline=newline, head=head))] == ["Urlaub"]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ((b"SUMMARY:Vaca", b" tion in Portugal"), "Vacation in Portugal"),
        ((b"SUMMARY:Vacation in", b"\t Portugal"), "Vacation in Portugal"),
        # Folded every 75 octets, as RFC 5545 says, even inside a character: 休 is e4 bc 91.
        ((b"SUMMARY:\xe6\x9c\x89\xe7\xb5\xa6\xe4\xbc", b" \x91\xe6\x9a\x87"), "有給休暇"),
        ((b"SUMMARY:OOO\\, back Monday",), "OOO, back Monday"),
        ((b"SUMMARY:Urlaub\\; Vertretung: Bob",), "Urlaub; Vertretung: Bob"),
        (("SUMMARY:🏖️🏖️ Vacation 🏖️🏖️".encode(),), "🏖️🏖️ Vacation 🏖️🏖️"),
        ((b"SUMMARY;LANGUAGE=fr-FR:Cong\xc3\xa9s",), "Congés"),
    ],
)
def test_it_reads_titles_as_they_are_folded_and_escaped(
    lines: tuple[bytes, ...], title: str
) -> None:
    assert [a.title for a in read(raw(*lines))] == [title]


def test_it_reads_a_title_saved_in_latin_1_by_an_old_exporter() -> None:
    [absence] = read(raw(b"SUMMARY:Cong\xe9s pay\xe9s"))
    assert absence.title == "Congés payés"


def test_it_reads_a_title_in_the_character_set_the_server_declared() -> None:
    ics = raw("SUMMARY:Отпуск".encode("koi8-r"), b"X-MICROSOFT-CDO-BUSYSTATUS:OOF")
    [absence] = read_absences(
        ics, tz=BERLIN, now=NOW, horizon_days=30, marked_only=True, charset="koi8-r"
    )
    assert absence.title == "Отпуск"


def test_it_reads_every_calendar_of_a_file_that_joins_several() -> None:
    both = feed(FINE) + feed(VACATION)
    assert sorted(a.uid for a in read(both)) == ["fine", "v"]


def test_it_reads_only_events_not_tasks_or_journal_entries() -> None:
    ics = feed(VACATION).replace(
        b"END:VCALENDAR",
        b"BEGIN:VTODO\r\nUID:t\r\nSUMMARY:Vacation\r\nDUE;VALUE=DATE:20261215\r\nEND:VTODO\r\n"
        b"BEGIN:VJOURNAL\r\nUID:j\r\nSUMMARY:OOO\r\nDTSTART;VALUE=DATE:20261215\r\n"
        b"END:VJOURNAL\r\nEND:VCALENDAR",
    )
    assert [a.uid for a in read(ics)] == ["v"]


@pytest.mark.parametrize(
    "zone", ['"Europe/Berlin"', "Mars/Olympus_Mons", '"/mozilla.org/20050126_1/Europe/Berlin"']
)
def test_it_reads_a_zone_it_cannot_look_up_in_alices_zone(zone: str) -> None:
    ics = feed(f"UID:z\nSUMMARY:OOO\nDTSTART;TZID={zone}:20261210T090000\nDURATION:PT8H")
    assert spans(read(ics)) == [(utc("2026-12-10 08:00"), utc("2026-12-10 16:00"))]


@pytest.mark.parametrize(
    "broken",
    [
        "DTSTART;VALUE=DATE:20261210\nDTEND:20261211T120000Z",
        "DTSTART:20261210T090000Z\nDURATION:P999999D",
        "DTSTART:20261210T250000Z\nDURATION:PT1H",
        "DTSTART:20261210T090000Z\nDURATION:PT1H\nEXDATE:not-a-date",
        "DTSTART:20261210T090000Z\nDTSTART:20261211T090000Z\nDURATION:PT1H",
        "DTSTART:20261210T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=XX",
        "DTSTART:20261210T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=-3",
        "RECURRENCE-ID:20261211T090000Z\nDTSTART:20261212T090000Z\nDURATION:PT1H",
        "DTSTART:99991231T000000Z\nDTEND:99991231T010000Z",
        "DTSTART:20261210T090000Z\nDURATION:P99999999D",
        "DTSTART;VALUE=DATE:99991231",
    ],
)
def test_it_reads_the_other_events_beside_a_broken_one(broken: str) -> None:
    assert "fine" in {a.uid for a in read(feed(f"UID:x\nSUMMARY:OOO\n{broken}", FINE))}


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=YEARLY;INTERVAL=0",
        # Rules that can never match: dateutil would walk to the year 9999 to find out.
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYYEARDAY=366;BYMONTH=1",
        "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",  # from a Thursday: every seventh day is a Thursday
    ],
)
def test_it_answers_promptly_for_a_rule_written_to_hang_it(rule: str) -> None:
    ics = feed(f"UID:x\nSUMMARY:OOO\nDTSTART:20261210T090000Z\nDURATION:PT1H\nRRULE:{rule}", FINE)
    with promptly(0.5):
        assert "fine" in {a.uid for a in read(ics)}


def test_it_answers_promptly_for_a_feed_of_many_rules_that_never_match() -> None:
    never = [
        f"UID:x{n}\nSUMMARY:OOO\nDTSTART:20261210T090000Z\nDURATION:PT1H\n"
        "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"
        # 60 rules of 360 months each: more than the feed's budget of 6,000 months.
        for n in range(60)
    ]
    with promptly(3.0):
        assert "fine" in {a.uid for a in read(feed(*never, FINE))}


def test_it_reads_a_vacation_in_a_five_megabyte_feed() -> None:
    notes = "x" * (5 * 1024 * 1024 - 500)
    ics = feed(f"UID:n\nSUMMARY:Notes\nDTSTART:20261210T090000Z\nDESCRIPTION:{notes}", VACATION)
    assert [a.uid for a in read(ics)] == ["v"]


def test_it_keeps_the_soonest_absence_when_a_feed_has_too_many() -> None:
    daily = [
        f"UID:d{n}\nSUMMARY:OOO\nDTSTART:20261220T{n % 24:02d}{n // 24:02d}00Z\nDURATION:PT1M\n"
        "RRULE:FREQ=DAILY"
        for n in range(50)
    ]
    absences = read(feed(*daily, "UID:soon\nSUMMARY:OOO\nDTSTART:20261209T090000Z\nDURATION:PT1H"))
    assert len(absences) == MAX_ABSENCES
    assert absences[0].uid == "soon"


@pytest.mark.parametrize(
    "body",
    [
        gzip.compress(feed(VACATION)),
        feed(VACATION).decode().encode("utf-16"),
        b"BEGIN:VCALENDAR\r\n" + b"BEGIN:X\r\n" * 5000 + b"END:X\r\n" * 5000 + b"END:VCALENDAR\r\n",
    ],
    ids=["gzip", "utf-16", "nested"],
)
def test_it_refuses_or_reads_a_strange_body_but_never_crashes(body: bytes) -> None:
    with suppress(NotACalendar):
        read(body)


def test_it_reads_a_feed_written_in_utf_16_with_its_byte_order_mark() -> None:
    assert [a.uid for a in read(feed(VACATION).decode().encode("utf-16"))] == ["v"]
