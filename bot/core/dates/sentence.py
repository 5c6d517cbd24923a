"""The words of a sentence around its dates: those that carry a date, and the ordinary rest.

Every word that carries a date (a digit, a numeral, a month, a weekday, a day word such as
"tomorrow") and every word that changes what a date means ("every", "before") is kept for the
grammar, which reads them all or refuses; any other word ("away", "lol", a name) is ignored.
"""

import re
from collections.abc import Iterator
from functools import cache

from .periods import WORDS as PERIODS
from .words import Vocab, alternation

# Numerals written in the CJK script ("三月五号") and the mark of an ordinal ("第二个星期五"): a
# date's, never an ordinary word's.
_NUMERALS = frozenset("〇一二三四五六七八九十百千两兩第")
# Hours written apart from their number ("9 Uhr", "5 pm"): part of a time, never ordinary.
_CLOCK = re.compile(r"uhr|h|[ap]\.?m\.?")
# How many joining words a sentence may have at its edges ("to", "de la"), cut to read the rest.
MAX_TRIMMED = 4


@cache
def _bearing(vocab: Vocab) -> frozenset[str]:
    """Words that name a date in this language: months, weekdays, numbers, day words."""
    numbers = (word for word in vocab.numbers if len(word) > 2)  # not "a", "un": articles
    single = (p for group in (vocab.days, vocab.noon, vocab.midnight) for p in group)
    return frozenset([*vocab.months, *vocab.weekdays, *numbers, *single])


@cache
def _known(vocab: Vocab) -> frozenset[str]:
    """Every word the grammar of this language reads, alone or inside a phrase.

    A word seen only inside a reason ("me voy", "vou tirar") or a qualifier ("todos los") is
    ordinary when alone.
    """
    unread = set(vocab.reasons + vocab.ordinary + vocab.qualifiers)
    known = frozenset(w for p in vocab.words if p not in unread for w in p.split())
    # A one-word qualifier ("noche") is never ordinary either: in the English pass of a Spanish
    # phrase, dropping it would leave "hasta las 12" to be read as the 12th.
    single = frozenset(q for q in vocab.qualifiers if " " not in q)
    return known | single | PERIODS[vocab.code].words


@cache
def _compound(vocab: Vocab) -> re.Pattern[str]:
    """A word run together with a month or weekday ("Märzhälfte", "Freitagnachmittag")."""
    names = tuple(sorted((w for w in (*vocab.months, *vocab.weekdays) if len(w) > 3), key=len))
    inside = alternation(names[::-1])
    # Three letters at least beside it: "Montage" (fitting work) is no compound of Montag.
    return re.compile(rf"(?:{inside})\w{{3,}}|\w{{3,}}(?:{inside})" if vocab.compounds else "(?!)")


def bears_a_date(word: str, vocabs: tuple[Vocab, ...]) -> bool:
    """Whether a word carries a date in any of the languages a phrase is read in.

    So does a word holding one joined by a hyphen ("mid-December") or, in a language that
    compounds, run into it: dropped, "in der zweiten Märzhälfte" had read as the 2nd alone.
    """
    if any(c.isdigit() or c in _NUMERALS for c in word) or _CLOCK.fullmatch(word):
        return True
    parts = word.strip(".").split("-")
    return any(
        part in _bearing(vocab) or _compound(vocab).fullmatch(part)
        for vocab in vocabs
        for part in parts
    )


def _kept(word: str, vocabs: tuple[Vocab, ...]) -> bool:
    """A word never ignored: it carries a date or changes what one means, in any language read."""
    return bears_a_date(word, vocabs) or _qualifies(word)


def _qualifies(word: str) -> bool:
    """Whether a word changes what a date means: prepare marked those ("every_", "todos_los_")."""
    return word.endswith("_")


@cache
def _glue(vocab: Vocab) -> frozenset[str]:
    """Words that only join a date to a sentence ("to", "de", "la", "に"): cut at its edges."""
    groups = [vocab.starts, vocab.to, vocab.until, vocab.at, vocab.durations, vocab.within]
    groups += [vocab.month_marks, vocab.hour_marks, vocab.starts_after, vocab.until_after]
    # Whole one-word markers only: "month" in "in the month of" is no joining word.
    joined = {phrase for group in groups for phrase in group if " " not in phrase}
    articles = {word for word in vocab.numbers if len(word) <= 2}  # "a", "un": also "one"
    return frozenset(vocab.fillers | joined | articles) - _bearing(vocab)


def is_date_word(word: str, vocabs: tuple[Vocab, ...]) -> bool:
    """Whether the grammar reads a word (normalized) in any of these languages, not ignores it."""
    return _kept(word, vocabs) or any(word in _known(v) for v in vocabs)


def glue(vocabs: tuple[Vocab, ...]) -> frozenset[str]:
    """The joining words of these languages: "to", "the", "for", "a"."""
    return frozenset().union(*(_glue(v) for v in vocabs))


def readings(text: str, vocab: Vocab, vocabs: tuple[Vocab, ...]) -> Iterator[str]:
    """The text without its ordinary words, then with ever more joining words cut at its edges.

    "to from dec 20 to jan 3" (from "going to be out of the office from …") reads once "to" is
    cut; any other known word (a date's, "every", "back") is never cut, so it is read or the
    phrase is refused.
    """
    # Joining words of any language read ("an", an English article, in a German sentence).
    glue = frozenset().union(*(_glue(v) for v in vocabs)) - _bearing(vocab)
    # A word another language of the locale reads ("hasta" in the English pass) is no ordinary
    # word: dropping it would leave a bare "15" to be read as a day.
    words = [w for w in text.split() if is_date_word(w, vocabs)]
    if not words:
        return
    yield " ".join(words)
    lead = next((i for i, w in enumerate(words) if w not in glue), len(words))
    tail = next((i for i, w in enumerate(reversed(words)) if w not in glue), len(words))
    if lead + tail > 2 * MAX_TRIMMED:
        return  # no sentence has so many joining words around its dates: garbage, not worth it
    for cut in range(1, min(lead + tail, MAX_TRIMMED) + 1):
        for front in range(max(0, cut - tail), min(lead, cut) + 1):
            rest = words[front : len(words) - (cut - front)]
            if rest:
                yield " ".join(rest)


def unused(before: str, after: str, vocabs: tuple[Vocab, ...]) -> str | None:
    """The first word that carries a date in before but is gone from after, if any."""
    kept = after.split()
    return next((w for w in before.split() if bears_a_date(w, vocabs) and w not in kept), None)


def qualifier(text: str) -> str | None:
    """The first word of text that changes what a date means ("every"), if any."""
    found = next((w for w in text.split() if _qualifies(w)), None)
    return None if found is None else found.rstrip("_").replace("_", " ")
