"""The day an absent person is back, the day they are reminded of it, and the days they miss."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.dates import localize
from bot.core.working_days import Schedule, is_working_day, next_working_day, working_days


def local_days(start: datetime, end: datetime, tz: str) -> tuple[date, date]:
    """The absence's first local day and the local day after its last one (exclusive).

    An end at midnight leaves that day free ("until Friday" ends Saturday 00:00); an end later in
    the day counts the part-day as a day away.
    """
    zone = ZoneInfo(tz)
    first = start.astimezone(zone).date()
    local_end = end.astimezone(zone)
    until = local_end.date() if local_end.time() == time(0) else local_end.date() + timedelta(1)
    return first, max(until, first)


def return_day(end: datetime, tz: str, schedule: Schedule) -> date:
    """The day said everywhere as "back on": the first working day on or after the end's day.

    `end` is the exclusive end (the moment they are back). An absence to Friday 2 Jan 2026 ends
    Saturday 3 Jan 00:00, and its person is back Monday 5 Jan; in Bavaria one to Wednesday
    24 Dec 2025 is back Monday the 29th, after Christmas, St Stephen's Day and the weekend.
    """
    return next_working_day(end.astimezone(ZoneInfo(tz)).date(), schedule)


def return_moment(end: datetime, tz: str, schedule: Schedule) -> datetime:
    """The moment said as "back …": the end itself when its day is a working day (back Friday
    at 13:00), else the start of the return day (an end on Saturday 00:00 is back Monday)."""
    zone = ZoneInfo(tz)
    back = return_day(end, tz, schedule)
    if back == end.astimezone(zone).date():
        return end
    return localize(datetime.combine(back, time(0)), zone)


def reminder_day(start: datetime, end: datetime, tz: str, schedule: Schedule) -> date | None:
    """The day of the "you're back on …, extend?" reminder: the absence's last working day.

    That is the last day of the absence the person would otherwise have worked: Friday for an
    absence that ends on a Friday and returns on Monday, so the reminder comes at the end of a
    working week, as the return approaches, and never spends their weekend or a holiday on work.
    It is always before the return day (every day between the end and the return is off). An
    absence with no working day in it (a weekend away) falls back to its last day, as before
    working days existed; None when that is not a day of the absence. The caller still puts the
    reminder at its hour on this day and drops it when that moment is outside the absence.
    """
    zone = ZoneInfo(tz)
    first = start.astimezone(zone).date()
    # The day before the end's day: the last whole day away (an end at 13:00 is a day back).
    last = end.astimezone(zone).date() - timedelta(1)
    day = last
    while day >= first:
        if is_working_day(day, schedule):
            return day
        day -= timedelta(1)
    return last if last >= first else None


def absence_working_days(start: datetime, end: datetime, tz: str, schedule: Schedule) -> int:
    """How many of the person's working days the absence touches, in their zone."""
    first, until = local_days(start, end, tz)
    return len(working_days(first, until, schedule))
