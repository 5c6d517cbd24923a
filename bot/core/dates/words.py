"""The shape of a language's date words, and the folding that lets typed text match them."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any


def fold(text: str) -> str:
    """Lower-case text without accents, so "Décembre", "decembre" and "DÉCEMBRE" read alike.

    Full-width forms become plain ("１２月" is "12月"); only Latin letters lose their marks,
    since a Japanese voiced kana or a Hangul syllable is a different letter without them.
    """
    text = unicodedata.normalize("NFKC", text.replace("\u2019", "'").replace("ß", "ss").lower())
    return "".join(_unmarked(c) for c in text)


def _unmarked(char: str) -> str:
    base = unicodedata.normalize("NFD", char)
    return base[0] if base[0].isascii() else char


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternative of words, where a space inside a word matches any run of spaces."""
    # No words match nothing, rather than the empty string that an empty alternation matches.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"


def indexed(groups: str, first: int) -> dict[str, int]:
    """Map each word of "a b|c d" to its group's number: {"a": first, "b": first, "c": first+1}."""
    return {
        fold(word): number
        for number, group in enumerate(groups.split("|"), start=first)
        for word in group.split()
    }


def numbered_months(word: str) -> dict[str, int]:
    """Months written by number before the word for month: "8月", "八月"."""
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    return {
        f"{number}{word}": month
        for month, numeral in enumerate(numerals, start=1)
        for number in (str(month), numeral)
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


@dataclass(frozen=True, eq=False)
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
    reasons: tuple[str, ...] = ()  # why people are away ("PTO", "en vacances"): never a date
    # Sentences: words that change what a date means ("every", "before"), never ignored, and
    # known words that are ordinary in a sentence ("回老家", going home), cut like reasons.
    qualifiers: tuple[str, ...] = ()
    ordinary: tuple[str, ...] = ()
    starts_after: tuple[str, ...] = ()  # a start marked after its date: "月曜日から", "월요일부터"
    until_after: tuple[str, ...] = ()  # "金曜日まで", "금요일까지"
    back_after: tuple[str, ...] = ()  # "ab Dienstag wieder da", "火曜日に戻ります"
    durations_after: tuple[str, ...] = ()  # "3일 동안"
    hour_marks: tuple[str, ...] = ()  # a bare number after these is an hour: "dalle 14"
    hour_starts: tuple[str, ...] = ()  # "jueves de 10 a 12": after a day, a start of hours
    ahead: tuple[str, ...] = ()  # "a week from Monday": the day that long after another
    paired: dict[str, str] = field(default_factory=dict)  # "mar" is martes only in "mar-jue"
    halves: dict[str, str] = field(default_factory=dict)  # "afternoon" -> "12:00 - 24:00"
    month_marks: tuple[str, ...] = ()  # "in August", "en août": words before a month alone
    # Other ways to write a date, as a regex of folded text and what the grammar reads instead:
    # "w/c 14 dec" is "1 week starting 14 dec", "1 da tarde" is "1pm".
    rewrites: dict[str, str] = field(default_factory=dict)
    bare_day_ranges: bool = True  # "du 28 au 2" is a date range; "from 9 to 5" is office hours
    spaced: bool = True  # False: words run together ("12月10日から"), so text is split first
    compounds: bool = False  # True: a month or weekday runs into other words ("Märzhälfte")
    dateparser: bool = True  # False: dateparser misreads this language, only our tables read it

    @property
    def words(self) -> tuple[str, ...]:
        """Every word and phrase this language knows, longest first (for splitting text)."""
        groups: list[Iterable[str]] = [self.months, self.weekdays, self.days, self.numbers]
        groups += [self.units, self.spans, self.fillers, self.modifiers, self.now, self.permanent]
        groups += [self.starts, self.to, self.until, self.back, self.durations, self.within]
        groups += [self.at, self.noon, self.midnight, self.reasons, self.starts_after]
        groups += [self.qualifiers, self.ordinary]
        groups += [self.until_after, self.back_after, self.durations_after, self.halves]
        every = {word for group in groups for word in group}
        return tuple(sorted(every, key=len, reverse=True))


def extended(vocab: Vocab, **more: Any) -> Vocab:
    """Vocab with more words for some of its fields: mappings and sets merged, phrases re-sorted."""
    changes: dict[str, Any] = {}
    for name, words in more.items():
        known = getattr(vocab, name)
        if isinstance(known, dict | frozenset):
            changes[name] = known | words
        else:
            changes[name] = tuple(sorted({*known, *words}, key=len, reverse=True))
    return replace(vocab, **changes)
