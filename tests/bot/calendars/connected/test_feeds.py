"""Feeds as calendars export them, read into responders: Outlook's and Google's, and a recurring
absence with an exception and a moved occurrence."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.calendars.connected.refresh import Reader, refresh_feed
from bot.core.calendar_absences import read_absences
from tests.bot.calendars.conftest import FeedServer, connected
from tests.bot.calendars.connected.test_sync import feed_now, rows
from tests.conftest import NOW

EXPORTS = Path(__file__).parents[3] / "data" / "calendars"
PARIS = ZoneInfo("Europe/Paris")
FRIDAYS_OFF = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//ooo tests//EN
BEGIN:VEVENT
UID:fridays@example.com
DTSTAMP:20261101T000000Z
DTSTART;VALUE=DATE:20261204
DTEND;VALUE=DATE:20261205
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;VALUE=DATE:20261225
SUMMARY:PTO
X-MICROSOFT-CDO-BUSYSTATUS:OOF
END:VEVENT
BEGIN:VEVENT
UID:fridays@example.com
DTSTAMP:20261101T000000Z
RECURRENCE-ID;VALUE=DATE:20261211
DTSTART;VALUE=DATE:{moved}
DTEND;VALUE=DATE:{moved_end}
SUMMARY:PTO
X-MICROSOFT-CDO-BUSYSTATUS:OOF
END:VEVENT
END:VCALENDAR
"""


def fridays(moved: str, moved_end: str) -> bytes:
    """The recurring absence, its 11 December occurrence moved to `moved`."""
    text = FRIDAYS_OFF.format(moved=moved, moved_end=moved_end)
    return text.replace("\n", "\r\n").encode()


def paris(day: int) -> datetime:
    """Midnight in Paris on a December 2026 day, in UTC."""
    return datetime(2026, 12, day, tzinfo=PARIS).astimezone(UTC)


def test_it_makes_one_responder_per_occurrence_and_moves_only_the_one_moved(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.feeds["/fridays.ics"] = fridays("20261210", "20261211")
    feed = connected(engine, feed_server.url("/fridays.ics"))
    refresh_feed(engine, reader, feed, now=NOW)
    made = rows(engine)
    assert [(r.starts_at, r.ends_at) for r in made] == [
        (paris(4), paris(5)),
        (paris(10), paris(11)),
        (paris(18), paris(19)),
    ]
    assert len({r.occurrence for r in made}) == 3
    feed_server.feeds["/fridays.ics"] = fridays("20261209", "20261210")
    refresh_feed(engine, reader, feed_now(engine, feed), now=NOW)
    assert [(r.starts_at, r.revision) for r in rows(engine)] == [
        (paris(4), 0),
        (paris(9), 1),
        (paris(18), 0),
    ]


def test_it_reads_outlook_and_google_exports_into_as_many_responders_as_absences(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    for owner, export in (("UALICE", "outlook.ics"), ("UBOB", "google.ics")):
        body = (EXPORTS / export).read_bytes()
        feed_server.feeds[f"/{export}"] = body
        feed = connected(engine, feed_server.url(f"/{export}"), owner=owner)
        refresh_feed(engine, reader, feed, now=NOW)
        absences = read_absences(
            body, tz="Europe/Paris", now=NOW, horizon_days=90, marked_only=False
        )
        mine = [r for r in rows(engine) if r.owner_id == owner]
        assert absences and feed_now(engine, feed).found == len(absences)
        assert len(mine) + feed_now(engine, feed).overlapping == len(absences)
        assert {(r.starts_at, r.ends_at) for r in mine} <= {
            (a.starts_at, a.ends_at) for a in absences
        }
