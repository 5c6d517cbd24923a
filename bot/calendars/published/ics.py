"""A published feed as iCalendar text: one all-day or UTC event per absence, never a message."""

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from icalendar import Calendar, Event, vDuration

from bot.core.published_events import FeedEvent
from bot.texts import _, speaking
from bot.texts.leave_types import type_label

PRODID = "-//ooo//calendar-feeds//EN"
# How often calendars should read the feed again: Apple and others read REFRESH-INTERVAL,
# Outlook and Google X-PUBLISHED-TTL (Google decides for itself, usually less often).
REFRESH = timedelta(hours=1)


END = b"END:VCALENDAR\r\n"
# Events drawn lately, kept so a feed read again after a few changes draws only those.
KEPT_EVENTS = 50_000


class DrawnEvents:
    """Events already drawn, by everything they are drawn from, the least used forgotten first."""

    def __init__(self, size: int = KEPT_EVENTS) -> None:
        self._size = size
        self._drawn: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        """An event's text, if it was drawn from exactly this."""
        with self._lock:
            found = self._drawn.get(key)
            if found is not None:
                self._drawn.move_to_end(key)
            return found

    def keep(self, key: Hashable, drawn: bytes) -> None:
        """Remember an event's text."""
        with self._lock:
            self._drawn[key] = drawn
            while len(self._drawn) > self._size:
                self._drawn.popitem(last=False)


def render_feed(
    events: Sequence[FeedEvent],
    *,
    title: str,
    names: Mapping[str, str],
    host: str,
    locale: str,
    own: bool,
    drawn: DrawnEvents | None = None,
) -> bytes:
    """The feed called `title` with these events, worded in `locale`; `names` are people's
    names by id; `own`: a person's own feed, whose events also say out of office to Outlook.

    Each event is drawn by icalendar on its own (or taken from `drawn`), then placed inside
    the calendar's own lines: the same text icalendar writes for the whole calendar.
    """
    bodies: list[bytes] = []
    drawn = drawn or DrawnEvents(0)
    with speaking(locale):
        for event in events:
            absence = event.absence
            used = (names.get(absence.owner_id), names.get(absence.backup_id or ""))
            key = (event, used, host, locale, own)
            found = drawn.get(key)
            if found is None:
                found = bytes(_event(event, names, host=host, locale=locale, own=own).to_ical())
                drawn.keep(key, found)
            bodies.append(found)
    head: bytes = _calendar(title).to_ical()
    assert head.endswith(END), "a calendar's text ends with its END line"
    return head.removesuffix(END) + b"".join(bodies) + END


def _calendar(title: str) -> Calendar:
    """The calendar's own properties: what it is, its name, how often to read it again."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    return calendar


def _event(
    event: FeedEvent, names: Mapping[str, str], *, host: str, locale: str, own: bool
) -> Event:
    """One absence: stable UID, its revision as SEQUENCE, free time (people plan around it)."""
    absence = event.absence
    changed = absence.updated_at.astimezone(UTC)
    vevent = Event()
    vevent.add("uid", f"responder-{absence.id}@{host}")
    vevent.add("sequence", absence.revision)
    # The moment the absence last changed, not the moment of reading: an unchanged feed reads
    # the same, byte for byte, so its ETag holds.
    vevent.add("dtstamp", changed)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    name = names.get(absence.owner_id) or absence.owner_id
    if absence.shown is None:
        vevent.add("summary", _("{name} — out of office", name=name))
    else:
        vevent.add("summary", _("{name} — {type}", name=name, type=type_label(absence.shown)))
    vevent.add("description", _description(event, names, locale=locale))
    vevent.add("transp", "TRANSPARENT")
    if own:
        vevent.add("x-microsoft-cdo-busystatus", "OOF")
    return vevent


def _description(event: FeedEvent, names: Mapping[str, str], *, locale: str) -> str:
    """When they are back and whom to turn to meanwhile; only that."""
    absence = event.absence
    if event.back is None:
        said = _("Until further notice.")
    else:
        said = _("Back {day}.", day=_moment(event.back, absence.tz, locale, event.whole_days))
    backup = names.get(absence.backup_id or "") or absence.backup_id
    if backup:
        said += "\n" + _("For anything urgent: {backup}", backup=backup)
    return said


def _moment(back: datetime, tz: str, locale: str, whole_days: bool) -> str:
    """A return day (or moment, with its zone) as the locale writes it, from CLDR."""
    language = _babel_locale(locale)
    local = back.astimezone(ZoneInfo(tz))
    day = format_date(local.date(), format="full", locale=language)
    if whole_days:
        return day
    return f"{day} {format_time(local, format='short', locale=language)} ({tz})"


@cache
def _babel_locale(locale: str) -> Locale:
    """CLDR's data for a Slack locale ("es-LA" has none: Spanish then), English at worst."""
    for tag in (locale, locale.split("-", maxsplit=1)[0], "en"):
        try:
            return Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")
