"""A range as a short English preview: "Mon 30 Nov 00:00 → Tue 15 Dec, back Wed 16 Dec"."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .model import DateRange

# Spelled out rather than strftime("%a"), which follows the server's C locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date, year_unless: int | None = None) -> str:
    """ "Tue 15 Dec", with the year when it differs from year_unless."""
    text = f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]}"
    return text if value.year == year_unless else f"{text} {value.year}"


def moment(value: datetime, year_unless: int | None = None) -> str:
    """ "Tue 15 Dec 14:00" (the year only when it differs from year_unless)."""
    return f"{day(value.date(), year_unless)} {value:%H:%M}"


def describe_range(r: DateRange, tz: str) -> str:
    """How a range was understood, in tz: its start, last day and return day, or no end."""
    zone = ZoneInfo(tz)
    start = r.start.astimezone(zone)
    year = start.year
    head = f"{moment(start, year)} →"
    if r.end is None:
        return f"{head} until you turn it off · {tz}"
    end = r.end.astimezone(zone)
    if end.time() != time(0):
        return f"{head} {moment(end, year)} · {tz}"
    last = end.date() - timedelta(days=1)
    return f"{head} {day(last, year)}, back {day(end.date(), year)} · {tz}"
