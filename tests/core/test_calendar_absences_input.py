"""Feeds that are not calendars, broken, huge or hostile: a clear refusal or a bounded answer."""

import time

import pytest

from bot.core.calendar_absences import MAX_ABSENCES, NotACalendar
from tests.core.calendar_feeds import feed, read

LOGIN_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><title>Sign in - Google Accounts</title></head>
<body><form action="/signin">Email or phone</form></body></html>
"""


@pytest.mark.parametrize(
    "body",
    [
        LOGIN_PAGE,
        b'{"kind": "calendar#events", "items": []}',
        b"",
        b"   \r\n",
        bytes(range(256)) * 8,
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice\r\nEND:VCARD\r\n",
        # A line without a colon, and a calendar that never ends.
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis is not a line\r\nEND:VCALENDAR\r\n",
        feed("UID:a\nSUMMARY:PTO\nDTSTART:20261210T090000Z\nDURATION:PT1H")[:-15],
        feed("UID:a\nSUMMARY:PTO\nDTSTART:20261210T090000Z", header="CALSCALE:CHINESE"),
    ],
)
def test_it_refuses_what_is_not_a_calendar(body: bytes) -> None:
    with pytest.raises(NotACalendar):
        read(body)


def test_it_reads_an_empty_calendar_as_no_absence() -> None:
    assert read(feed()) == []


def test_it_skips_a_broken_event_and_reads_the_others() -> None:
    ics = feed(
        "UID:broken\nSUMMARY:Vacation\nDTSTART:2026XX10T090000Z\nDTEND:20261211T090000Z",
        "UID:bad-rule\nSUMMARY:Vacation\nDTSTART:20261210T090000Z\nDURATION:PT1H\nRRULE:FREQ=NO",
        "UID:fine\nSUMMARY:Vacation\nDTSTART:20261212T090000Z\nDTEND:20261213T090000Z",
    )
    assert [a.uid for a in read(ics)] == ["fine"]


def test_it_reads_an_event_listed_twice_once() -> None:
    event = "UID:twice\nSUMMARY:PTO\nDTSTART:20261212T090000Z\nDTEND:20261213T090000Z"
    assert len(read(feed(event, event))) == 1


def test_it_names_an_event_without_uid_the_same_at_each_read() -> None:
    ics = feed("SUMMARY:Urlaub\nDTSTART;VALUE=DATE:20261214\nDTEND;VALUE=DATE:20261215")
    first, again = read(ics), read(ics)
    assert first[0].uid == again[0].uid
    assert first[0].uid.startswith("ooo-")


def test_it_counts_an_invitation_only_when_marked_out_of_office() -> None:
    invited = (
        "SUMMARY:Bob OOO\nORGANIZER:mailto:bob@example.com\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com\n"
        "DTSTART;VALUE=DATE:20261214\nDTEND;VALUE=DATE:20261215"
    )
    ics = feed(
        f"UID:a\n{invited}",
        f"UID:b\n{invited}\nX-MICROSOFT-CDO-BUSYSTATUS:OOF",
        header="X-WR-CALNAME:alice@example.com",
    )
    assert [a.uid for a in read(ics)] == ["b"]


@pytest.mark.parametrize(
    "answer",
    ["PARTSTAT=DECLINED", "PARTSTAT=TENTATIVE"],
)
def test_it_leaves_out_what_the_only_attendee_did_not_accept(answer: str) -> None:
    ics = feed(
        f"UID:a\nSUMMARY:Company holiday\nATTENDEE;{answer}:mailto:alice@example.com\n"
        "DTSTART;VALUE=DATE:20261214\nDTEND;VALUE=DATE:20261215\nX-MICROSOFT-CDO-BUSYSTATUS:OOF"
    )
    assert read(ics) == []


def test_it_returns_no_more_than_its_cap_from_a_huge_feed() -> None:
    events = [
        f"UID:e{n}\nSUMMARY:PTO\nDTSTART:20261210T{n % 24:02d}0000Z\nDURATION:PT1H"
        for n in range(2 * MAX_ABSENCES)
    ]
    absences = read(feed(*events))
    assert len(absences) == MAX_ABSENCES
    assert absences == sorted(absences, key=lambda a: a.starts_at)


@pytest.mark.parametrize(
    "rule",
    [
        # Every second since 2000, or every day since the year 1: seconds of work to expand.
        "DTSTART:20000101T090000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY",
        "DTSTART:20260101T090000Z\nDURATION:PT1M\nRRULE:FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30",
        "DTSTART:00010101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY",
    ],
)
def test_it_skips_rules_too_costly_to_expand(rule: str) -> None:
    ics = feed(
        f"UID:hostile\nSUMMARY:OOO\n{rule}",
        "UID:fine\nSUMMARY:OOO\nDTSTART:20261212T090000Z\nDTEND:20261213T090000Z",
    )
    started = time.perf_counter()
    absences = read(ics)
    assert [a.uid for a in absences] == ["fine"]
    assert time.perf_counter() - started < 2


def test_it_still_reads_a_yearly_event_from_long_ago() -> None:
    ics = feed("UID:y\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:19001225\nRRULE:FREQ=YEARLY")
    assert [a.occurrence for a in read(ics)] == ["2026-12-25"]


def test_it_cuts_a_very_long_title() -> None:
    ics = feed(f"UID:t\nSUMMARY:Vacation {'x' * 5000}\nDTSTART;VALUE=DATE:20261214")
    [absence] = read(ics)
    assert len(absence.title) == 200
