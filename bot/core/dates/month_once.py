"""A bare day ending a range whose start named its month, where the month is written once.

Japanese, Korean and Chinese write a month once, at the start: "3月3日から7日まで" is 3 to
7 March, so "3月7日から3日まで" ends before it starts, as "du 7 au 3 mars" does. A range with no
month at all ("28日から2日まで") still rolls into the next month, and so does a short range
across a month's end ("12月28日から4日まで", the new year's week off): two weeks at most.
"""

import calendar
from dataclasses import replace

from . import days
from .piece import Context, Point


def in_start_month(end: Point | None, start: Point, ctx: Context) -> Point | None:
    """The end as it reads with the start's month written before it; None if that day is not."""
    if end is None or ctx.vocab.spaced or end.roll != "month" or end.day is None:
        return end
    if not start.named_month or start.day is None or start.span_end is not None:
        return end
    month, day_of_month = start.day.month, end.day.day
    if _short_across_month_end(start.day.year, month, start.day.day, day_of_month):
        return end
    if start.roll == "year":
        # No year said: the end reads as "3月3日" would, so the start may move with it.
        found = days.next_month_day(ctx.today, month, day_of_month)
        return replace(end, day=found, roll="year", named_month=True) if found else None
    found = days.add_months(start.day, 0, day_of_month)
    return replace(end, day=found, roll=None, named_month=True) if found else None


# A bare end day before the start's reads as the next month only this close to the start.
ACROSS_MONTH_END_DAYS = 14


def _short_across_month_end(year: int, month: int, first: int, last: int) -> bool:
    """Whether ending on day `last` of the next month keeps the range within two weeks."""
    if last >= first:
        return False
    return calendar.monthrange(year, month)[1] - first + last <= ACROSS_MONTH_END_DAYS
