"""A published feed as iCalendar text: one all-day or UTC event per absence, never a message."""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from icalendar import Calendar, Event, vDuration

from bot.core.feed_events import FeedEvent
from bot.texts import _, speaking

PRODID = "-//ooo//Out of office feed//EN"
# How often calendars should read the feed again: Apple and others read REFRESH-INTERVAL,
# Outlook and Google X-PUBLISHED-TTL (Google decides for itself, usually less often).
REFRESH = timedelta(hours=1)


def render_feed(
    events: Sequence[FeedEvent],
    *,
    title: str,
    names: Mapping[str, str],
    host: str,
    locale: str,
    own: bool,
) -> bytes:
    """The feed called `title` with these events, worded in `locale`; `names` are people's
    names by id; `own`: a person's own feed, whose events also say out of office to Outlook."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    with speaking(locale):
        for event in events:
            calendar.add_component(_event(event, names, host=host, locale=locale, own=own))
    body: bytes = calendar.to_ical()
    return body


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
    vevent.add("last-modified", changed)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    name = names.get(absence.owner_id) or absence.owner_id
    vevent.add("summary", _("{name} — out of office", name=name))
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
    zone, language = ZoneInfo(tz), _babel_locale(locale)
    local = back.astimezone(zone)
    if whole_days:
        return format_date(local.date(), format="full", locale=language)
    return format_datetime(local, format="full", tzinfo=zone, locale=language)


def _babel_locale(locale: str) -> Locale:
    """CLDR's data for a Slack locale ("es-LA" has none: Spanish then), English at worst."""
    for tag in (locale, locale.split("-", maxsplit=1)[0], "en"):
        try:
            return Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")
