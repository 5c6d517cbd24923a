"""Times of day inside a piece of a phrase: "2pm", "14:00", "14h30", "9 Uhr", "noon", "midnight"."""

import re
from dataclasses import dataclass
from functools import cache

from .languages import VOCABS
from .words import Vocab, alternation


@dataclass(frozen=True)
class TimeOfDay:
    """A wall-clock time; midnight is 24:00, the end of its day, so "until midnight" includes it."""

    hour: int
    minute: int = 0


def first_after(hour: int, last: int | None) -> int:
    """An hour said without its half of the day after another: the first such hour after it, so
    "8 to 1" ends at 13:00 and "22 to 3" the next night."""
    if last is not None and hour < 12 and hour <= last < hour + 12:
        return hour + 12
    return hour


@cache
def _pattern(code: str) -> re.Pattern[str]:
    vocab = VOCABS[code]
    at = alternation(vocab.at)
    # German "am" means "on": "12 Uhr am Freitag" is noon, so there a.m. is written attached.
    gap = "" if "am" in vocab.fillers else r"\s*"
    clock = (
        rf"(?P<h1>\d{{1,2}})(?::(?P<m1>\d{{2}}))?{gap}(?P<ap>a\.?m\.?|p\.?m\.?)"
        r"|(?P<h2>\d{1,2}):(?P<m2>\d{2})(?:\s*(?:uhr|h))?"
        r"|(?P<h3>\d{1,2})\s*h(?P<m3>\d{2})?"
        r"|(?P<h4>\d{1,2})(?:\.(?P<m4>\d{2}))?\s*uhr"
        rf"|(?P<noon>{alternation(vocab.noon)})|(?P<midnight>{alternation(vocab.midnight)})"
    )
    return re.compile(
        rf"(?<!\S)(?:(?:{at})\s*)?(?:{clock})(?!\S)|(?<!\S)(?:{at})\s+(?P<h5>\d{{1,2}})(?!\S)"
    )


def _read(match: re.Match[str]) -> TimeOfDay | None:
    """Turn one match into a time, or None when the hour or minute cannot exist."""
    if match["noon"]:
        return TimeOfDay(12)
    if match["midnight"]:
        return TimeOfDay(24)
    hour_text = next(match[g] for g in ("h1", "h2", "h3", "h4", "h5") if match[g])
    minute_text = next((match[g] for g in ("m1", "m2", "m3", "m4") if match[g]), "0")
    hour, minute = int(hour_text), int(minute_text)
    if match["ap"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ap"].startswith("p") else 0)
    if (hour, minute) == (24, 0):
        return TimeOfDay(24)
    if hour > 23 or minute > 59:
        return None
    return TimeOfDay(hour, minute)


def split_time(text: str, vocab: Vocab) -> tuple[str, TimeOfDay | None] | None:
    """Take the time of day out of a piece: (the rest, the time); None if it is unreadable."""
    matches = list(_pattern(vocab.code).finditer(text))
    if not matches:
        return text, None
    if len(matches) > 1:
        return None
    found = _read(matches[0])
    if found is None:
        return None
    rest = f"{text[: matches[0].start()]} {text[matches[0].end() :]}"
    return " ".join(rest.split()), found


def times_in(text: str, vocab: Vocab) -> list[tuple[TimeOfDay, str]]:
    """Every readable time of day in text, with the words that said it."""
    found = ((_read(match), match[0]) for match in _pattern(vocab.code).finditer(text))
    return [(said, words) for said, words in found if said is not None]
