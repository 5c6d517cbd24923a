"""The shape of a phrase: which pieces are its start and its end, and how its end counts."""

import re
from dataclasses import dataclass
from functools import cache

from .languages import VOCABS
from .model import DateError
from .points import Context, Point, read_count, read_point
from .words import alternation, fold

# A phrase with many connectors is garbage; trying every split would only cost time.
MAX_SPLITS = 4


@dataclass(frozen=True)
class Plan:
    """A phrase's structure: start (None = now), end, and whether the end day is included."""

    start: Point | None
    end: Point | None
    end_kind: str  # "inclusive", "exclusive" (back on), "single", "permanent", "duration"
    count: int = 0
    unit: str = ""


def normalize(text: str) -> str:
    """Fold case and accents, make ISO dates unambiguous and give range dashes spaces."""
    text = fold(text)
    text = re.sub(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{1,2}:\d{2})(?::\d{2})?)?\b", _iso, text)
    text = re.sub("[\u2013\u2014]", " - ", text)
    text = re.sub(r"(?<=\d)-|-(?=\d)|(?<=\s)-|-(?=\s)", " - ", text)
    text = re.sub(r"[,;!?()\"]", " ", text)
    return " ".join(text.split()).strip(" .")


def _iso(match: re.Match[str]) -> str:
    year, month, day, clock = match.groups()
    return f"{year}/{month}/{day}" + (f" {clock}" if clock else "")


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    v = VOCABS[code]
    tail = rf"(?:\s+(?:{alternation(v.starts)})\s+(?P<c>.+))?"
    return {
        "permanent": re.compile(rf"(?:(?P<a>.+?)\s+)??(?:{alternation(v.permanent)})"),
        "back": re.compile(rf"(?:(?P<a>.+?)\s+)??(?:{alternation(v.back)})\s+(?P<b>.+)"),
        "for": re.compile(
            rf"(?:(?P<a>.+?)\s+)??(?:{alternation(v.durations)})\s+(?P<n>\S+)\s+(?P<u>\S+){tail}"
        ),
        "count": re.compile(rf"(?P<n>\S+)\s+(?P<u>\S+){tail}"),
        "until": re.compile(rf"(?:{alternation(v.until)})\s+(?P<b>.+)"),
        "to": re.compile(rf"\s(?:{alternation(v.to)})(?=\s)"),
        "start": re.compile(rf"(?:{alternation(v.starts)})\s+(?P<rest>.+)"),
    }


def read_plan(text: str, ctx: Context) -> Plan | None:
    """The structure of a normalized phrase, or None when no reading fits."""
    readers = (_permanent, _back, _duration, _until, _range, _single)
    for reader in readers:
        plan = reader(text, ctx)
        if plan is not None:
            return plan
    return None


def _start(text: str | None, ctx: Context) -> tuple[Point | None, bool]:
    """Read an optional start piece ("from Monday"): (point or None for now, readable)."""
    if text is None:
        return None, True
    match = _patterns(ctx.vocab.code)["start"].fullmatch(text)
    point = read_point(match["rest"] if match else text, ctx)
    return point, point is not None


def _permanent(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["permanent"].fullmatch(text)
    if match is None:
        return None
    start, ok = _start(match["a"], ctx)
    return Plan(start, None, "permanent") if ok else None


def _back(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["back"].fullmatch(text)
    if match is None:
        return None
    start, ok = _start(match["a"], ctx)
    end = read_point(match["b"], ctx)
    return Plan(start, end, "exclusive") if ok and end else None


def _duration(text: str, ctx: Context) -> Plan | None:
    patterns = _patterns(ctx.vocab.code)
    match = patterns["for"].fullmatch(text) or patterns["count"].fullmatch(text)
    if match is None:
        return None
    count, unit = read_count(match["n"], ctx.vocab), ctx.vocab.units.get(match["u"])
    given = [g for g in match.groupdict().keys() & {"a", "c"} if match[g]]
    if count is None or unit is None or len(given) > 1:
        return None
    if count == 0:
        raise DateError("An absence has to last at least one day or one hour.")
    start, ok = _start(match[given[0]] if given else None, ctx)
    return Plan(start, None, "duration", count, unit) if ok else None


def _until(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["until"].fullmatch(text)
    end = read_point(match["b"], ctx) if match else None
    return Plan(None, end, "inclusive") if end else None


def _range(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["start"].fullmatch(text)
    body = match["rest"] if match else text
    for split in list(_patterns(ctx.vocab.code)["to"].finditer(body))[:MAX_SPLITS]:
        first, second = body[: split.start()].strip(), body[split.end() :].strip()
        if not ctx.vocab.bare_day_ranges and first.isdigit() and second.isdigit():
            continue
        start = read_point(first, ctx)
        end = read_point(second, ctx) if start else None
        if start and end:
            return Plan(start, end, "inclusive")
    return None


def _single(text: str, ctx: Context) -> Plan | None:
    match = _patterns(ctx.vocab.code)["start"].fullmatch(text)
    point = read_point(match["rest"] if match else text, ctx)
    if point is None:
        return None
    if match and point.span_end is None:
        raise DateError(f"“{text}” says when the absence starts but not when it ends.")
    return Plan(point, None, "single")
