"""A range previewed for the reader: "Mon, Nov 30, 09:00 → Tue, Dec 15, back Wed, Dec 16"."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from bot.core.dates import DateRange
from bot.core.return_day import return_day
from bot.core.working_days import Schedule
from bot.texts import dates
from bot.texts.catalog import _, speaking


def describe_range(
    r: DateRange, tz: str, locale: str | None = None, schedule: Schedule | None = None
) -> str:
    """How a range was understood, in tz: its start, last day and return day, or no end.

    `locale` speaks to that reader; without it, to the reader being spoken to already. With
    the owner's `schedule`, the return day is their next working day that is not a holiday.
    """
    if locale is not None:
        with speaking(locale):
            return describe_range(r, tz, schedule=schedule)
    zone = ZoneInfo(tz)
    start = r.start.astimezone(zone)
    year = start.year
    head = dates.moment(start, year)
    if r.end is None:
        return _("{start} → until you turn it off", start=head) + f" · {tz}"
    end = r.end.astimezone(zone)
    if end.time() != time(0):
        return f"{head} → {dates.moment(end, year)} · {tz}"
    last = dates.day(end.date() - timedelta(days=1), year)
    back_day = end.date() if schedule is None else return_day(end, tz, schedule)
    back = dates.day(back_day, year)
    return _("{start} → {last}, back {back}", start=head, last=last, back=back) + f" · {tz}"
