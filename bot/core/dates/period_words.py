"""The words one language uses to place a period in a month or a year ("first half", "last")."""

from dataclasses import dataclass, field

from .words import valued


@dataclass(frozen=True)
class PeriodWords:
    """ "next June", "the first half of March", "the last Friday of next month" in one language."""

    next: tuple[str, ...]  # before or after a month: "next June", "juin prochain"
    half: tuple[str, ...]  # the word an ordinal turns into a half: "half", "quinzaine"
    last: tuple[str, ...]  # "the last Friday"
    of: tuple[str, ...]  # between a half or a weekday and its month: "of", "de", "im"
    years: dict[str, int]  # "next year" -> 1, "this year" -> 0
    months: dict[str, int] = field(default_factory=dict)  # "the month" -> 0
    ordinals: dict[str, int] = field(default_factory=dict)  # ordinals text2num leaves as words
    halves_after: dict[str, int] = field(default_factory=dict)  # "3月前半", "明年上半年"
    thirds_after: dict[str, int] = field(default_factory=dict)  # "3月下旬": from the 21st
    whole_day: tuple[str, ...] = ()  # "all day": alone it is today, beside a day that day

    @property
    def words(self) -> frozenset[str]:
        """Every word these phrases are made of, which a sentence never drops as ordinary."""
        # Not whole_day's: forms reads "all day" before a sentence is cut, and "long" is ordinary.
        groups = [self.next, self.half, self.last, self.years, self.months, self.ordinals]
        groups += [self.halves_after, self.thirds_after]
        return frozenset(word for group in groups for phrase in group for word in phrase.split())


def counted(pairs: str) -> dict[str, int]:
    """Map "next year=1|this year=0" to a dict of phrase -> number."""
    return {phrase: int(value) for phrase, value in valued(pairs).items()}
