"""Absences read from an iCalendar feed: which events say a person is away, and when."""

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar, Component

from bot.core.calendar_bytes import NotACalendar, calendars_in
from bot.core.calendar_events import calendar_owner, counts, is_marked, might_count, when
from bot.core.calendar_walks import (
    TooCostly,
    WalkBudget,
    bounded_events,
    end_until_days,
    safe_to_expand,
    within_time,
)

__all__ = ["MAX_ABSENCES", "Absence", "NotACalendar", "read_absences"]

# A hostile or enormous feed must not cost more than this: occurrences looked at, and returned.
MAX_OCCURRENCES = 5000
MAX_ABSENCES = 500
MAX_TITLE = 200
_RECURRENCE = ("RRULE", "RDATE", "RECURRENCE-ID")
# All-day and floating events are read in the person's zone, which is up to 26 hours from UTC.
_MARGIN = timedelta(days=2)


@dataclass(frozen=True)
class Absence:
    """One occurrence of an event that says its person is away, in UTC."""

    uid: str
    # The occurrence's RECURRENCE-ID (its original start, ISO) for a recurring event, else "".
    occurrence: str
    starts_at: datetime
    ends_at: datetime
    all_day: bool
    # Marked out of office by the calendar: Outlook's OOF. Google's feed marks nothing (its
    # out-of-office events are known by their titles only, see calendar_events).
    marked: bool
    title: str


def read_absences(
    ics: bytes,
    *,
    tz: str,
    now: datetime,
    horizon_days: int,
    marked_only: bool,
    charset: str | None = None,
) -> list[Absence]:
    """The absences in a feed from `now` to `horizon_days` ahead; all-day ones in `tz`.

    `charset` is the one the server declared, tried when the feed is not UTF-8.
    """
    calendars = calendars_in(ics, charset=charset)
    budget = WalkBudget()
    end = now + timedelta(days=horizon_days)
    while True:
        found = _found(calendars, ZoneInfo(tz), (now, end), marked_only, budget)
        # Too many occurrences to look at: look at a shorter horizon, so the soonest are kept.
        if found is not None or end - now < timedelta(days=1):
            break
        end = now + (end - now) / 2
    return sorted((found or {}).values(), key=lambda a: (a.starts_at, a.uid))[:MAX_ABSENCES]


def _found(
    calendars: list[Calendar],
    zone: ZoneInfo,
    span: tuple[datetime, datetime],
    marked_only: bool,
    budget: WalkBudget,
) -> dict[tuple[str, str], Absence] | None:
    """The absences in the span in each calendar; None when past MAX_OCCURRENCES."""
    (now, end), seen = span, 0
    found: dict[tuple[str, str], Absence] = {}
    for calendar in calendars:
        owner = calendar_owner(calendar.get("X-WR-CALNAME"))
        trimmed = _candidates(calendar, now)
        for event in _occurrences(trimmed, zone, (now - _MARGIN, end + _MARGIN), budget):
            seen += 1
            if seen > MAX_OCCURRENCES:
                return None
            if not counts(event, owner=owner, marked_only=marked_only):
                continue
            absence = _absence(event, zone)
            # A feed may list an event twice; the first one read stands.
            if absence and absence.ends_at > now and absence.starts_at < end:
                found.setdefault((absence.uid, absence.occurrence), absence)
    return found


def _candidates(calendar: Calendar, now: datetime) -> Calendar:
    """The calendar with only the events that could be absences, so little is expanded.

    An event and its moved occurrences stay together: dropping a moved or cancelled
    occurrence would bring it back at its original time.
    """
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    kept = {_uid(e) for e in events if might_count(e) and within_time(e)}
    kept -= {_uid(e) for e in events if not safe_to_expand(e, now=now)}
    trimmed = Calendar()
    for name, value in calendar.items():
        trimmed[name] = value
    for component in calendar.subcomponents:
        if component.name == "VEVENT" and _uid(component) in kept:
            end_until_days(component)
        if component.name == "VTIMEZONE" or _uid(component) in kept:
            trimmed.add_component(component)
    return trimmed


def _uid(event: Component) -> str:
    """The event's UID, or one made from its start and title (feeds written by hand omit it)."""
    uid = event.get("UID")
    if uid is not None:
        return str(uid)
    made = f"{event.get('DTSTART', '')}|{event.get('SUMMARY', '')}".encode()
    return "ooo-" + hashlib.sha256(made).hexdigest()[:32]


def _occurrences(
    calendar: Calendar, zone: ZoneInfo, span: tuple[datetime, datetime], budget: WalkBudget
) -> Iterator[Component]:
    """Each occurrence of the calendar's events between two times, a series failing alone."""
    for event in calendar.walk("VEVENT"):
        if "UID" not in event:
            event["UID"] = _uid(event)
    recurring = {_uid(e) for e in calendar.walk("VEVENT") if any(k in e for k in _RECURRENCE)}
    try:
        # `of` also brings Google's X-WR-TIMEZONE feeds into standard form (x-wr-timezone).
        query = recurring_ical_events.of(
            calendar, components=[bounded_events(budget)], skip_bad_series=True
        )
    except (ValueError, TypeError) as error:  # a calendar scale other than Gregorian, say
        raise NotACalendar(str(error)[:200]) from error
    start, end = (moment.astimezone(zone) for moment in span)
    errors = (*query.suppressed_errors, ValueError, TypeError, OverflowError, TooCostly)
    for series in query.series:
        with contextlib.suppress(*errors):
            for occurrence in series.between(start, end):
                component = occurrence.as_component(False)
                if _uid(component) not in recurring:
                    del component["RECURRENCE-ID"]
                yield component


def _absence(event: Component, zone: ZoneInfo) -> Absence | None:
    """The absence one occurrence makes, or None when it lasts no time."""
    start, end = when(event, "DTSTART"), when(event, "DTEND")
    if start is None or end is None:
        return None
    starts_at, ends_at = _instant(start, zone), _instant(end, zone)
    if ends_at <= starts_at:
        return None
    return Absence(
        uid=_uid(event),
        occurrence=_occurrence(event),
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=not isinstance(start, datetime),
        marked=is_marked(event),
        title=str(event.get("SUMMARY", "")).strip()[:MAX_TITLE],
    )


def _instant(value: date, zone: ZoneInfo) -> datetime:
    """A date as its first moment in the person's zone, a floating time in that zone, in UTC."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), zone)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _occurrence(event: Component) -> str:
    """The original start of a recurring event's occurrence, which a move does not change."""
    original = when(event, "RECURRENCE-ID")
    if original is None:
        return ""
    if not isinstance(original, datetime):
        return original.isoformat()
    # A floating original start stays floating: the person's zone may change, its identity not.
    if original.tzinfo is None:
        return original.isoformat()
    return original.astimezone(UTC).isoformat()
