"""What one calendar event says of its person: marked away, not going, or cheap to expand."""

from datetime import date

from icalendar import BrokenCalendarProperty, Component

from bot.core.calendar_words import says_away

_OOF = "OOF"
_MARKS = ("X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-CDO-INTENDEDSTATUS")
# Google's secret iCal address exports an out-of-office event as an ordinary VEVENT: the API's
# eventType "outOfOffice" does not reach the feed, and TRANSP:OPAQUE is what every busy event
# carries. Only its title tells it apart ("Out of office", or the person's own words), so such
# events count through `says_away`, which knows Google's default titles in each language.


def is_marked(event: Component) -> bool:
    """Marked out of office by the calendar itself (Outlook's OOF)."""
    return any(str(event.get(name, "")).strip().upper() == _OOF for name in _MARKS)


def counts(event: Component, *, owner: str, marked_only: bool) -> bool:
    """Whether this event (one occurrence) says its calendar's owner is away."""
    if not_going(event, owner=owner):
        return False
    if is_marked(event):
        return True
    # An invitation someone else sent ("Bob OOO", to the team) is about them, not the owner.
    if marked_only or _organized_by_another(event, owner):
        return False
    return says_away(str(event.get("SUMMARY", "")))


def might_count(event: Component) -> bool:
    """Whether any occurrence of this event could count, before expanding it."""
    return is_marked(event) or says_away(str(event.get("SUMMARY", "")))


def not_going(event: Component, *, owner: str) -> bool:
    """Cancelled, tentative, or declined by the calendar's owner."""
    status = str(event.get("STATUS", "")).upper()
    busy = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    if status in {"CANCELLED", "TENTATIVE"} or busy == "TENTATIVE":
        return True
    answer = _owners_answer(event, owner)
    return answer in {"DECLINED", "TENTATIVE"}


def _attendees(event: Component) -> list[object]:
    """The event's attendees: icalendar gives one alone, several as a list."""
    found = event.get("ATTENDEE", [])
    return found if isinstance(found, list) else [found]


def _address(value: object) -> str:
    """An address to compare: "mailto:Alice@Example.com" is "alice@example.com"."""
    return str(value).strip().lower().removeprefix("mailto:")


def _owners_answer(event: Component, owner: str) -> str:
    """The owner's PARTSTAT: the attendee named like the calendar (Google), or the only one."""
    attendees = _attendees(event)
    mine = [a for a in attendees if owner and _address(a) == owner]
    if not mine and len(attendees) == 1:
        mine = attendees
    params = getattr(mine[0], "params", {}) if mine else {}
    return str(params.get("PARTSTAT", "")).upper()


def _organized_by_another(event: Component, owner: str) -> bool:
    """Organized by someone other than the calendar's known owner."""
    organizer = event.get("ORGANIZER")
    return bool(owner and organizer is not None and _address(organizer) != owner)


def calendar_owner(name: object) -> str:
    """The owner's address when the calendar is named by it, as Google names a primary one."""
    text = _address(name or "")
    return text if "@" in text and " " not in text else ""


def when(event: Component, name: str) -> date | None:
    """A date or time property; None when missing or broken (icalendar keeps those aside)."""
    try:
        value = getattr(event.get(name), "dt", None)
    except BrokenCalendarProperty:
        return None
    return value if isinstance(value, date) else None
