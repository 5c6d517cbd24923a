"""A day named by its parts: weekday, day of month, month and year words, or a numeric date."""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import days
from .piece import Context, Point

_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|o|a|º|ª)?$")
NUMERIC = re.compile(r"^(\d{1,4})[/.](\d{1,2})(?:[/.](\d{1,4}))?$")


@dataclass
class _Parts:
    """What the words of a piece said so far."""

    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    modified: bool = False
    short_month: bool = False  # "Aug", "mar": alone it may be another language's word


def read_parts(text: str, ctx: Context) -> tuple[bool, Point | None]:
    """Whether every word is a date word, and the day they name ("Monday 1 December", "24/12").

    Words that are all understood but name no day ("31 February", "13/24") are no day at all:
    nothing else gets to guess at them.
    """
    parts = _tokens(text, ctx)
    if parts is None:
        parts = _marked_month(text, ctx)
    return (False, None) if parts is None else (True, _resolve(parts, ctx))


def _tokens(text: str, ctx: Context) -> _Parts | None:
    """Sort each word into weekday, day, month or year; None at the first word that is none."""
    parts = _Parts()
    for raw in text.split():
        word = raw.strip(".") if not NUMERIC.match(raw.rstrip(".")) else raw.rstrip(".")
        if word in ctx.vocab.fillers:
            continue
        if not _assign(parts, word, ctx):
            return None
    return parts


def _marked_month(text: str, ctx: Context) -> _Parts | None:
    """ "in August", "en août 2027": a month alone after a word that only marks it."""
    for mark in ctx.vocab.month_marks:
        rest = text.removeprefix(f"{mark} ")
        parts = _tokens(rest, ctx) if rest != text else None
        if parts is not None and parts.month and parts.day is None and parts.weekday is None:
            return parts
    return None


def _assign(parts: _Parts, word: str, ctx: Context) -> bool:
    """Record one word in parts; False if it is unknown or says something twice."""
    vocab = ctx.vocab
    ordinal, numeric = _ORDINAL.match(word), NUMERIC.match(word)
    if word in vocab.modifiers:
        parts.modified = True
        return True
    if word in vocab.weekdays and parts.weekday is None:
        parts.weekday = vocab.weekdays[word]
    elif word in vocab.months and parts.month is None:
        parts.month = vocab.months[word]
        parts.short_month = any(o != word and o.startswith(word) for o in vocab.months)
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


def _resolve(parts: _Parts, ctx: Context) -> Point | None:
    """The date the parts name, seen from today, with any weekday said beside it."""
    today, week = ctx.today, ctx.week
    if parts.day is None and parts.weekday is None and parts.month:
        return _whole_month(parts, parts.month, today)
    if parts.day is None:
        if parts.weekday is None or parts.month or parts.year:
            return None
        if week is not None:
            return Point(day=week + timedelta(days=parts.weekday))
        return Point(day=days.next_weekday(today, parts.weekday), roll="week")
    if parts.modified:
        return None
    point = _dated(parts, parts.day, today, ctx.month)
    # The weekday is checked once the day is whole: "lundi 1er au vendredi 12 mars" borrows March.
    return replace(point, weekday=parts.weekday) if point else None


def _whole_month(parts: _Parts, month: int, today: date) -> Point | None:
    """ "August", "août 2027": all of it; "next Aug" or "mar" alone would be a guess."""
    if parts.modified or parts.short_month:
        return None
    bounds = days.whole_month(today, month, parts.year)
    return Point(day=bounds[0], span_end=bounds[1], named_month=True) if bounds else None


def _dated(parts: _Parts, day_of_month: int, today: date, month: date | None) -> Point | None:
    if parts.month is None:
        if parts.year is not None:
            return None
        if month is not None:  # "4 to 23 next month": that day of the month named
            found = days.add_months(month, 0, day_of_month)
            return Point(day=found, named_month=True) if found else None
        found = days.next_day_of_month(today, day_of_month)
        return Point(day=found, roll="month") if found else None
    if parts.year is None:
        found = days.next_month_day(today, parts.month, day_of_month)
        return Point(day=found, roll="year", named_month=True) if found else None
    try:
        return Point(day=date(parts.year, parts.month, day_of_month), named_month=True)
    except ValueError:
        return None
