"""The result of reading a phrase (a date range) and the refusal raised instead of a guess."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

ENGLISH_EXAMPLES = ("Dec 20 to Jan 3", "back on Monday")


@dataclass(frozen=True)
class DateRange:
    """A half-open absence [start, end) in the user's zone; no end means until turned off."""

    start: datetime
    end: datetime | None

    @property
    def last_day(self) -> date | None:
        """The last calendar day of absence."""
        if self.end is None:
            return None
        if self.end.time() == time(0):
            return self.end.date() - timedelta(days=1)
        return self.end.date()


class DateError(ValueError):
    """A phrase that cannot be turned into a future range; its text tells the user what to do."""

    def __init__(self, reason: str, examples: tuple[str, str] = ENGLISH_EXAMPLES) -> None:
        self.reason = reason
        self.examples = examples
        super().__init__(f"{reason} Try “{examples[0]}” or “{examples[1]}”.")

    def with_examples(self, examples: tuple[str, str]) -> "DateError":
        """The same refusal, with examples in the user's language."""
        return DateError(self.reason, examples)
