"""One end of a range read from a piece of a phrase: a day, a day and a time, a time, or a span."""

import re
from dataclasses import replace
from datetime import date, timedelta

from . import days, fallback, periods
from .dayparts import read_parts
from .model import DateError, Weekday
from .piece import Context, Point
from .times import split_time
from .words import Vocab

FALLBACK_MAX = 40


def read_point(text: str, ctx: Context) -> Point | None:
    """Read one piece ("Monday 9am", "le 15", "next week"), or None if it is not a date."""
    # Before fillers go: "all week", "toute la semaine", "em 3 dias" ("em" is also "on").
    early = _read_day(text, ctx) if text in ctx.vocab.spans else _read_within(text, ctx)
    if early is not None:
        return early
    text = _strip_fillers(text, ctx.vocab)
    if text in ctx.vocab.now:
        return Point(day=ctx.today, now=True)
    split = split_time(text, ctx.vocab)
    if split is None:
        return None
    rest, time_of_day = split
    time_first = time_of_day is not None and bool(rest) and not text.startswith(rest)
    if time_of_day is not None:
        rest = _strip_last_start(rest, ctx.vocab)
    rest = _strip_fillers(rest, ctx.vocab)
    if not rest:
        return Point(time=time_of_day) if time_of_day else None
    point = _read_day(rest, ctx)
    if point is None or (time_of_day and point.span_end):
        return None
    return replace(point, time=time_of_day, time_first=time_first)


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
        bounds = days.span(vocab.spans[text], ctx.today, whole=ctx.past)
        return Point(day=bounds[0], span_end=bounds[1]) if bounds else None
    ahead = _read_within(text, ctx) or _read_after(text, ctx) or periods.read(text, ctx)
    if ahead is not None:
        return ahead
    in_week = _in_named_week(text, ctx)
    if in_week is not None:
        return in_week
    understood, found = read_parts(text, ctx)
    return found if understood else _fallback(text, ctx)


def _in_named_week(text: str, ctx: Context) -> Point | None:
    """ "Tuesday next week", "下周 周二" as one end of a range: that weekday of that week."""
    if ctx.week is not None:
        return None
    for span, kind in ctx.vocab.spans.items():
        if kind not in days.WEEKS + days.MONTHS or not (
            text.startswith(f"{span} ") or text.endswith(f" {span}")
        ):
            continue
        words = text.removeprefix(f"{span} ").removesuffix(f" {span}").split()
        while words and (words[-1] in ctx.vocab.fillers or words[-1] in ctx.vocab.starts):
            words.pop()  # "Friday of next week", "le 1er du mois prochain"
        bounds = days.span(kind, ctx.today)
        if bounds and words and kind in days.WEEKS:
            return _read_day(" ".join(words), replace(ctx, week=days.monday_of(bounds[0])))
        if bounds and words:
            return _day_of(bounds[0], " ".join(words), ctx)
    return None


def _day_of(month: date, text: str, ctx: Context) -> Point | None:
    """ "the 1st" of the month named: that day of it, or None if it is no bare day of month."""
    _, found = read_parts(_strip_fillers(text, ctx.vocab), ctx)
    if found is None or found.day is None or found.roll != "month":
        return None
    found_day = days.add_months(month.replace(day=1), 0, found.day.day)
    return Point(day=found_day) if found_day else None


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


def _fallback(text: str, ctx: Context) -> Point | None:
    """Ask dateparser only about text that names a month, by word or in a numeric date.

    A bare day of month ("15th -") is not asked: dateparser would put it in the past.
    """
    words = text.replace(".", " ").split()
    # No calendar date is long or holds a long number; dateparser is slow on such text.
    if not ctx.vocab.dateparser or len(text) > FALLBACK_MAX or re.search(r"\d{5}", text):
        return None
    if any(w in ctx.vocab.units for w in words):
        return None  # "3 days" is a duration, not a date dateparser may pick for us
    if not re.search(r"\d[/.]\d", text) and not any(
        w.strip(",'") in ctx.vocab.months for w in words
    ):
        return None
    found = fallback.calendar_date(text, ctx.vocab.code, ctx.today, ctx.order)
    if found and not _all_numbers_in(text, found):
        return None  # dateparser read past a number ("12/24 - tomorrow" as tomorrow)
    said = next((ctx.vocab.weekdays[w] for w in words if w in ctx.vocab.weekdays), None)
    if found and said is not None and said != found.weekday():
        # dateparser ignores a weekday that contradicts the date: say so rather than pick one.
        raise DateError("weekday", date=found, actual=Weekday(found.weekday()), said=Weekday(said))
    # The guard above saw a month, by word or by number: a bare day before it may borrow it,
    # and without a year said, the day may move a year as the grammar's own days do.
    yearless = not re.search(r"\d{4}|\d[/.]\d{1,2}[/.]\d", text)
    return Point(day=found, named_month=True, roll="year" if yearless else None) if found else None


def _all_numbers_in(text: str, day: date) -> bool:
    """Whether every number of text is the day's day, month or year (2027 or '27)."""
    parts = {day.day, day.month, day.year, day.year % 100}
    return all(int(number) in parts for number in re.findall(r"\d+", text))
