"""Numbers written as words ("ten days", "dos mil veintisiete") turned into digits by text2num."""

import re
from functools import cache

from text_to_num import alpha2digit, text2num

from .words import Vocab, alternation, fold

# The languages text2num reads; Japanese, Korean and Chinese numerals are cjk.py's.
_SPELLED = frozenset({"en", "fr", "de", "es", "pt", "it"})
# Folding took accents that text2num needs back on the few number words that carry one.
# An English year said in pairs: "twenty twenty-seven" is 2027.
_PAIRED_YEAR = re.compile(
    r"\btwenty[ -]((?:twenty|thirty)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
)
_ACCENTS = {
    "fr": ((r"ieme\b", "ième"), (r"\bzero\b", "zéro")),
    "de": (("funf", "fünf"), ("zwolf", "zwölf")),
    "es": (
        (r"\bveintidos\b", "veintidós"),
        (r"\bveintitres\b", "veintitrés"),
        (r"\bveintiseis\b", "veintiséis"),
    ),
}
# A fortnight is two weeks; eight days is one week and fifteen days two in these languages
# ("quinze jours" from a Monday ends on a Sunday): said in words, the idiom is meant.
_IDIOMS = {
    "en": ((r"\b(?:a |one )?fortnight\b", "2 weeks"),),
    "fr": ((r"\bhuit jours\b", "1 semaine"), (r"\bquinze jours\b", "2 semaines")),
    "de": ((r"\bacht tagen?\b", "1 woche"),),
    "es": ((r"\bocho dias\b", "1 semana"), (r"\bquince dias\b", "2 semanas")),
    "pt": ((r"\boito dias\b", "1 semana"), (r"\bquinze dias\b", "2 semanas")),
    "it": (
        (r"\botto giorni\b", "1 settimana"),
        (r"\bquindici giorni\b", "2 settimane"),
        # The hour one is elided: "dall'una all'una e mezza".
        (r"\b(d?)all'una\b", r"\1alle 1"),
    ),
}
# Articles that are also "one": "pour une durée indéterminée" holds no count, and the grammar
# reads "1 semaine" as one week itself; after "and" they end a number ("vingt et un").
_ARTICLES = r"(?<!\bet )(?<!\by )(?<!\be )(?:un|une|una|um|uma|ein|eine|einen|einem|einer"
_ARTICLES += "|unas|unos|umas|uns)"  # "unas largas vacaciones": some, never one


def digits(text: str, vocab: Vocab) -> str:
    """Text with its number words as digits; month, weekday, qualifier and article words are not
    numbers.

    French "sept" is September as often as seven, and Portuguese "segunda" is Monday: each
    run of words between two such words is read on its own.
    """
    if vocab.code not in _SPELLED:
        return text
    pieces = _names(vocab).split(text)
    return "".join(
        piece if index % 2 else _spelled(piece, vocab.code) for index, piece in enumerate(pieces)
    )


def _spelled(text: str, code: str) -> str:
    if not text.strip():
        return text
    for pattern, written in (*_IDIOMS.get(code, ()), *_ACCENTS.get(code, ())):
        text = re.sub(pattern, written, text)
    if code == "en":
        text = _PAIRED_YEAR.sub(lambda m: str(2000 + text2num(m[1], "en")), text)
    # threshold 1: a lone "one" or "first" stays a word, which the grammar reads itself.
    digits = fold(alpha2digit(text, code, threshold=1))  # "2ème", "1º" as the grammar folds them
    return re.sub(r"(?<=\d)\.(?=er\b)", "", digits)  # the Spanish "1.ᵉʳ" is "1er"


@cache
def _names(vocab: Vocab) -> re.Pattern[str]:
    """Month, weekday, qualifier and article words, kept as they are (the group keeps them in the
    split); a qualifier too, since "às sextas" is on Fridays, never "the sixth"."""
    kept = {*vocab.months, *vocab.weekdays, *vocab.qualifiers}
    names = tuple(sorted(kept, key=len, reverse=True))
    # Not after a word and a hyphen: "vingt-sept" is twenty-seven, not "vingt-" and September.
    return re.compile(
        rf"(?<![^\s/-])(?<![a-z]-)({alternation(names)}|{_ARTICLES})(?=\.?(?:[\s/-]|$))"
    )
