"""A team's absences over a period as the lines of an export: never a message, reasons hidden."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.dates import localize, parse_range
from bot.core.leave_types import LeaveType, LeaveTypeError, find, reason_hidden
from bot.core.report_periods import period_words
from bot.core.return_day import absence_working_days
from bot.core.working_days import Schedule

# What one export may hold: a CSV beyond these is no longer a list someone reads, and the
# upload (and the query behind it) would hold a worker for long.
MAX_PEOPLE = 2_000
MAX_ROWS = 50_000
# The default period: the current month and the next two.
DEFAULT_MONTHS = 3
# The longest period one export covers (ten years): a report's decade, not the whole calendar.
MAX_YEARS = 10
MAX_DAYS = MAX_YEARS * 365 + 3  # with their leap days
# The days an export may reach: one more either side would overflow in some time zone.
FIRST_DAY, LAST_DAY = date.min + timedelta(1), date.max - timedelta(1)


@dataclass(frozen=True)
class Period:
    """The calendar days an export covers, `first` to `last` included."""

    first: date
    last: date

    def start(self, tz: str) -> datetime:
        """The period's first moment in a zone."""
        return localize(datetime.combine(self.first, time(0)), ZoneInfo(tz))

    def end(self, tz: str) -> datetime:
        """The moment after the period's last day in a zone."""
        return localize(datetime.combine(self.last + timedelta(1), time(0)), ZoneInfo(tz))

    @property
    def widest(self) -> tuple[datetime, datetime]:
        """The moments that hold the period in every zone (UTC+14 to UTC-12), to query by."""
        return self.start("Etc/GMT-14"), self.end("Etc/GMT+12")


def default_period(today: date) -> Period:
    """This calendar month and the next two: 27 Nov gives 1 Nov to 31 Jan."""
    month = today.month - 1 + DEFAULT_MONTHS
    after = date(today.year + month // 12, month % 12 + 1, 1)
    return Period(today.replace(day=1), after - timedelta(1))


def period_of(start: datetime, end: datetime | None) -> Period:
    """The days a read phrase covers, in its own zone; a phrase without an end, its first day."""
    first = start.date()
    if end is None:
        return Period(first, first)
    last = end.date() - timedelta(1) if end.time() == time(0) else end.date()
    return Period(first, max(first, last))


class PeriodRefused(ValueError):
    """A period no export covers: `key` is "too_long" (over MAX_YEARS) or "off_calendar"."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def checked(period: Period) -> Period:
    """The period, if an export can cover it; PeriodRefused otherwise."""
    if period.first < FIRST_DAY or period.last > LAST_DAY:
        raise PeriodRefused("off_calendar")
    if (period.last - period.first).days >= MAX_DAYS:
        raise PeriodRefused("too_long")
    return period


def period_from_text(text: str, *, now: datetime, tz: str, locale: str | None) -> Period:
    """Read the dates typed after `export` in the reader's language and zone, over already
    (exports are of the past too); none typed, the default period. DateError when they are not
    dates, PeriodRefused when no export covers them."""
    words = " ".join(text.split())
    today = now.astimezone(ZoneInfo(tz)).date()
    if not words:
        return default_period(today)
    if named := period_words(words, today=today, locale=locale):
        return checked(Period(*named))
    try:
        found = parse_range(words, now=now, tz=tz, locale=locale, past=True)
    except OverflowError:  # a day past 9999 or before year 1, which no calendar has
        raise PeriodRefused("off_calendar") from None
    return checked(period_of(found.start, found.end))


@dataclass(frozen=True)
class Leave:
    """One personal absence as stored, with what an export may say of it."""

    person: str
    start: datetime
    end: datetime | None
    tz: str
    leave_type: str | None
    hide_reason: bool | None


@dataclass(frozen=True)
class Line:
    """One line of an export: whose, what type (None: unknown or hidden), when, working days.

    `start` and `end` are ISO dates for whole days (the end is the last day away), date-times
    in the absence's zone otherwise; `end` is "" while it lasts until turned off.
    """

    person: str
    leave_type: LeaveType | None
    start: str
    end: str
    tz: str
    working_days: int


class ExportTooLarge(ValueError):
    """An export with more people or lines than one may hold; `people` and `rows` say how many."""

    def __init__(self, *, people: int, rows: int) -> None:
        super().__init__(people, rows)
        self.people, self.rows = people, rows


def check_people(people: int) -> None:
    """Refuse a team too large to export before reading its absences."""
    if people > MAX_PEOPLE:
        raise ExportTooLarge(people=people, rows=0)


def check_rows(people: int, rows: int) -> None:
    """Refuse an export with more lines than one may hold."""
    if rows > MAX_ROWS:
        raise ExportTooLarge(people=people, rows=rows)


def lines(
    leaves: Iterable[Leave],
    period: Period,
    *,
    schedules: Mapping[str, Schedule],
    types: tuple[LeaveType, ...],
    workspace_hides: bool,
) -> list[Line]:
    """The lines of the absences that touch the period in their own zone, in the order given.

    Working days count only the days inside the period, by the person's week and holidays.
    """
    found: list[Line] = []
    bounds: dict[str, tuple[datetime, datetime]] = {}  # a few zones for thousands of absences
    for leave in leaves:
        if leave.tz not in bounds:
            bounds[leave.tz] = period.start(leave.tz), period.end(leave.tz)
        start, end = bounds[leave.tz]
        if leave.start >= end or (leave.end is not None and leave.end <= start):
            continue
        inside = (max(leave.start, start), end if leave.end is None else min(leave.end, end))
        days = absence_working_days(*inside, leave.tz, schedules[leave.person])
        first, last = _shown(leave.start, leave.end, leave.tz)
        kind = _shown_type(leave, types, workspace_hides)
        found.append(Line(leave.person, kind, first, last, leave.tz, days))
    return found


def _shown_type(leave: Leave, types: tuple[LeaveType, ...], hides: bool) -> LeaveType | None:
    """The absence's type, or None when its reason is hidden or it has none (saved before)."""
    if leave.leave_type is None:
        return None
    try:
        kind = find(types, leave.leave_type)
    except LeaveTypeError:  # a type since removed: say only "out of office"
        return None
    return None if reason_hidden(kind, chosen=leave.hide_reason, workspace_hides=hides) else kind


def _shown(start: datetime, end: datetime | None, tz: str) -> tuple[str, str]:
    """Start and end as written: dates for whole days, the last day away as the end."""
    zone = ZoneInfo(tz)
    local_start = start.astimezone(zone)
    local_end = end.astimezone(zone) if end is not None else None
    midnight = time(0)
    if local_start.time() == midnight and (local_end is None or local_end.time() == midnight):
        last = "" if local_end is None else (local_end.date() - timedelta(1)).isoformat()
        return local_start.date().isoformat(), last
    shown_end = "" if local_end is None else _minutes(local_end)
    return _minutes(local_start), shown_end


def _minutes(moment: datetime) -> str:
    """A local date-time to the minute, without its offset (the zone has its own column)."""
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")
