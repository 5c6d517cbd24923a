"""One end of a range read from a piece of a phrase: a day, a day and a time, a time, or a span."""

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from . import days, fallback
from .model import DateError
from .texts import Weekday
from .times import TimeOfDay, split_time
from .words import Vocab

_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|o|a|º|ª)?$")
FALLBACK_MAX = 40
_NUMERIC = re.compile(r"^(\d{1,4})[/.](\d{1,2})(?:[/.](\d{1,4}))?$")


@dataclass(frozen=True)
class Context:
    """What reading a piece depends on: the language, the user's wall-clock now, the date order."""

    vocab: Vocab
    now: datetime  # naive, on the user's wall clock
    order: str  # numeric dates: "mdy" (12/24), "dmy" (24/12) or "ymd" (2025/12/24, 12/24)
    week: date | None = None  # the Monday of a week the phrase named: its weekdays are in it

    @property
    def today(self) -> date:
        """The user's calendar day."""
        return self.now.date()


@dataclass(frozen=True)
class Point:
    """A day (None: only a time was said), its time, and how it may move if it ends too early."""

    day: date | None = None
    time: TimeOfDay | None = None
    span_end: date | None = None  # spans ("next week") cover [day, span_end)
    roll: str | None = None  # "week", "month" or "year": what a year-less, month-less day skips
    named_month: bool = False  # a month was said, so a bare day before it can borrow it
    now: bool = False


@dataclass
class _Parts:
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    modified: bool = False


def read_point(text: str, ctx: Context) -> Point | None:
    """Read one piece ("Monday 9am", "le 15", "next week"), or None if it is not a date."""
    if text in ctx.vocab.spans:  # before fillers go: "all week", "toute la semaine"
        return _read_day(text, ctx)
    text = _strip_fillers(text, ctx.vocab)
    if text in ctx.vocab.now:
        return Point(day=ctx.today, now=True)
    split = split_time(text, ctx.vocab)
    if split is None:
        return None
    rest, time_of_day = split
    if time_of_day is not None:
        rest = _strip_last_start(rest, ctx.vocab)
    rest = _strip_fillers(rest, ctx.vocab)
    if not rest:
        return Point(time=time_of_day) if time_of_day else None
    point = _read_day(rest, ctx)
    if point is None or (time_of_day and point.span_end):
        return None
    return replace(point, time=time_of_day)


def _strip_fillers(text: str, vocab: Vocab) -> str:
    """Drop words with no date meaning around a piece: "the 15th", "明日の"."""
    words = text.replace(",", " ").split()
    while words and words[0] in vocab.fillers:
        words.pop(0)
    while words and words[-1] in vocab.fillers:
        words.pop()
    return " ".join(words)


def _strip_last_start(text: str, vocab: Vocab) -> str:
    """ "tomorrow from 2pm to 5pm": once the time is out, "from" is left dangling."""
    words = text.split()
    return " ".join(words[:-1] if words and words[-1] in vocab.starts else words)


def _read_day(text: str, ctx: Context) -> Point | None:
    vocab = ctx.vocab
    if text in vocab.days:
        return Point(day=ctx.today + timedelta(days=int(vocab.days[text])))
    if text in vocab.spans:
        bounds = days.span(vocab.spans[text], ctx.today)
        return Point(day=bounds[0], span_end=bounds[1]) if bounds else None
    ahead = _read_within(text, ctx) or _read_after(text, ctx)
    if ahead is not None:
        return ahead
    parts = _tokens(text, ctx)
    if parts is not None:
        return _resolve(parts, ctx.today, ctx.week)
    return _fallback(text, ctx)


def _read_within(text: str, ctx: Context) -> Point | None:
    """ "in 3 days", "dans 2 semaines", "in 2 Wochen", "en 3 días": a whole day ahead."""
    words = text.split()
    for prefix in ctx.vocab.within:
        head = prefix.split()
        if words[: len(head)] == head and len(words) == len(head) + 2:
            count = read_count(words[-2], ctx.vocab)
            unit = ctx.vocab.units.get(words[-1])
            if count is not None and unit in ("day", "week"):
                return Point(day=ctx.today + timedelta(days=count * (7 if unit == "week" else 1)))
    return None


def _read_after(text: str, ctx: Context) -> Point | None:
    """ "a week from Monday", "two days after Dec 24": that one day."""
    words = text.split(maxsplit=3)
    if len(words) < 4 or words[2] not in ctx.vocab.ahead:
        return None
    count, unit = read_count(words[0], ctx.vocab), ctx.vocab.units.get(words[1])
    base = _read_day(words[3], ctx) if count is not None and unit in ("day", "week") else None
    if base is None or base.day is None or base.span_end is not None or count is None:
        return None
    return Point(day=base.day + timedelta(days=count * (7 if unit == "week" else 1)))


def read_count(word: str, vocab: Vocab) -> int | None:
    """A small count written as digits or as a word ("3", "three", "trois", "drei", "tres")."""
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return vocab.numbers.get(word)


def _tokens(text: str, ctx: Context) -> _Parts | None:
    """Sort each word into weekday, day, month or year; None at the first word that is none."""
    parts = _Parts()
    for raw in text.split():
        word = raw.strip(".") if not _NUMERIC.match(raw.rstrip(".")) else raw.rstrip(".")
        if word in ctx.vocab.fillers:
            continue
        if not _assign(parts, word, ctx):
            return None
    return parts


def _assign(parts: _Parts, word: str, ctx: Context) -> bool:
    """Record one word in parts; False if it is unknown or says something twice."""
    vocab = ctx.vocab
    ordinal, numeric = _ORDINAL.match(word), _NUMERIC.match(word)
    if word in vocab.modifiers:
        parts.modified = True
        return True
    if word in vocab.weekdays and parts.weekday is None:
        parts.weekday = vocab.weekdays[word]
    elif word in vocab.months and parts.month is None:
        parts.month = vocab.months[word]
    elif ordinal and parts.day is None and 1 <= int(ordinal[1]) <= 31:
        parts.day = int(ordinal[1])
    elif re.fullmatch(r"\d{4}", word) and parts.year is None:
        parts.year = int(word)
    elif numeric and parts.day is None and parts.month is None:
        return _assign_numeric(parts, numeric, ctx.order)
    else:
        return False
    return True


def _assign_numeric(parts: _Parts, numeric: re.Match[str], order: str) -> bool:
    first, second, third = numeric.groups()
    if len(first) == 4:
        if third is None or len(third) > 2:
            return False
        parts.year, parts.month, parts.day = int(first), int(second), int(third)
        return True
    if len(first) > 2 or (third is not None and (len(third) not in (2, 4) or order == "ymd")):
        return False  # "1/2/3" is no date, and ja, ko, zh write the year first
    month, day = (int(second), int(first)) if order == "dmy" else (int(first), int(second))
    parts.month, parts.day = month, day
    if third is not None:
        parts.year = int(third) + (2000 if len(third) == 2 else 0)
    return True


def _resolve(parts: _Parts, today: date, week: date | None) -> Point | None:
    """The date the parts name, seen from today; DateError if its weekday contradicts it."""
    if parts.day is None:
        if parts.weekday is None or parts.month or parts.year:
            return None
        if week is not None:
            return Point(day=week + timedelta(days=parts.weekday))
        return Point(day=days.next_weekday(today, parts.weekday), roll="week")
    if parts.modified:
        return None
    point = _dated(parts, parts.day, today)
    said = parts.weekday
    if point is not None and point.day is not None and said not in (None, point.day.weekday()):
        actual = Weekday(point.day.weekday())
        raise DateError("weekday", date=point.day, actual=actual, said=Weekday(said))
    return point


def _dated(parts: _Parts, day_of_month: int, today: date) -> Point | None:
    if parts.month is None:
        if parts.year is not None:
            return None
        found = days.next_day_of_month(today, day_of_month)
        return Point(day=found, roll="month") if found else None
    if parts.year is None:
        found = days.next_month_day(today, parts.month, day_of_month)
        return Point(day=found, roll="year", named_month=True) if found else None
    try:
        return Point(day=date(parts.year, parts.month, day_of_month), named_month=True)
    except ValueError:
        return None


def _fallback(text: str, ctx: Context) -> Point | None:
    """Ask dateparser only about text that looks like a calendar date (digits or a month)."""
    words = text.replace(".", " ").split()
    # No calendar date is long or holds a long number; dateparser is slow on such text.
    if not ctx.vocab.dateparser or len(text) > FALLBACK_MAX or re.search(r"\d{5}", text):
        return None
    if not any(c.isdigit() for c in text) and not any(w in ctx.vocab.months for w in words):
        return None
    found = fallback.calendar_date(text, ctx.vocab.code, ctx.today, ctx.order)
    said = next((ctx.vocab.weekdays[w] for w in words if w in ctx.vocab.weekdays), None)
    if found and said is not None and said != found.weekday():
        # dateparser ignores a weekday that contradicts the date: say so rather than pick one.
        raise DateError("weekday", date=found, actual=Weekday(found.weekday()), said=Weekday(said))
    return Point(day=found) if found else None
