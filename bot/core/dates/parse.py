"""parse_range: a phrase in the user's language and zone becomes a DateRange or a DateError."""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import fallback
from .assemble import build
from .languages import VOCABS, languages_for, month_first
from .model import DateError, DateRange
from .phrases import normalize, read_plan
from .points import Context

# Slack fields allow 3000 characters; no real date phrase needs more than this.
MAX_LENGTH = 200
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})\b")


def parse_range(text: str, *, now: datetime, tz: str, locale: str | None = None) -> DateRange:
    """Read a phrase such as "Dec 20 to Jan 3" as an absence in the user's zone."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    vocab = VOCABS[languages_for(locale)[0]]
    try:
        return _parse(text, now, time_zone(tz), locale)
    except DateError as error:
        raise error.with_examples(vocab.examples) from None


def time_zone(tz: str) -> ZoneInfo:
    """The IANA zone named `tz`; DateError when Python does not know it (or it is not a name)."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DateError(f"“{tz}” is not a time zone I know.") from error


def _parse(text: str, now: datetime, zone: ZoneInfo, locale: str | None) -> DateRange:
    phrase = normalize(text)
    if not phrase:
        raise DateError("The dates are empty: say when you are away.")
    if len(phrase) > MAX_LENGTH:
        raise DateError(f"That is too long to read as dates (over {MAX_LENGTH} characters).")
    vocab = VOCABS[languages_for(locale)[0]]
    wall_now = now.astimezone(zone).replace(tzinfo=None)
    ctx = Context(vocab=vocab, now=wall_now, month_first=month_first(locale))
    plan = read_plan(phrase, ctx)
    if plan is None and vocab is not VOCABS["en"]:
        # Many people write English in Slack whatever their locale: English is the fallback.
        ctx = Context(vocab=VOCABS["en"], now=wall_now, month_first=month_first(locale))
        plan = read_plan(phrase, ctx)
    if plan is None:
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 60 else f"{shown[:57]}…"
        raise DateError(f"I could not read “{shown}” as dates.{_numeric_hint(phrase, locale)}")
    return build(plan, ctx, zone, now)


def _numeric_hint(phrase: str, locale: str | None) -> str:
    """Explain the order of numeric dates when the other order would have read "12/24"."""
    pairs = [(int(a), int(b)) for a, b in NUMERIC_DATE.findall(phrase)]
    if not any(min(pair) <= 12 < max(pair) <= 31 for pair in pairs):
        return ""
    order = "month/day" if month_first(locale) else "day/month"
    return f" Numeric dates are {order} in your Slack language ({locale or 'en-US'})."


def warm_up() -> None:
    """Load dateparser's data and compile every pattern, so the first real phrase is fast."""
    fallback.warm_up()
    now = datetime(2000, 1, 3, tzinfo=UTC)
    for code, vocab in VOCABS.items():
        for phrase in vocab.examples:
            parse_range(phrase, now=now, tz="UTC", locale=code)
