"""Where the dates at the start of a sentence end ("24 Dec to 1 Jan Closed for stock taking")."""

from .languages import VOCABS, languages_for
from .prepare import normalize
from .sentence import glue, is_date_word


def leading_date_words(words: list[str], *, locale: str | None) -> int:
    """How many of the first words can belong to the dates: up to the first ordinary word,
    without the joining words before it ("for the" in "1 Jan for the stocktake").

    The grammar ignores ordinary words, so "5 Jan Inventory" reads as 5 Jan: cut there, or
    the message after the dates is eaten as dates.
    """
    vocabs = tuple(VOCABS[code] for code in languages_for(locale))
    size = 0
    for word in words:
        tokens = normalize(word).split()
        if not tokens or not all(is_date_word(t, vocabs) for t in tokens):
            break
        size += 1
    joining = glue(vocabs)
    while size and all(t in joining for t in normalize(words[size - 1]).split()):
        size -= 1
    return size
