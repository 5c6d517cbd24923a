"""The shape of a language's date words, and the folding that lets typed text match them."""

import re
import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower-case text without accents, so "Décembre", "decembre" and "DÉCEMBRE" read alike."""
    text = text.replace("\u2019", "'").replace("ß", "ss").lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternative of words, where a space inside a word matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def indexed(groups: str, first: int) -> dict[str, int]:
    """Map each word of "a b|c d" to its group's number: {"a": first, "b": first, "c": first+1}."""
    return {
        fold(word): number
        for number, group in enumerate(groups.split("|"), start=first)
        for word in group.split()
    }


def phrases(text: str) -> tuple[str, ...]:
    """Split "a b|c" into ("a b", "c"), longest first so regex alternations prefer them."""
    return tuple(sorted((fold(p.strip()) for p in text.split("|")), key=len, reverse=True))


def word_set(words: str) -> frozenset[str]:
    """The folded words of a space-separated list."""
    return frozenset(fold(word) for word in words.split())


def valued(pairs: str) -> dict[str, str]:
    """Map "next week=next_week|this week=this_week" to a dict of phrase -> value."""
    entries = (pair.split("=") for pair in pairs.split("|"))
    return {fold(phrase.strip()): value.strip() for phrase, value in entries}


@dataclass(frozen=True)
class Vocab:
    """The words one language uses for the pieces of a date range."""

    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, str]  # today, tomorrow, yesterday: offsets in days from today
    numbers: dict[str, int]
    units: dict[str, str]  # day / week / hour
    spans: dict[str, str]  # "next week" -> a span kind understood by days.span
    fillers: frozenset[str]  # words that carry no date meaning ("the", "le", "am", "el")
    modifiers: frozenset[str]  # "next", "this" before weekdays: a weekday already means the next
    now: tuple[str, ...]
    permanent: tuple[str, ...]
    starts: tuple[str, ...]
    to: tuple[str, ...]
    until: tuple[str, ...]
    back: tuple[str, ...]
    durations: tuple[str, ...]
    within: tuple[str, ...]  # "in 3 days"
    at: tuple[str, ...]  # "at 2pm", "um 14 Uhr"
    noon: tuple[str, ...]
    midnight: tuple[str, ...]
    examples: tuple[str, str]
    bare_day_ranges: bool = True  # "du 28 au 2" is a date range; "from 9 to 5" is office hours
