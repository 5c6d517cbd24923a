"""A feed's bytes as iCalendar text and its calendars: folding, character sets, several in one."""

import codecs
import re

from icalendar import Calendar

# RFC 5545 folds lines every 75 octets, even inside a UTF-8 character: unfolded as bytes first,
# or the character's halves are decoded apart.
_FOLD = re.compile(rb"\r?\n[ \t]")
# Old exporters write Windows' Western European set; then latin-1, which reads any byte.
_FALLBACKS = ("cp1252",)
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class NotACalendar(Exception):
    """The body is not an iCalendar feed (an HTML login page, JSON, garbage)."""


def calendars_in(ics: bytes, *, charset: str | None = None) -> list[Calendar]:
    """Each VCALENDAR in a feed (a file may join several), or NotACalendar."""
    try:
        found = Calendar.from_ical(_text(ics, charset), multiple=True)
    except (ValueError, TypeError, IndexError, KeyError) as error:
        raise NotACalendar(str(error)[:200]) from error
    calendars = [c for c in found if isinstance(c, Calendar) and c.name == "VCALENDAR"]
    if not calendars or len(calendars) != len(found):
        raise NotACalendar(", ".join(getattr(c, "name", "") for c in found)[:200])
    return calendars


def _text(ics: bytes, charset: str | None) -> str:
    """The feed as text: UTF-8 (as RFC 5545 says), else the server's charset, else Windows'."""
    if ics.startswith(_UTF16):
        return _decoded(ics, "utf-16") or ""
    unfolded = _FOLD.sub(b"", ics)
    for encoding in ("utf-8-sig", charset, *_FALLBACKS):
        text = _decoded(unfolded, encoding) if encoding else None
        if text is not None:
            return text
    return unfolded.decode("latin-1")


def _decoded(data: bytes, encoding: str) -> str | None:
    """The bytes decoded, or None when they are not in that encoding (or it is unknown)."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
