"""A person's working days: the weekdays they work, minus their region's public holidays."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.core.holiday_regions import Region, holiday_name, is_holiday

# Stored keys, never shown: people read weekday names from CLDR in their own language.
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# What `/ooo week` also reads, as typed in English (the help shows the keys).
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Monday to Friday, as `date.weekday()` numbers them.
DEFAULT_WEEK = frozenset(range(5))
# A week with a working day has one within 7 days plus a run of holidays; a year bounds the
# search should a region ever list a longer run.
SEARCH_DAYS = 366


class WeekCode(StrEnum):
    """Why a working week is refused; the catalog words each one."""

    EMPTY = "week_empty"
    UNKNOWN_DAY = "week_unknown_day"


class WeekError(ValueError):
    """A working week that cannot be read, with its code and the offending part."""

    def __init__(self, code: WeekCode, /, **params: str) -> None:
        super().__init__(code.value, params)
        self.code = code
        self.params = params


def parse_week(text: str) -> frozenset[int]:
    """The weekdays (Monday = 0) in a stored week like "mon,tue,wed,thu"; WeekError if none."""
    days: set[int] = set()
    for part in text.split(","):
        key = part.strip().casefold()
        if not key:
            continue
        if key not in WEEKDAY_KEYS:
            raise WeekError(WeekCode.UNKNOWN_DAY, day=part.strip())
        days.add(WEEKDAY_KEYS.index(key))
    return checked_week(days)


def read_week(text: str) -> frozenset[int]:
    """The weekdays in what a person types: "mon-thu", "sun-thu", "mon,wed-fri" (ranges wrap)."""
    days: set[int] = set()
    for part in text.replace(" ", ",").split(","):
        first, dash, last = part.strip().casefold().partition("-")
        if not first:
            continue
        start, end = _key(first), _key(last) if dash else None
        if end is None:
            days.add(start)
            continue
        days.update((start + step) % 7 for step in range((end - start) % 7 + 1))
    return checked_week(days)


def _key(word: str) -> int:
    """A weekday's number from its stored key or its English name ("monday")."""
    for index, key in enumerate(WEEKDAY_KEYS):
        if word[:3] == key and word in (key, ENGLISH_DAYS[index]):
            return index
    raise WeekError(WeekCode.UNKNOWN_DAY, day=word)


def checked_week(days: set[int] | frozenset[int]) -> frozenset[int]:
    """The week as a frozenset, refused when it has no working day or a number not a weekday."""
    if not days:
        raise WeekError(WeekCode.EMPTY)
    strays = sorted(day for day in days if day not in range(7))
    if strays:
        raise WeekError(WeekCode.UNKNOWN_DAY, day=str(strays[0]))
    return frozenset(days)


def format_week(week: frozenset[int]) -> str:
    """The stored form of a week, Monday first: "mon,tue,wed,thu"."""
    return ",".join(WEEKDAY_KEYS[day] for day in sorted(week))


@dataclass(frozen=True)
class Schedule:
    """When a person works: their working weekdays and their holiday region (None: no holidays).

    The week is checked on construction, so every search below ends.
    """

    week: frozenset[int] = DEFAULT_WEEK
    region: Region | None = None

    def __post_init__(self) -> None:
        """Refuse a week without a working day (WeekError)."""
        checked_week(self.week)


# Monday to Friday without holidays: ooo's default until a workspace chooses.
DEFAULT_SCHEDULE = Schedule()


def is_working_day(day: date, schedule: Schedule) -> bool:
    """Whether the person works on `day`: a working weekday that is not a public holiday."""
    if day.weekday() not in schedule.week:
        return False
    return schedule.region is None or not is_holiday(schedule.region, day)


def holiday_on(day: date, schedule: Schedule, locale: str | None = None) -> str | None:
    """The name of the public holiday on `day` in the person's region, in `locale` if offered."""
    if schedule.region is None:
        return None
    return holiday_name(schedule.region, day, locale)


def next_working_day(day: date, schedule: Schedule) -> date:
    """The first working day on or after `day`."""
    for offset in range(SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if is_working_day(candidate, schedule):
            return candidate
    return day  # no working day in a year: say the day itself rather than search forever


def last_working_day(day: date, schedule: Schedule) -> date:
    """The last working day on or before `day`."""
    for offset in range(SEARCH_DAYS):
        candidate = day - timedelta(days=offset)
        if is_working_day(candidate, schedule):
            return candidate
    return day  # no working day in a year: say the day itself rather than search forever


def working_days(first: date, until: date, schedule: Schedule) -> list[date]:
    """The person's working days from `first` up to, not including, `until`."""
    count = (until - first).days
    days = (first + timedelta(days=offset) for offset in range(max(count, 0)))
    return [day for day in days if is_working_day(day, schedule)]
