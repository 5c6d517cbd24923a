"""The result of reading a phrase (a date range) and the refusal raised instead of a guess."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


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


class Weekday(int):
    """A weekday (Monday is 0) in a refusal's parameters, to be written out in full."""


class DateError(ValueError):
    """A phrase that cannot be turned into a future range: a key saying why, and its details.

    The catalog words it for the reader (bot.texts.date_refusals); its dates, weekdays and the
    text typed are in `params`.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(key, params)

    @property
    def start(self) -> datetime | None:
        """The start a phrase gave without an end ("from Monday"), for a form to prefill."""
        start = self.params.get("start") if self.key == "no_end" else None
        return start if isinstance(start, datetime) else None
