"""parse_range: a phrase in the user's language and zone becomes a DateRange or a DateError."""

import re
from collections.abc import Iterable, Mapping
from contextlib import suppress
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import agreement, fallback
from .assemble import build, start_of
from .languages import VOCABS, Language, language_of, languages_for
from .model import DateError, DateRange
from .phrases import read_plan
from .piece import Context
from .prepare import normalize, prepare
from .sentence import qualifier, readings
from .words import Vocab

# Slack fields allow 3000 characters; no real date phrase needs more than this.
MAX_LENGTH = 200
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})(?!\d)")


def parse_range(
    text: str, *, now: datetime, tz: str, locale: str | None = None, past: bool = False
) -> DateRange:
    """Read a phrase such as "Dec 20 to Jan 3" as an absence in the user's zone.

    `past` reads a period that may be over, as reports ask for one: "last month" is not
    refused, a date without its year is the nearest one, and "this month" is the whole month.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return _parse(text, now, time_zone(tz), language_of(locale), past)


def time_zone(tz: str) -> ZoneInfo:
    """The IANA zone named `tz`; DateError when Python does not know it (or it is not a name)."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DateError("zone", tz=tz) from error


def _parse(text: str, now: datetime, zone: ZoneInfo, language: Language, past: bool) -> DateRange:
    if len(text) > 4 * MAX_LENGTH:  # not worth even normalizing
        raise DateError("too_long", limit=MAX_LENGTH)
    phrase = normalize(text)
    if not phrase:
        raise DateError("empty")
    if len(phrase) > MAX_LENGTH:
        raise DateError("too_long", limit=MAX_LENGTH)
    wall_now = now.astimezone(zone).replace(tzinfo=None)
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 60 else f"{shown[:57]}…"
    # Many people write English in Slack whatever their locale: English comes next.
    codes = languages_for(language.locale)
    vocabs = tuple(VOCABS[code] for code in codes)
    for code in codes:
        ctx = Context(vocab=VOCABS[code], now=wall_now, order=language.order, past=past)
        try:
            found = _read(phrase, ctx, vocabs, zone, now)
        except DateError as error:
            # Quote what the person typed, not the words the grammar split it into.
            raise DateError(error.key, **(error.params | {"text": shown})) from None
        if found is not None:
            return found
    # "every Monday", "early December": say which word the reading cannot take.
    part = next(filter(None, (qualifier(prepare(phrase, v)) for v in vocabs)), None)
    if part is not None:
        raise DateError("unused", text=shown, part=part)
    raise DateError("unread", text=shown, **_numeric_order(phrase, language))


def _read(
    phrase: str, ctx: Context, vocabs: tuple[Vocab, ...], zone: ZoneInfo, now: datetime
) -> DateRange | None:
    """The range a phrase names in one language, its ordinary words ignored; None if unread."""
    prepared = prepare(phrase, ctx.vocab)
    if not prepared:
        raise DateError("reason_only", text=phrase)
    plans = (read_plan(text, ctx) for text in readings(prepared, ctx.vocab, vocabs))
    plan = next((plan for plan in plans if plan is not None), None)
    if plan is None:
        return None
    if plan.end_kind == "open":
        # Refused, since a range needs an end; its start still lets a form prefill it.
        raise DateError("no_end", text=phrase, start=start_of(plan, ctx, zone, now))
    found = build(plan, ctx, zone, now)
    agreement.check(prepared, ctx.vocab, found, zone)
    return found


def _numeric_order(phrase: str, language: Language) -> dict[str, str]:
    """The locale's numeric order, to explain when the other order would have read "12/24"."""
    pairs = [(int(a), int(b)) for a, b in NUMERIC_DATE.findall(phrase)]
    if not any(min(pair) <= 12 < max(pair) <= 31 for pair in pairs):
        return {}
    return {"order": language.order, "locale": language.locale}


def warm_up(samples: Mapping[str, Iterable[str]]) -> None:
    """Load dateparser's data and compile every pattern, so the first real phrase is fast.

    `samples` holds, by Slack locale, phrases people write (the examples ooo offers them).
    """
    fallback.warm_up()
    now = datetime(2000, 1, 3, tzinfo=UTC)
    for tag, phrases in samples.items():
        for phrase in phrases:
            with suppress(DateError):
                parse_range(phrase, now=now, tz="UTC", locale=tag)
