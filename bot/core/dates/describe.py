"""A range previewed in the person's language: "Mon 30 Nov 00:00 → Tue 15 Dec, back Wed 16 Dec"."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from .languages import language_of
from .model import DateRange


def describe_range(r: DateRange, tz: str, locale: str | None = None) -> str:
    """How a range was understood, in tz: its start, last day and return day, or no end."""
    texts = language_of(locale).texts
    zone = ZoneInfo(tz)
    start = r.start.astimezone(zone)
    year = start.year
    head = texts.moment(start, year)
    if r.end is None:
        return f"{texts.permanent.format(start=head)} · {tz}"
    end = r.end.astimezone(zone)
    if end.time() != time(0):
        return f"{head} → {texts.moment(end, year)} · {tz}"
    last = texts.day_text(end.date() - timedelta(days=1), year)
    back = texts.day_text(end.date(), year)
    return f"{texts.back.format(start=head, last=last, back=back)} · {tz}"
