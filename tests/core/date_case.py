"""The cases' shape: a phrase, who reads it where and when, and what must come out."""

from dataclasses import dataclass

NOW = "2025-11-27T10:30:00+00:00"  # Thursday; 11:30 in Paris, 00:30 on Friday in Kiritimati
SPRING = "2026-03-20T12:00:00+00:00"  # Friday; Paris springs forward on Sunday 29 March
SPRING_NIGHT = "2026-03-28T23:30:00+00:00"  # 00:30 in Paris, 90 minutes before the jump
AUTUMN = "2026-10-20T12:00:00+00:00"  # Tuesday; Europe falls back 25 October, the US 1 November
FALL_BACK_NIGHT = "2026-10-25T01:30:00+00:00"  # 02:30 in Paris for the second time
NEW_YEAR = "2025-12-30T09:00:00+00:00"  # Tuesday
LEAP = "2028-02-28T09:00:00+00:00"  # Monday before a leap day
MONTH_END = "2026-01-31T08:00:00+00:00"  # Saturday, the last day of January
US_SPRING = "2026-03-06T15:00:00+00:00"  # Friday; the US springs forward on Sunday 8 March
US_SPRING_NIGHT = "2026-03-08T06:30:00+00:00"  # 01:30 in New York, 30 minutes before the jump
US_FALL = "2026-10-30T15:00:00+00:00"  # Friday; the US falls back on Sunday 1 November
SYDNEY_SPRING = "2026-10-01T23:00:00+00:00"  # Friday 09:00 in Sydney, which springs forward 4 Oct
SYDNEY_AUTUMN = "2026-04-02T23:00:00+00:00"  # Friday 10:00 in Sydney, which falls back 5 April

# Refusal keys (what went wrong), whatever language the reason is written in.
PAST, UNREAD, NO_END, REASON_ONLY, WEEKDAY = "past", "unread", "no_end", "reason_only", "weekday"
BACKWARDS = "backwards"


@dataclass(frozen=True)
class Case:
    """A phrase read at `now` by a user in `tz` with `locale`, and what must come out."""

    text: str
    start: str | None  # ISO-8601 with offset, "now", or None (a refusal that read no start)
    end: str | None  # ISO-8601 with offset, or None (permanent, or a refusal)
    locale: str = "en-US"
    tz: str = "Europe/Paris"
    now: str = NOW
    refusal: str | None = None  # the refusal's key


def _with_offset(value: str, offset: str) -> str:
    return value if value == "now" or "+" in value[10:] or "-" in value[10:] else value + offset


def ok(
    text: str,
    start: str,
    end: str | None,
    locale: str = "en-US",
    offset: str = "+01:00",
    **where: str,
) -> Case:
    """An accepted phrase; times without an offset are at `offset` (Paris winter time)."""
    end = None if end is None else _with_offset(end, offset)
    return Case(text, _with_offset(start, offset), end, locale, **where)


def no(
    text: str,
    refusal: str,
    locale: str = "en-US",
    start: str | None = None,
    offset: str = "+01:00",
    **where: str,
) -> Case:
    """A refused phrase, the key of its reason, and the start a "no_end" refusal still read."""
    start = None if start is None else _with_offset(start, offset)
    return Case(text, start, None, locale, refusal=refusal, **where)


def reader(locale: str, tz: str, offset: str = "+01:00"):  # type: ignore[no-untyped-def]
    """Case makers for one locale and zone: (accepted, refused)."""

    def accepted(text: str, start: str, end: str | None, **where: str) -> Case:
        return ok(text, start, end, locale, offset=offset, **{"tz": tz, **where})

    def refused(text: str, key: str, start: str | None = None, **where: str) -> Case:
        return no(text, key, locale, start, offset, **{"tz": tz, **where})

    return accepted, refused
