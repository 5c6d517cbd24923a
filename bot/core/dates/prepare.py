"""A phrase made ready for one language's grammar: words split, forms spelled out, reasons cut."""

import re
from collections.abc import Callable
from functools import cache

from . import forms
from .cjk import split_words
from .model import DateError
from .periods import WORDS as PERIODS
from .sentence import unused
from .times import first_after
from .words import Vocab, alternation, fold

_SUFFIX = r"[ap]\.?m\.?|h|uhr"


def normalize(text: str) -> str:
    """Fold case and accents, make ISO dates unambiguous and give range dashes spaces."""
    text = fold(text)
    text = re.sub(r":[a-z][a-z0-9_+-]*:", " ", text)  # Slack emoji such as :palm_tree:
    # Not \b: "2026-12-21至2027-01-04" runs an ISO date into a word of a script without spaces.
    text = re.sub(
        r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{1,2}:\d{2})(?::\d{2})?)?(?!\d)", _iso, text
    )
    text = re.sub("[\u2013\u2014~\u301c\uff5e]", " - ", text)
    text = re.sub(r"(?<=\d)-|-(?=\d)|(?<=\s)-|-(?=\s)", " - ", text)
    text = re.sub(r"(?<=[^\W\d])([&+])(?=[^\W\d])", r" \1 ", text)  # "Do+Fr", "Thu&Fri"
    text = re.sub(r"[,;!?()\"\[\]「」『』。、*_]|:(?!\d)", " ", text)
    # Brackets, quotes and Slack's code marks around a word ("<Monday>", « lundi », `Fri`) are
    # no part of it: left on, they hid a weekday from every table.
    text = re.sub(r"[<>«»\u2039\u203a“”„`]|(?<!\w)'|'(?!\w)", " ", text)
    text = re.sub(r"(?<=[^\W\d])\.(?=\s)", " ", text)  # a sentence's full stop, not "2." or "3.1."
    text = "".join(" " if _symbol(c) else c for c in text)
    return " ".join(text.split()).strip(" .")


def _symbol(char: str) -> bool:
    """Emoji and other pictographs, which carry no dates."""
    return ord(char) >= 0x2190 and not char.isalnum() and char not in "\u3005\u30fc"


def _iso(match: re.Match[str]) -> str:
    year, month, day, clock = match.groups()
    return f"{year}/{month}/{day}" + (f" {clock}" if clock else "")


def prepare(text: str, vocab: Vocab) -> str:
    """The phrase as the grammar reads it; empty when it only said why the person is away."""
    text = forms.rewrite(text, vocab)  # number words, script numerals and such: as digits
    if not vocab.spaced:
        text = split_words(text, vocab)
    patterns = _patterns(vocab)
    text = patterns["halves"].sub(lambda m: f" {vocab.halves[' '.join(m[0].split())]} ", text)
    text = patterns["paired"].sub(lambda m: _paired(m, vocab), text)
    text = _listed(text, vocab)
    if vocab.spaced:
        text = patterns["day_hours"].sub(lambda m: _day_hours(m, vocab), text)
    text = patterns["hours"].sub(lambda m: _hours(m, vocab), text)
    text = patterns["marked"].sub(_marked(), text)
    text = patterns["qualifiers"].sub(lambda m: _qualifier(m, vocab), text)
    # Ordinary phrases may hold a date's word ("may be", "回老家"): cut before the check below.
    text = patterns["ordinary"].sub(" ", text)
    words = patterns["reasons"].sub(" ", text).split()
    lost = unused(text, " ".join(words), (vocab,))
    if lost is not None:
        raise DateError("unused", part=lost, text=text)  # a reason never swallows a date
    while words and words[-1] in vocab.fillers:  # "12/15まで休暇を…": the particle is left over
        words.pop()
    return " ".join(words)


@cache
def _patterns(vocab: Vocab) -> dict[str, re.Pattern[str]]:
    clock = r"(?P<h{n}>\d{{1,2}})(?:(?::|h)(?P<m{n}>\d{{2}}))?"
    # "de las 5 a las 6 de la tarde": the part of the day said after the end is both hours'.
    marks = alternation(vocab.hour_marks)
    to = alternation(tuple(sorted((*vocab.to, *vocab.hour_marks), key=len, reverse=True)))
    fillers = alternation(tuple(vocab.fillers))
    months = alternation(_longest(tuple(vocab.months)))
    return {
        "paired": re.compile(r"(?<!\S)([^\s\d/-][^\s/-]*)\s*([-/])\s*([^\s\d/-][^\s/-]*)(?!\S)"),
        "hours": re.compile(
            rf"(?<!\S)(?:(?:{marks})\s+)?{clock.format(n=1)}\s*(?P<s1>{_SUFFIX})?\s+(?:{to})"
            rf"\s+{clock.format(n=2)}\s*(?P<s2>{_SUFFIX})(?!\S)"
        ),
        # "el jueves de 10 a 12", "domani 9-12": bare numbers right after a day are its hours.
        "day_hours": re.compile(
            rf"(?<!\S)(?P<day>{alternation(_longest((*vocab.weekdays, *vocab.days)))})\s+"
            rf"(?:(?P<mark>{alternation(vocab.hour_starts)})\s+)?(?P<h1>\d{{1,2}})\s+(?:{to})\s+"
            rf"(?P<h2>\d{{1,2}})(?!\S)(?!\s+(?:(?:{fillers})\s+)*(?:{months})(?!\S))"
        ),
        "marked": re.compile(
            rf"(?<!\S)(?P<mark>{alternation(vocab.hour_marks)})\s+(?P<h>\d{{1,2}})(?!\S)"
        ),
        "halves": re.compile(rf"(?<!\S)(?:{alternation(tuple(vocab.halves))})(?!\S)"),
        # Every phrase, longest first: "fin de semana" stays a weekend, "pasado mañana" a day;
        # "last" before a weekday or a half of one is a period's ("the last Friday of March").
        "qualifiers": re.compile(rf"(?<!\S)(?:{_placed(vocab)}|{alternation(vocab.words)})(?!\S)"),
        "ordinary": re.compile(rf"(?<!\S)(?:{alternation(_longest(vocab.ordinary))})(?!\S)"),
        "reasons": re.compile(rf"(?<!\S)(?:{alternation(vocab.reasons)})(?!\S)"),
    }


def _paired(match: re.Match[str], vocab: Vocab) -> str:
    """ "Tue-Thu" and "mar.-jeu." are ranges; "Mo/Di" is one only for two days in a row."""
    first, mark, second = (fold(vocab.paired.get(w.strip("."), w)) for w in match.groups())
    days = [vocab.weekdays.get(word.strip(".")) for word in (first, second)]
    if days[0] is None or days[1] is None:
        return match[0]
    if mark == "/" and (days[1] - days[0]) % 7 != 1:
        return match[0]
    return f"{first} - {second}"


def _listed(text: str, vocab: Vocab) -> str:
    """ "Thu & Fri", "Do+Fr", "木・金", "周四周五": two weekdays in a row listed are one range;
    two apart ("Mon & Wed") are two absences, left for the grammar to refuse."""
    words = text.split()
    found: list[str] = []
    while words:
        first = words.pop(0)
        joined = 1 if len(words) > 1 and words[0] in ("&", "+") else 0
        second = words[joined] if len(words) > joined else ""
        days = [
            vocab.weekdays.get(fold(vocab.paired.get(w.strip("."), w))) for w in (first, second)
        ]
        if first in PERIODS[vocab.code].ordinals:
            days[0] = None  # "a segunda terça-feira" is the second Tuesday
        if days[0] is not None and days[1] is not None and (days[1] - days[0]) % 7 == 1:
            found += [fold(vocab.paired.get(w.strip("."), w)) for w in (first, "-", second)]
            del words[: joined + 1]
        else:
            found.append(first)
    return " ".join(found)


def _hours(match: re.Match[str], vocab: Vocab) -> str:
    """ "1-4pm" is 13:00 to 16:00, "9 bis 12 Uhr" 09:00 to 12:00, "11-1pm" 11:00 to 13:00."""
    said, suffix = match["s1"], match["s2"]
    if said and suffix[0] in "ap" and said[0] not in "ap":
        said = None  # "de 3h à 4h du soir": "h" names no half of the day, the end's is both's
    if said is None and _marks_a_day(match, vocab):
        return match[0]
    end = _hour(int(match["h2"]), suffix)
    start = _hour(int(match["h1"]), said or suffix)
    if start is not None and end is not None and said is None and start > end:
        start = _hour(int(match["h1"]), {"a": "pm", "p": "am"}.get(suffix[0], suffix))
    if start is None or end is None:
        return match[0]
    return f"{start}:{match['m1'] or '00'} - {end}:{match['m2'] or '00'}"


def _day_hours(match: re.Match[str], vocab: Vocab) -> str:
    """ "jueves de 10 a 12", "domani 9-12": 10:00 to 12:00 and 9:00 to 12:00, "Friday from 9 to 5"
    9:00 to 17:00. Unmarked after a weekday ("lundi 14 au 18") they are days of the month, and
    a start before 7 ("Friday from 1 to 3") may be either half of the day: left to the grammar."""
    if match["mark"] is None and match["day"] not in vocab.days:
        return match[0]
    start = int(match["h1"])
    end = first_after(int(match["h2"]), start)
    if not 7 <= start < end <= 24:
        return match[0]
    return f"{match['day']} {start}:00 - {end}:00"


def _marked() -> Callable[[re.Match[str]], str]:
    """ "dalle 8 alle 1": an hour after a marker is a time, the first such hour after the last;
    after an hour of the 24-hour clock ("dalle 17 alle 9") it is on that clock too, so the range
    runs through the night to the next morning."""
    last: int | None = None

    def written(match: re.Match[str]) -> str:
        nonlocal last
        said = int(match["h"])
        hour = last = said if last is not None and last > 12 else first_after(said, last)
        return f"{match['mark']} {hour}:00"

    return written


def _hour(hour: int, suffix: str) -> int | None:
    if suffix[0] not in "ap":
        return hour if hour <= 24 else None
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if suffix[0] == "p" else 0)


def _marks_a_day(match: re.Match[str], vocab: Vocab) -> bool:
    """ "le 14 jusqu'à 17h": an article before a bare number makes it a day of month."""
    before = match.string[: match.start()].split()[-1:]
    return bool(before) and before[0] in vocab.fillers and before[0] not in vocab.starts


def _placed(vocab: Vocab) -> str:
    """A regex of "last" or "2nd" before a weekday or a half of a month or year: a period's."""
    words = PERIODS[vocab.code]
    after = alternation(_longest((*vocab.weekdays, *words.half)))
    nth = alternation(_longest((*words.last, *words.ordinals)))
    return rf"(?:{nth}|\d\S*)\s+(?:{after})(?=\s+(?:{alternation(words.of)})\s)"


def _longest(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _qualifier(match: re.Match[str], vocab: Vocab) -> str:
    """ "todos los lunes": a qualifier becomes one marked word ("todos_los_") the grammar never
    reads, kept whole so a refusal can name it; a span such as "fin de semana" stays as it is."""
    words = match[0].split()
    return f"{'_'.join(words)}_" if " ".join(words) in vocab.qualifiers else match[0]
