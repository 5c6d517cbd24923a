"""The result of reading a phrase (a date range) and the refusal raised instead of a guess."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .lang.en import TEXTS as ENGLISH
from .texts import Texts


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
    """A phrase that cannot be turned into a future range; its text tells the user what to do.

    Raised with a key and its details; `in_language` writes the same refusal in the person's
    language, with two examples they could type instead.
    """

    def __init__(self, key: str, texts: Texts = ENGLISH, **params: object) -> None:
        self.key, self.params, self.texts = key, params, texts
        self.reason = texts.refusal(key, params)
        self.examples = texts.examples
        super().__init__(f"{self.reason} {texts.try_examples()}")

    @property
    def start(self) -> datetime | None:
        """The start a phrase gave without an end ("from Monday"), for a form to prefill."""
        start = self.params.get("start") if self.key == "no_end" else None
        return start if isinstance(start, datetime) else None

    def in_language(self, texts: Texts) -> "DateError":
        """The same refusal, written in another language."""
        return DateError(self.key, texts, **self.params)
