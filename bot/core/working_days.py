"""A person's working days: the weekdays they work, minus their region's public holidays."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from bot.core.holiday_regions import Region, holiday_name, is_holiday

# Stored keys, never shown: people read weekday names from CLDR in their own language.
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# What `/ooo week` reads without a reader's language: the keys and English names.
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ENGLISH_NAMES = MappingProxyType(
    {name: day for names in (WEEKDAY_KEYS, ENGLISH_DAYS) for day, name in enumerate(names)}
)
# A range's dash, and what keyboards and IMEs type for it: en and em dashes, minus signs, tildes
# and wave dashes (full-width ones are narrowed by NFKC first).
DASH = "-"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\u301c"
# Between days besides spaces: commas, including the ideographic and full-width ones.
SEPARATORS = ",\u3001\uff0c"
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


def read_week(text: str, names: Mapping[str, int] | None = None) -> frozenset[int]:
    """The weekdays in what a person types: "mon-thu", "Mo - Do", "月〜木", "mon,wed-fri" (ranges
    wrap); `names` maps folded day names to weekdays, the stored keys and English by default."""
    known = names or ENGLISH_NAMES
    days: set[int] = set()
    pending: int | None = None  # a day read, maybe the start of a range
    ranging = False
    for token in _tokens(text, known):
        if token == DASH:
            if pending is None or ranging:
                raise WeekError(WeekCode.UNKNOWN_DAY, day=text.strip())
            ranging = True
            continue
        day = known[token]
        if ranging and pending is not None:
            days.update((pending + step) % 7 for step in range((day - pending) % 7 + 1))
            pending, ranging = None, False
            continue
        if pending is not None:
            days.add(pending)
        pending = day
    if ranging:
        raise WeekError(WeekCode.UNKNOWN_DAY, day=text.strip())
    if pending is not None:
        days.add(pending)
    return checked_week(days)


def fold(word: str) -> str:
    """A day name as compared: full-width letters narrowed (NFKC), case and accents dropped,
    a trailing abbreviation dot left off ("Mo." is "mo", "mié" is "mie")."""
    narrow = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word).casefold())
    return "".join(c for c in narrow if not unicodedata.combining(c)).rstrip(".")


def _tokens(text: str, known: Mapping[str, int]) -> list[str]:
    """The day names and range dashes in `text`, longest name first; WeekError for anything else.

    Names are matched whole rather than split at dashes, since some contain one
    (Portuguese "segunda-feira")."""
    pattern = "|".join(re.escape(name) for name in sorted(known, key=len, reverse=True))
    day = re.compile(rf"(?:{pattern})\.?(?!\w)") if known else None
    folded, tokens, at = fold(text), [], 0
    for dash in DASHES:
        folded = folded.replace(dash, DASH)
    while at < len(folded):
        if folded[at].isspace() or folded[at] in SEPARATORS:
            at += 1
        elif folded[at] == DASH:
            tokens.append(DASH)
            at += 1
        elif day is not None and (found := day.match(folded, at)):
            tokens.append(found.group().rstrip("."))
            at = found.end()
        else:
            word = re.match(rf"[^\s{re.escape(SEPARATORS + DASH)}]+", folded[at:])
            raise WeekError(WeekCode.UNKNOWN_DAY, day=word.group() if word else folded[at:])
    return tokens


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
