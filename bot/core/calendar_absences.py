"""Absences read from an iCalendar feed: which events say a person is away, and when."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Absence:
    """One occurrence of an event that says its person is away, in UTC."""

    uid: str
    # The occurrence's RECURRENCE-ID (its original start, ISO) for a recurring event, else "".
    occurrence: str
    starts_at: datetime
    ends_at: datetime
    all_day: bool
    # Marked out of office by the calendar (Outlook's OOF, Google's out-of-office event).
    marked: bool
    title: str


class NotACalendar(Exception):
    """The body is not an iCalendar feed (an HTML login page, JSON, garbage)."""


def read_absences(
    ics: bytes, *, tz: str, now: datetime, horizon_days: int, marked_only: bool
) -> list[Absence]:
    """The absences in a feed from `now` to `horizon_days` ahead; all-day ones in `tz`."""
    raise NotImplementedError
