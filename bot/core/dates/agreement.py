"""After reading: every year, month and time a phrase says is in the range read, or it is refused.

The grammar reads every word it keeps, but a reader can still lose a part on the way (a span
it replaced, a time a rewrite moved, a date dateparser read without its year). This check does
not trust how the range was read: it names the first part the range disagrees with.
"""

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .assemble import localize
from .model import DateError, DateRange
from .periods import WORDS as PERIODS
from .times import TimeOfDay, times_in
from .words import Vocab

_YEAR = re.compile(r"(?<![\d:])((?:19|20|21)\d\d)(?![\d:])")


def check(text: str, vocab: Vocab, found: DateRange, zone: ZoneInfo) -> None:
    """Refuse, naming it, the first year, month, weekday or time of text found disagrees with."""
    for phrase in vocab.permanent:  # "até segunda ordem" names no Monday
        text = text.replace(phrase, " ")
    first = found.start.date()
    last = first if found.end is None else found.end.date()
    for year in _YEAR.findall(text):
        if not first.year <= int(year) <= last.year:
            raise DateError("unused", part=year, text=text)
    for word in text.split():
        month = vocab.months.get(word.strip("."))
        if month is not None and not _spans_month(first, last, month):
            raise DateError("unused", part=word, text=text)
    _check_weekdays(text, vocab, found)
    instants = [found.start] if found.end is None else [found.start, found.end]
    for said, words in times_in(text, vocab):
        if not any(_shows(moment, said, zone) for moment in instants):
            raise DateError("unused", part=words, text=text)


def _check_weekdays(text: str, vocab: Vocab, found: DateRange) -> None:
    """A weekday said is the first, the last or the return day, unless counted from ("2 days
    after Friday").

    A weekday's word before another weekday or a half counts it ("a segunda sexta-feira", "a
    segunda metade"): the ordinal of a period, whose own weekday is the one checked.
    """
    words = [word.strip(".") for word in text.split()]
    if any(word in vocab.units for word in words):
        return
    ends = [found.start.date()]
    if found.end is not None and found.last_day is not None:
        ends += [found.end.date(), found.last_day]
    counted = {*vocab.weekdays, *PERIODS[vocab.code].half}
    for word, following in zip(words, [*words[1:], ""], strict=False):
        said = vocab.weekdays.get(word)
        if said is None or following in counted:
            continue
        if all(day.weekday() != said for day in ends):
            raise DateError("unused", part=word, text=text)


def _spans_month(first: date, last: date, month: int) -> bool:
    """Whether a day of this month lies in [first, last]."""
    day = first.replace(day=1)
    while day <= last:
        if day.month == month:
            return True
        day = (day + timedelta(days=32)).replace(day=1)
    return False


def _shows(moment: datetime, said: TimeOfDay, zone: ZoneInfo) -> bool:
    """Whether an instant is the time said on its day (24:00 is the midnight that ends a day).

    Localized as the reader does, so a time a DST jump skipped agrees with where it moved.
    """
    midnight = datetime.combine(moment.date(), time(0))
    wall = midnight if said.hour == 24 else midnight.replace(hour=said.hour, minute=said.minute)
    return localize(wall, zone).astimezone(UTC) == moment.astimezone(UTC)
