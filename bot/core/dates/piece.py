"""One end of a range as read from a phrase, and what reading it depends on."""

from dataclasses import dataclass
from datetime import date, datetime

from .times import TimeOfDay
from .words import Vocab


@dataclass(frozen=True)
class Context:
    """What reading a piece depends on: the language, the user's wall-clock now, the date order."""

    vocab: Vocab
    now: datetime  # naive, on the user's wall clock
    order: str  # numeric dates: "mdy" (12/24), "dmy" (24/12) or "ymd" (2025/12/24, 12/24)
    week: date | None = None  # the Monday of a week the phrase named: its weekdays are in it
    month: date | None = None  # the first day of a month a span named: its bare days are in it
    past: bool = False  # a period that may be over (exports): "this month" whole, years nearest

    @property
    def today(self) -> date:
        """The user's calendar day."""
        return self.now.date()


@dataclass(frozen=True)
class Point:
    """A day (None: only a time was said), its time, and how it may move if it ends too early."""

    day: date | None = None
    time: TimeOfDay | None = None
    span_end: date | None = None  # spans ("next week") cover [day, span_end)
    roll: str | None = None  # "week", "month" or "year": what a year-less, month-less day skips
    named_month: bool = False  # a month was said, so a bare day before it can borrow it
    now: bool = False
    weekday: int | None = None  # a weekday said beside a day, checked once the day is whole
    time_first: bool = False  # "16:00 on Friday": a day said after the time, for both ends
