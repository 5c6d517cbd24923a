"""The shape of a phrase: which pieces are its start and its end, and how its end counts."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from . import days
from .languages import VOCABS
from .model import DateError
from .month_once import in_start_month
from .piece import Context, Point
from .points import read_count, read_point
from .times import TimeOfDay, first_after
from .words import alternation

# A phrase with many connectors is garbage; trying every split would only cost time.
MAX_SPLITS = 4
_DAY_AND_YEAR = re.compile(r"(\d{1,2}) (\d{4})")
# Months whose bare days a phrase may name: "4 to 23 next month".
_MONTHS = ("this_month", "next_month", "month_after_next")


@dataclass(frozen=True)
class Plan:
    """A phrase's structure: start (None = now), end, and whether the end day is included."""

    start: Point | None
    end: Point | None
    # "inclusive", "exclusive" (back on), "single", "permanent", "duration", or "open":
    # a start with no end said ("from Monday"), refused once its start is known.
    end_kind: str
    count: int = 0
    unit: str = ""


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    v = VOCABS[code]
    tail = rf"(?:\s+(?P<mark>{alternation(v.starts)})\s+(?P<c>.+))?"
    weeks = alternation(tuple(w for w, kind in v.spans.items() if kind in days.WEEKS))
    months = alternation(tuple(w for w, kind in v.spans.items() if kind in _MONTHS))
    count = rf"\d{{1,3}}|{alternation(_longest_first(v.numbers))}"
    return {
        "permanent": re.compile(rf"(?:(?P<a>.+?)\s+)??(?:{alternation(v.permanent)})"),
        "back": re.compile(rf"(?:(?P<a>.+?)\s+)??(?:{alternation(v.back)})\s+(?P<b>.+)"),
        "back_after": re.compile(rf"(?P<body>.+?)\s+(?:{alternation(v.back_after)})"),
        "for": re.compile(
            rf"(?:(?P<a>.+?)\s+)??(?:(?P<for>{alternation(v.durations)})\s+)?(?P<n>{count})"
            rf"\s+(?P<u>{alternation(_longest_first(v.units))})(?:\s+(?:{alternation(v.durations_after)}))?"
            rf"{tail}"
        ),
        "to": re.compile(rf"\s(?:{alternation(v.to)})(?=\s)"),
        "start": re.compile(rf"(?:{alternation(v.starts)})\s+(?P<rest>.+)"),
        "start_after": re.compile(rf"(?P<rest>.+?)\s+(?:{alternation(v.starts_after)})"),
        "until": re.compile(rf"(?:{alternation(v.until)})\s+(?P<rest>.+)"),
        "until_after": re.compile(rf"(?P<rest>.+?)\s+(?:{alternation(v.until_after)})"),
        "week_last": re.compile(rf"(?P<body>.+?)\s+(?P<week>{weeks})"),
        "week_first": re.compile(rf"(?P<week>{weeks})\s+(?P<body>.+)"),
        "month_last": re.compile(rf"(?P<body>.+?\d.*?)\s+(?P<month>{months})"),
        "month_first": re.compile(rf"(?P<month>{months})\s+(?P<body>.*?\d.+)"),
    }


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def read_plan(text: str, ctx: Context) -> Plan | None:
    """The structure of a prepared phrase, or None when no reading fits."""
    named = _named_week(text, ctx) or _named_month(text, ctx)
    plan = _read(named[0], named[1]) if named else None
    return plan or _read(text, ctx)


def _read(text: str, ctx: Context) -> Plan | None:
    for reader in (_permanent, _back, _duration, _until, _range, _single):
        plan = reader(text, ctx)
        if plan is not None:
            return plan
    return None


def _named_week(text: str, ctx: Context) -> tuple[str, Context] | None:
    """ "Tue-Thu next week", "来週の火曜日": the weekdays of that week, and the rest."""
    patterns = _patterns(ctx.vocab.code)
    match = patterns["week_last"].fullmatch(text) or patterns["week_first"].fullmatch(text)
    if match is None:
        return None
    bounds = days.span(ctx.vocab.spans[" ".join(match["week"].split())], ctx.today)
    words = match["body"].split()
    while words and (words[-1] in ctx.vocab.fillers or words[-1] in ctx.vocab.starts):
        words.pop()  # "Friday of next week", "mardi de la semaine prochaine"
    # Only a weekday uses the week: "next week to noon" must not lose "next week".
    if bounds is None or not any(word.strip(".") in ctx.vocab.weekdays for word in words):
        return None
    return " ".join(words), replace(ctx, week=days.monday_of(bounds[0]))


def _named_month(text: str, ctx: Context) -> tuple[str, Context] | None:
    """ "4 to 23 next month", "이번 달 4일부터 23일까지": days of that month, and the rest."""
    patterns = _patterns(ctx.vocab.code)
    match = patterns["month_last"].fullmatch(text) or patterns["month_first"].fullmatch(text)
    if match is None:
        return None
    bounds = days.span(ctx.vocab.spans[" ".join(match["month"].split())], ctx.today)
    words = match["body"].split()
    while words and (words[-1] in ctx.vocab.fillers or words[-1] in ctx.vocab.starts):
        words.pop()  # "4 till 23 of this month", "do 4 até o 23 deste mês"
    # Only bare days use the month: "Dec 4 to next month" must not lose "next month".
    if bounds is None or any(word.strip(".") in ctx.vocab.months for word in words):
        return None
    return " ".join(words), replace(ctx, month=bounds[0].replace(day=1))


def _unmarked(text: str, ctx: Context, *kinds: str) -> tuple[str, bool]:
    """Text without a marker before it ("from", "从") or after it ("から"), and if one was there."""
    found = False
    for kind in kinds:
        match = _patterns(ctx.vocab.code)[kind].fullmatch(text)
        if match:
            text, found = match["rest"], True
    return text, found


def _start(text: str | None, ctx: Context) -> tuple[Point | None, bool]:
    """Read an optional start piece ("from Monday"): (point or None for now, readable)."""
    if text is None:
        return None, True
    point = read_point(_unmarked(text, ctx, "start", "start_after")[0], ctx)
    return point, point is not None


def _splits(text: str, ctx: Context) -> list[tuple[str, str]]:
    """The ways text falls into two pieces at a connector ("to", "bis", "から")."""
    found = list(_patterns(ctx.vocab.code)["to"].finditer(text))[:MAX_SPLITS]
    return [(text[: s.start()].strip(), text[s.end() :].strip()) for s in found]


def _permanent(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["permanent"].fullmatch(text)
    if match is None:
        return None
    start, ok = _start(match["a"], ctx)
    return Plan(start, None, "permanent") if ok else None


def _back(text: str, ctx: Context) -> Plan | None:
    """ "back on Monday", "ab Dienstag wieder da", "明日から月曜日に戻ります"."""
    match = _patterns(ctx.vocab.code)["back"].fullmatch(text)
    if match:
        start, ok = _start(match["a"], ctx)
        end = read_point(match["b"], ctx)
        if not ok and match["a"] and end:
            return _range_then_back(match["a"], end, ctx)
        return Plan(start, end, "exclusive") if ok and end else None
    match = _patterns(ctx.vocab.code)["back_after"].fullmatch(text)
    if match is None:
        return None
    words = match["body"].split()
    # "木曜 火曜に戻ります": two days side by side, the first day off and the day back.
    side = [(words[0], words[1])] if len(words) == 2 else []
    for first, second in [(None, match["body"]), *_splits(match["body"], ctx), *side]:
        start, ok = _start(first, ctx)
        end = read_point(_unmarked(second, ctx, "start", "start_after")[0], ctx)
        if ok and end:
            return Plan(start, end, "exclusive")
    return None


def _range_then_back(text: str, back: Point, ctx: Context) -> Plan | None:
    """ "Dec 21 - Jan 4, back Jan 5": a range and its return, read only when they agree."""
    said = _range(text, ctx)
    if said is None or said.end is None or said.end.day is None or back.day is None:
        return None
    after = said.end.day + timedelta(days=1)
    # A return without its month or year ("retour le 5") is the day it names after the range.
    if back.roll == "month":
        agree = after.day == back.day.day
    elif back.roll == "year":
        agree = (after.month, after.day) == (back.day.month, back.day.day)
    else:
        agree = after == back.day
    if not agree or said.end.time or back.time:
        return None
    return Plan(said.start, replace(back, day=after, roll=None), "exclusive")


def _duration(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["for"].fullmatch(text)
    if match is None:
        return None
    count, unit = read_count(match["n"], ctx.vocab), ctx.vocab.units.get(match["u"])
    given = [g for g in ("a", "c") if match[g]]
    if count is None or unit is None or len(given) > 1:
        return None
    if match["c"] and not match["for"] and match["mark"] in ctx.vocab.ahead:
        return None  # "a week from Monday" is a day, not a week
    if count == 0:
        raise DateError("zero")
    start, ok = _start(match[given[0]] if given else None, ctx)
    return Plan(start, None, "duration", count, unit) if ok else None


def _until(text: str, ctx: Context) -> Plan | None:
    rest, marked = _unmarked(text, ctx, "until", "until_after")
    end = read_point(rest, ctx) if marked else None
    return Plan(None, end, "inclusive") if end else None


# "and" in the languages whose vocabularies let it join a range: only two days side by side.
AND = frozenset({"and", "und", "et", "y", "e"})


def _range(text: str, ctx: Context) -> Plan | None:
    body, between = _unmarked(text, ctx, "start")
    for first, second in _splits(body, ctx):
        hours = not ctx.vocab.bare_day_ranges and first.isdigit() and _bare_day(second, ctx)
        hours = hours and ctx.month is None  # "4 to 23 next month" is days
        # "from 9 to 5 on Friday" is office hours on Friday, not the 9th to the 5th; "from 9 to
        # 5" alone may be either, and "4 to 23 next month" is days, so both are refused.
        if hours:
            start = Point(time=TimeOfDay(int(first))) if int(first) < 24 else None
        else:
            start = read_point(first, ctx)
        end = _end_of(_unmarked(second, ctx, "until_after")[0], start, ctx) if start else None
        # "Tue and Thu" are two days off, not the days between; "between 2 and 9" is a range.
        listed = not between and _listed(body, first, second)
        if listed and not (start and end and _next_day(start, end)):
            continue
        if start and end and (not hours or (end.time and end.day)):
            return Plan(start, end, "inclusive")
    return None


def _listed(body: str, first: str, second: str) -> bool:
    """Whether two pieces are joined by "and" (in any language) rather than by "to"."""
    joint = body[len(first) : len(body) - len(second)].strip()
    return joint in AND


def _next_day(start: Point, end: Point) -> bool:
    """Whether two days said with "and" are one after the other, so the range is just them."""
    if start.day is None or end.day is None or start.time or end.time or start.span_end:
        return False
    return end.day - start.day == timedelta(days=1) and end.span_end is None


def _bare_day(text: str, ctx: Context) -> bool:
    """Whether text starts with a number and names no month ("5", "5 on Friday", not "7 Dec")."""
    words = text.split()
    return words[0].isdigit() and not any(w.strip(".") in ctx.vocab.months for w in words)


def _end_of(text: str, start: Point, ctx: Context) -> Point | None:
    """The end piece; a bare number after a time is an hour: "from 8am to 1", "de 8h à 10"."""
    day_and_year = _DAY_AND_YEAR.fullmatch(text)
    if day_and_year and start.named_month and start.day and start.span_end is None:
        # "June 2-9, 2027": the end's day is in the start's month, and in the year said.
        day, year = (int(n) for n in day_and_year.groups())
        if day < start.day.day:
            return None  # "Dec 28 - 3, 2027" may cross into January: not ours to guess
        found = days.add_months(date(year, start.day.month, 1), 0, day)
        return Point(day=found, named_month=True) if found else None
    return _hour_end(text, start, ctx) or in_start_month(read_point(text, ctx), start, ctx)


def _hour_end(text: str, start: Point, ctx: Context) -> Point | None:
    """ "from 8am to 1" ends at 13:00, the first 1 o'clock after 8:00; a day after it is both's
    ("from 8am to 1 tomorrow")."""
    hour, _, rest = text.partition(" ")
    if start.time is None or not hour.isdigit() or int(hour) > 24:
        return None
    said = TimeOfDay(first_after(int(hour), start.time.hour))
    if not rest:
        return Point(time=said)
    on = read_point(rest, ctx)
    if on is None or on.day is None or on.time or on.span_end:
        return None
    return replace(on, time=said, time_first=True)


def _single(text: str, ctx: Context) -> Plan | None:
    point, marked = read_point(text, ctx), False
    if point is None:
        rest, marked = _unmarked(text, ctx, "start", "start_after")
        point = read_point(rest, ctx)
    if point is None:
        return None
    # "from Monday", "7月から": a start, not the day or the month itself.
    opened = marked and (point.span_end is None or point.named_month)
    return Plan(point, None, "open" if opened else "single")
