"""parse_range: a phrase in the user's language and zone becomes a DateRange or a DateError."""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import fallback
from .assemble import build, start_of
from .languages import LOCALES, VOCABS, Language, language_of, languages_for
from .model import DateError, DateRange
from .phrases import Plan, read_plan
from .piece import Context
from .prepare import normalize, prepare
from .sentence import qualifier, readings
from .words import Vocab

# Slack fields allow 3000 characters; no real date phrase needs more than this.
MAX_LENGTH = 200
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})(?!\d)")


def parse_range(text: str, *, now: datetime, tz: str, locale: str | None = None) -> DateRange:
    """Read a phrase such as "Dec 20 to Jan 3" as an absence in the user's zone."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    language = language_of(locale)
    try:
        return _parse(text, now, time_zone(tz), language)
    except DateError as error:
        raise error.in_language(language.texts) from None


def time_zone(tz: str) -> ZoneInfo:
    """The IANA zone named `tz`; DateError when Python does not know it (or it is not a name)."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DateError("zone", tz=tz) from error


def _parse(text: str, now: datetime, zone: ZoneInfo, language: Language) -> DateRange:
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
    qualified = None
    for code in codes:
        ctx = Context(vocab=VOCABS[code], now=wall_now, order=language.order)
        try:
            prepared = prepare(phrase, ctx.vocab)
            if not prepared:
                raise DateError("reason_only", text=shown)
            plan = _read_sentence(prepared, ctx, vocabs)
        except DateError as error:
            # Quote what the person typed, not the words the grammar split it into.
            raise DateError(error.key, error.texts, **(error.params | {"text": shown})) from None
        if plan is not None and plan.end_kind == "open":
            # Refused, since a range needs an end; its start still lets a form prefill it.
            raise DateError("no_end", text=shown, start=start_of(plan, ctx, zone, now))
        if plan is not None:
            return build(plan, ctx, zone, now)
        qualified = qualified or qualifier(prepared, vocabs)
    if qualified is not None:
        # "every Monday", "early December": say which word the reading cannot take.
        raise DateError("unused", text=shown, part=qualified)
    raise DateError("unread", text=shown, hint=_numeric_hint(phrase, language))


def _read_sentence(prepared: str, ctx: Context, vocabs: tuple[Vocab, ...]) -> Plan | None:
    """The first reading of the sentence's date words, its ordinary words ignored."""
    for text in readings(prepared, ctx.vocab, vocabs):
        plan = read_plan(text, ctx)
        if plan is not None:
            return plan
    return None


def _numeric_hint(phrase: str, language: Language) -> str:
    """Explain the order of numeric dates when the other order would have read "12/24"."""
    pairs = [(int(a), int(b)) for a, b in NUMERIC_DATE.findall(phrase)]
    if not any(min(pair) <= 12 < max(pair) <= 31 for pair in pairs):
        return ""
    order = language.texts.refusals[f"order_{language.order}"]
    return " " + order.format(locale=language.locale)


def warm_up() -> None:
    """Load dateparser's data and compile every pattern, so the first real phrase is fast."""
    fallback.warm_up()
    now = datetime(2000, 1, 3, tzinfo=UTC)
    for tag, language in LOCALES.items():
        for phrase in language.texts.examples:
            parse_range(phrase, now=now, tz="UTC", locale=tag)
