"""Periods placed in a month or a year: "next June", "June next year", "来年6月", "the first half
of March", "la seconda metà del 2027", "the last Friday of next month", "le deuxième vendredi de
mars"."""

import re
from datetime import date, timedelta
from functools import cache

from . import days
from .lang import de, en, es, fr, it, ja, ko, pt, zh
from .languages import VOCABS
from .model import DateError
from .period_words import PeriodWords
from .piece import Context, Point
from .words import alternation

WORDS: dict[str, PeriodWords] = {
    m.VOCAB.code: m.PERIODS for m in (en, fr, de, es, pt, it, ja, ko, zh)
}
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th|er|re|e|eme|o|a|\.)?")
_MONTH_SPANS = ("this_month", "next_month", "month_after_next")


def read(text: str, ctx: Context) -> Point | None:
    """The period a piece names, or None when it names none of these."""
    words = WORDS.get(ctx.vocab.code)
    match = _pattern(ctx.vocab.code).fullmatch(text) if words else None
    if match is None or words is None:
        return None
    month = match["month"] or match["month_after"]
    if month:
        return _next_month(ctx.vocab.months[month], ctx.today)
    year = match["year"] or match["year_after"]
    if year:
        month = match["month_of"] or match["month_in"]
        return _month_of(ctx.vocab.months[month], ctx.today.year + words.years[year], ctx.today)
    return _placed(match, ctx, words)


def _placed(match: re.Match[str], ctx: Context, words: PeriodWords) -> Point | None:
    """A half of a month or a year, or the nth (or last) weekday of a month."""
    if match["half_after"] in words.thirds_after:
        return _third(words.thirds_after[match["half_after"]], match["rest_first"], ctx, words)
    half = match["half"] or match["half_after"]
    weekday = match["weekday"] or match["weekday_after"]
    if match["half_after"]:
        which: int | None = words.halves_after[match["half_after"]]
    elif match["last"] or match["last_after"]:
        which = -1
    else:
        which = _ordinal(match["nth"] or match["nth_after"], words)
    bounds = _bounds(match["rest"] or match["rest_first"] or match["rest_nth"], ctx, words)
    if which is None or bounds is None:
        return None
    first, after, year_said = bounds
    if half:
        found = _half(which, first, after)
    else:
        found = _nth_weekday(which, ctx.vocab.weekdays[weekday], first, after)
        if found is None:  # "the fifth Friday of February": no other reading may guess at it
            raise DateError("unread", text=match[0])
    if found is not None and found[1] <= ctx.today and not year_said:
        # A month named without its year that is over this year: next year's, as months roll.
        found = _next_year(which, weekday, first, ctx)
    if found is None:
        return None
    return Point(day=max(found[0], ctx.today), span_end=found[1] if half else None)


def _next_year(
    which: int, weekday: str | None, first: date, ctx: Context
) -> tuple[date, date] | None:
    later = first.replace(year=first.year + 1)
    after = days.add_months(later, 1)
    if after is None:
        return None
    if weekday is None:
        return _half(which, later, after)
    return _nth_weekday(which, ctx.vocab.weekdays[weekday], later, after)


def _ordinal(word: str, words: PeriodWords) -> int | None:
    """ "2nd", "2eme", "2.", "2o", "第2" or a word text2num left ("segundo"): which, from 1 to 5."""
    if word in words.ordinals:
        return words.ordinals[word]
    found = _ORDINAL.fullmatch(word.removeprefix("第").strip())
    return int(found[1]) if found and 1 <= int(found[1]) <= 5 else None


def _bounds(text: str, ctx: Context, words: PeriodWords) -> tuple[date, date, bool] | None:
    """The days [first, after) of the month or year text names, and whether it named the year."""
    vocab, today = ctx.vocab, ctx.today
    tokens = [w for w in text.split() if w not in vocab.fillers and w not in words.of]
    if text not in words.years and text not in words.months:  # "des jahres" is a year as it is
        text = " ".join(tokens)
    if text in words.months:  # "the first half of the month"
        first = days.add_months(today.replace(day=1), words.months[text])
        after = days.add_months(first, 1) if first else None
        return (first, after, True) if first and after else None
    kind = vocab.spans.get(text)
    if kind in _MONTH_SPANS:
        span = days.span(kind, today)
        first = span[0].replace(day=1) if span else None
        after = days.add_months(first, 1) if first else None
        return (first, after, True) if first and after else None
    if text in words.years or re.fullmatch(r"\d{4}", text):
        year = today.year + words.years[text] if text in words.years else int(text)
        return (date(year, 1, 1), date(year + 1, 1, 1), True) if 1 <= year < 9999 else None
    months = [vocab.months[w] for w in tokens if w in vocab.months]
    years = [int(w) for w in tokens if re.fullmatch(r"\d{4}", w)]
    years += [today.year + words.years[w] for w in tokens if w in words.years]  # "来年 3月"
    if len(months) != 1 or len(years) > 1 or len(months) + len(years) != len(tokens):
        return None
    first = date(years[0] if years else today.year, months[0], 1)
    after = days.add_months(first, 1)
    return (first, after, bool(years)) if after else None


def _third(which: int, text: str, ctx: Context, words: PeriodWords) -> Point | None:
    """ "3月下旬": the first, middle or last third of a month (1-10, 11-20, 21 to its end)."""
    bounds = _bounds(text, ctx, words)
    if bounds is None or bounds[1] - bounds[0] > timedelta(days=31):
        return None
    first, after, year_said = bounds
    if not year_said and (after if which == 3 else first.replace(day=10 * which + 1)) <= ctx.today:
        # A month named without its year whose third is over: next year's, as months roll.
        first, after = first.replace(year=first.year + 1), after.replace(year=after.year + 1)
    end = after if which == 3 else first.replace(day=10 * which + 1)
    return Point(day=max(first.replace(day=10 * which - 9), ctx.today), span_end=end)


def _half(which: int, first: date, after: date) -> tuple[date, date] | None:
    """The first half of a month runs to the 15th, of a year to June."""
    middle = first.replace(day=16) if after - first < timedelta(days=32) else first.replace(month=7)
    return {1: (first, middle), 2: (middle, after), -1: (middle, after)}.get(which)


def _nth_weekday(which: int, weekday: int, first: date, after: date) -> tuple[date, date] | None:
    """The second Friday of a month, or its last; a year has no such day here."""
    if after - first > timedelta(days=31):
        return None
    if which == -1:
        last = after - timedelta(days=1)
        found = last - timedelta(days=(last.weekday() - weekday) % 7)
    else:
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
    return (found, found + timedelta(days=1)) if found < after else None


def _month_of(month: int, year: int, today: date) -> Point | None:
    """ "June next year", "来年6月": that month of that year, from today if it is under way."""
    first = date(year, month, 1)
    after = days.add_months(first, 1)
    return Point(day=max(first, today), span_end=after) if after else None


def _next_month(month: int, today: date) -> Point | None:
    """ "next June": the first June that starts after today."""
    year = today.year if month > today.month else today.year + 1
    first = date(year, month, 1)
    after = days.add_months(first, 1)
    return Point(day=first, span_end=after) if after else None


@cache
def _pattern(code: str) -> re.Pattern[str]:
    vocab, words = VOCABS[code], WORDS[code]
    month = alternation(tuple(sorted(vocab.months, key=len, reverse=True)))
    weekday = alternation(tuple(sorted(vocab.weekdays, key=len, reverse=True)))
    next_ = alternation(words.next)
    nth = (
        rf"(?P<last>{alternation(words.last)})|(?P<nth>\d\S*|{alternation(tuple(words.ordinals))})"
    )
    of = rf"(?:\s+(?:{alternation(words.of)}))?"
    years = alternation(tuple(sorted(words.years, key=len, reverse=True)))
    halves = alternation(
        tuple(sorted({*words.halves_after, *words.thirds_after}, key=len, reverse=True))
    )
    return re.compile(
        rf"(?:{next_})\s+(?P<month>{month})|(?P<month_after>{month})\s+(?:{next_})"
        rf"|(?P<year>{years}){of}\s+(?P<month_of>{month})"
        rf"|(?P<month_in>{month}){of}\s+(?P<year_after>{years})"
        rf"|(?:{nth})\s+(?:(?P<half>{alternation(words.half)})|(?P<weekday>{weekday})){of}"
        rf"\s+(?P<rest>.+)"
        rf"|(?P<rest_first>.+?){of}\s+(?P<half_after>{halves})"
        # Japanese, Korean and Chinese name the month first: "3月 の 第2 金曜日".
        rf"|(?P<rest_nth>.+?){of}\s+(?:(?P<last_after>{alternation(words.last)})|"
        rf"(?P<nth_after>第\s*\d))\s+(?P<weekday_after>{weekday})"
    )
