"""Turn a phrase's structure into real instants in the user's zone, then refuse what cannot be."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import days
from .model import DateError, DateRange, Weekday
from .phrases import Plan
from .piece import Context, Point
from .times import TimeOfDay

# Rolling a year-less or month-less end forward: a year suffices for any day of month.
MAX_ROLLS = 12
# A period that may be over: a year-less day further ahead than this is last year's.
NEAREST = timedelta(days=183)


def localize(wall: datetime, zone: ZoneInfo) -> datetime:
    """An aware instant for a wall-clock time; a time skipped by a DST jump moves past the jump."""
    return wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def build(plan: Plan, ctx: Context, zone: ZoneInfo, now: datetime) -> DateRange:
    """The range a plan describes; DateError if it ends in the past (unless `ctx.past`) or
    before it starts."""
    now = now.astimezone(zone)
    start, end_point = plan.start, plan.end
    if ctx.past:
        start, end_point = _nearest(start, ctx.today), _nearest(end_point, ctx.today)
    if start and end_point:
        start, end_point = _shared_day(_anchor(start, end_point), end_point)
    begin = _start(start, ctx, zone, now)
    end = _end(plan, end_point, begin, zone)
    for _ in range(MAX_ROLLS):
        if end is None or _after_instant(end, begin) or end_point is None or not end_point.roll:
            break
        if _in_start_month(plan, end_point, begin):
            break  # "Dec 20 - Dec 10" ends before it starts, not a year later
        end_point = _rolled(end_point)
        end = _end(plan, end_point, begin, zone)
    for point in (start, end_point):  # once days have their month and have rolled
        _check_weekday(point)
    _check(begin, end, None if ctx.past else now)
    return DateRange(begin, end)


def start_of(plan: Plan, ctx: Context, zone: ZoneInfo, now: datetime) -> datetime:
    """The instant a plan starts at, as its range would start, though it may have no end."""
    return _start(plan.start, ctx, zone, now.astimezone(zone))


def _in_start_month(plan: Plan, end: Point, begin: datetime) -> bool:
    """Whether a year-less end falls in the month of a start that named its day of month."""
    said = plan.start is not None and plan.start.roll in ("month", "year")
    same = end.day is not None and (end.day.year, end.day.month) == (begin.year, begin.month)
    return said and same and end.roll == "year"


def _after_instant(later: datetime, earlier: datetime) -> bool:
    """Compare real instants: datetimes sharing a ZoneInfo compare by wall clock, ignoring fold."""
    return later.astimezone(UTC) > earlier.astimezone(UTC)


def _nearest(point: Point | None, today: date) -> Point | None:
    """A day said without its year, read as the nearest such day: "1 October" in November is
    the one just over, not next year's."""
    if point is None or point.day is None or point.roll != "year" or point.day - today < NEAREST:
        return point
    earlier = days.add_months(point.day, -12)
    return replace(point, day=earlier) if earlier else point


def _check(begin: datetime, end: datetime | None, now: datetime | None) -> None:
    if end is None:
        return
    if now is not None and not _after_instant(end, now):
        raise DateError("past", end=end)
    if not _after_instant(end, begin):
        raise DateError("backwards", end=end, start=begin)


def _at(day: date, time_of_day: TimeOfDay | None) -> datetime:
    wall = datetime.combine(day, time(0))
    if time_of_day is None:
        return wall
    return wall + timedelta(hours=time_of_day.hour, minutes=time_of_day.minute)


def _start(point: Point | None, ctx: Context, zone: ZoneInfo, now: datetime) -> datetime:
    """A start instant; no start, "now", or today without a time all mean now."""
    if point is None or point.now:
        return now
    day = point.day or ctx.today
    if point.time is None and day == ctx.today:
        return now
    return localize(_at(day, point.time), zone)


def _end(plan: Plan, point: Point | None, begin: datetime, zone: ZoneInfo) -> datetime | None:
    """An end instant: inclusive ends run to the next midnight, "back on" ends at it."""
    first_day = begin.date()
    if plan.end_kind == "permanent":
        return None
    if plan.end_kind == "duration":
        return _after(plan, begin, zone)
    if plan.end_kind == "single":
        point = plan.start
    if point is None or point.now:
        return begin
    if plan.end_kind == "single":
        day = point.span_end or (point.day or first_day) + timedelta(days=1)
        return localize(_at(day, None), zone)
    day = point.day or first_day
    if point.time is not None:
        said = plan.start.time if plan.start else None
        if point.day is None and said and _clock(point.time) <= _clock(said):
            # "from 10pm to 2am", "22時から3時まで": a time alone after a later one is overnight.
            day += timedelta(days=1)
        return localize(_at(day, point.time), zone)
    if plan.end_kind == "inclusive":
        day = point.span_end or day + timedelta(days=1)
    return localize(_at(day, None), zone)


def _after(plan: Plan, begin: datetime, zone: ZoneInfo) -> datetime:
    """ "for 3 days" counts calendar days from the start day; "for 2 hours" counts real hours."""
    if plan.unit == "hour":
        return (begin.astimezone(UTC) + timedelta(hours=plan.count)).astimezone(zone)
    length = plan.count * (7 if plan.unit == "week" else 1)
    # "a day starting Friday at 5 pm" keeps its hour; "for 3 days" from now runs to midnight.
    kept = plan.start.time if plan.start else None
    return localize(_at(begin.date() + timedelta(days=length), kept), zone)


def _rolled(point: Point) -> Point:
    """The same end a week, a month or a year later, as far as its words allow."""
    assert point.day is not None  # only dated points can roll
    if point.roll == "week":
        return replace(point, day=point.day + timedelta(days=7))
    step = 1 if point.roll == "month" else 12
    for times in range(1, 9):
        later = days.add_months(point.day, step * times)
        if later is not None:
            return replace(point, day=later)
    return replace(point, roll=None)


def _anchor(start: Point, end: Point) -> Point:
    """Place a start that names no year (or no month) at the latest such day up to its end.

    "du 3 au 7 décembre" borrows December, "March 3 - April 7, 2027" the year 2027;
    "Nov 20 - Nov 30" said on 27 November is the absence under way, not next year's.
    """
    if end.day is None or start.day is None:
        return start
    if start.roll == "month" and end.named_month:
        candidates = [days.add_months(end.day, m, start.day.day) for m in (0, -1, -2)]
        # "du 28 au 2 janvier" crosses a month's end; "du 20 au 10 décembre" ends before it
        # starts, whatever month the 20th might have been taken from.
        candidates = [c for c in candidates if c and (c.month == end.day.month or _short(c, end))]
    elif start.roll == "year" and end.named_month:
        # The end's year, said ("March 3 - April 7, 2027") or not, reaches a start without one;
        # an earlier year only across a new year ("Dec 20 - Jan 3"), never "Dec 20 - Dec 10".
        years = range(end.day.year - start.day.year, -3, -1)
        candidates = [days.add_months(start.day, 12 * y) for y in years]
        candidates = [c for c in candidates if c and (c.year == end.day.year or _crosses(c, end))]
    else:
        return start
    # None fits: the end's own month or year, so the range is refused as ending before it starts.
    fits = (c for c in candidates if c is not None and c <= end.day)
    found = next(fits, next(iter(candidates), None))
    return replace(start, day=found, roll=None) if found else start


def _crosses(start: date, end: Point) -> bool:
    """Whether a start in an earlier year than its end is in a later month: across a new year."""
    return end.day is not None and start.month > end.day.month


def _short(start: date, end: Point) -> bool:
    """Whether a start from the month before its end leaves an absence of two weeks at most."""
    return end.day is not None and (end.day - start).days <= 14


def _shared_day(start: Point, end: Point) -> tuple[Point, Point]:
    """ "9am-5pm on Friday", "de 14h à 16h vendredi": a day said after the end's time is both's.

    "10pm-2am on Friday" is Friday night: it ends on Saturday.
    """
    said = start.time
    if start.day is None and said and end.time_first and end.day and end.time:
        start = replace(start, day=end.day)
        if _clock(end.time) <= _clock(said):
            end = replace(end, day=end.day + timedelta(days=1), roll=None)
    return start, end


def _check_weekday(point: Point | None) -> None:
    """A weekday said beside a day of month must be that day's, once the day has its month."""
    if point is None or point.day is None or point.weekday in (None, point.day.weekday()):
        return
    said, actual = Weekday(point.weekday), Weekday(point.day.weekday())
    raise DateError("weekday", date=point.day, actual=actual, said=said)


def _clock(time_of_day: TimeOfDay) -> tuple[int, int]:
    """A time of day as the wall clock orders it, whatever a DST jump does to the instant."""
    return time_of_day.hour, time_of_day.minute
