"""People's calendar feeds for the refresh bench: 50 events each, shaped like Google's and
Outlook's exports, served on loopback with ETags as calendar servers answer conditional reads."""

import hashlib
import random
import threading
from datetime import date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

EVENTS = 50
MEETINGS = ("Standup", "1:1 with Bob", "Sprint planning", "Design review", "Customer call")
MORE_MEETINGS = ("Roadmap sync", "Interview", "Retro", "Budget review", "Lunch & learn")
GOOGLE_ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo")
OUTLOOK_ZONE = "Europe/Paris"
# Outlook publishes its own zone definitions under Windows names.
WINDOWS_ZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]
# Occurrences each feed holds in the horizon: two vacations, a trip, and seven of the eight
# weekly days off (one taken back by EXDATE, one moved by RECURRENCE-ID).
ABSENCES = 10


def zone_of(person: int) -> str:
    """The person's zone: Outlook people (odd numbers) in Paris, Google people around the world."""
    return OUTLOOK_ZONE if person % 2 else GOOGLE_ZONES[person % 3]


def _utc(moment: datetime) -> str:
    """A wall time written as UTC, as Google writes every timed event."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    """A whole day, as VALUE=DATE writes it."""
    return day.strftime("%Y%m%d")


def _local(moment: datetime) -> str:
    """A wall time in the zone its TZID names."""
    return moment.strftime("%Y%m%dT%H%M%S")


class Writer:
    """One person's feed, written the way their calendar (Google or Outlook) exports it."""

    def __init__(self, person: int) -> None:
        self.person, self.outlook = person, bool(person % 2)
        self.mail = f"person{person}@example.com"
        self.lines: list[str] = []

    def event(self, uid: str, title: str, when: list[str], *extra: str, busy: str = "BUSY") -> None:
        """A VEVENT; Outlook's carry its busy status, Google's their organizer and attendee."""
        self.lines += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z", *when]
        self.lines += [f"SUMMARY:{title}", "STATUS:CONFIRMED", "TRANSP:OPAQUE", *extra]
        if self.outlook:
            self.lines += [f"X-MICROSOFT-CDO-BUSYSTATUS:{busy}", "X-MICROSOFT-CDO-IMPORTANCE:1"]
        else:
            self.lines += [
                f"ORGANIZER;CN=Person {self.person}:mailto:{self.mail}",
                f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{self.mail}",
            ]
        self.lines.append("END:VEVENT")

    def timed(self, start: datetime, end: datetime) -> list[str]:
        """Start and end: Outlook's in its own zone's wall time, Google's in UTC."""
        if self.outlook:
            zone = "TZID=W. Europe Standard Time"
            return [f"DTSTART;{zone}:{_local(start)}", f"DTEND;{zone}:{_local(end)}"]
        return [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}"]

    def calendar(self) -> bytes:
        """The whole feed, CRLF lines as RFC 5545 writes them."""
        if self.outlook:
            head = ["PRODID:Microsoft Exchange Server 2010", "X-WR-CALNAME:Calendar"]
            head += WINDOWS_ZONE
        else:
            head = ["PRODID:-//Google Inc//Google Calendar 70.9054//EN", "CALSCALE:GREGORIAN"]
            head += [f"X-WR-CALNAME:{self.mail}", f"X-WR-TIMEZONE:{zone_of(self.person)}"]
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", *head, *self.lines]
        return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def feed(person: int, now: datetime, *, edition: int = 0) -> bytes:
    """The person's 50 events over the 90 days from `now` (a month back too); each later
    edition moves their first vacation one more day on."""
    rng, writer = random.Random(person), Writer(person)
    today = now.date()
    _absences(writer, rng, today, edition)
    # 42 single meetings and 3 recurring ones: with the 5 absence events, 50 in all.
    for number in range(EVENTS - 5 - 3):
        day = today + timedelta(days=rng.randint(-30, 89))
        start = datetime(day.year, day.month, day.day, rng.randint(8, 17), 0)
        title = rng.choice(MEETINGS + MORE_MEETINGS)
        writer.event(f"m{number}-{person}", title, writer.timed(start, start + timedelta(hours=1)))
    _series(writer, today)
    return writer.calendar()


def _absences(writer: Writer, rng: random.Random, today: date, edition: int) -> None:
    """Weekly days off, an out-of-office trip, then two all-day vacations: none overlapping
    another (ooo would leave such an occurrence out), the first vacation moved by `edition`."""
    monday = _days_off(writer, today)
    leaves = datetime.combine(monday + timedelta(weeks=rng.randint(1, 6)), time(7))
    title, marks = ("Trip to Lyon", ["X-MICROSOFT-CDO-INTENDEDSTATUS:OOF"])
    if not writer.outlook:
        title, marks = "Out of office", []
    when = writer.timed(leaves, leaves + timedelta(days=2))
    writer.event(f"trip-{writer.person}", title, when, *marks, busy="OOF")
    first = monday + timedelta(weeks=8, days=rng.randint(0, 6))
    vacation = "Urlaub" if writer.outlook else "Vacation"
    moved = first + timedelta(days=edition)
    for uid, begins, days in (("vac1", moved, 5), ("vac2", first + timedelta(days=12), 3)):
        when = [f"DTSTART;VALUE=DATE:{_day(begins)}"]
        when.append(f"DTEND;VALUE=DATE:{_day(begins + timedelta(days=days))}")
        sequence = f"SEQUENCE:{edition if uid == 'vac1' else 0}"
        writer.event(f"{uid}-{writer.person}", vacation, when, sequence, busy="OOF")


def _days_off(writer: Writer, today: date) -> date:
    """Every Friday off for eight weeks, but the third, and the fifth taken on Thursday; the
    Monday before the first."""
    friday = today + timedelta(days=(4 - today.weekday()) % 7 + 7)
    uid = f"dayoff-{writer.person}"
    rule = [f"DTSTART;VALUE=DATE:{_day(friday)}", f"DTEND;VALUE=DATE:{_day(friday + timedelta(1))}"]
    rule += ["RRULE:FREQ=WEEKLY;COUNT=8", f"EXDATE;VALUE=DATE:{_day(friday + timedelta(14))}"]
    writer.event(uid, "Day off", rule, busy="OOF")
    moved = friday + timedelta(days=28)
    when = [
        f"RECURRENCE-ID;VALUE=DATE:{_day(moved)}",
        f"DTSTART;VALUE=DATE:{_day(moved - timedelta(1))}",
    ]
    writer.event(uid, "Day off", [*when, f"DTEND;VALUE=DATE:{_day(moved)}"], busy="OOF")
    return friday - timedelta(days=4)


def _series(writer: Writer, today: date) -> None:
    """Three recurring meetings, as every work calendar has: a daily standup, a weekly 1:1 and a
    planning every other week, started well before now."""
    began = today - timedelta(days=120)
    for uid, rule in (
        ("standup", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("one-on-one", "RRULE:FREQ=WEEKLY;BYDAY=TU"),
        ("planning", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ):
        start = datetime(began.year, began.month, began.day, 9, 30)
        when = writer.timed(start, start + timedelta(minutes=30))
        writer.event(f"{uid}-{writer.person}", uid.title(), [*when, rule])


def publish_all(server: "FeedServer", people: int, now: datetime, *, edition: int = 0) -> list[str]:
    """Serve everyone's feed as of this edition; their URLs."""
    return [server.publish(f"/feeds/{n}.ics", feed(n, now, edition=edition)) for n in range(people)]


class FeedServer:
    """Serves each path's feed with an ETag, 304 when the reader already has it."""

    def __init__(self) -> None:
        self.feeds: dict[str, tuple[bytes, str]] = {}
        feeds = self.feeds

        class Handler(BaseHTTPRequestHandler):
            """Answers a calendar client's conditional GET."""

            def do_GET(self) -> None:
                """The feed, or 304 when the reader's ETag is still its own."""
                body, etag = feeds[self.path]
                fresh = self.headers.get("If-None-Match") != etag
                self.send_response(200 if fresh else 304)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(body) if fresh else 0))
                self.end_headers()
                if fresh:
                    self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                """Quiet: a thousand reads a pass."""

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self._http.server_address[1]}"
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def publish(self, path: str, body: bytes) -> str:
        """Serve this body at `path` (replacing what was there); its URL."""
        self.feeds[path] = (body, '"' + hashlib.sha256(body).hexdigest()[:16] + '"')
        return f"http://{self.host}{path}"

    def close(self) -> None:
        """Stop serving."""
        self._http.shutdown()
        self._http.server_close()
