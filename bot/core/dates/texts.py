"""What the date reader says, in one language: day names, the preview and every refusal."""

from dataclasses import dataclass
from datetime import date, datetime


class Weekday(int):
    """A weekday (Monday is 0) to be written out in full in a refusal."""


@dataclass(frozen=True)
class Texts:
    """The words and templates one language writes dates and refusals with."""

    weekdays: tuple[str, ...]  # short names, Monday first
    weekday_names: tuple[str, ...]  # full names, as in "is a Monday, not a Tuesday"
    months: tuple[str, ...]  # short month names (unused by languages that write 12月)
    day: str  # "{wd} {d} {mon}": weekday, day of month, month name, month number {m}, year {y}
    day_year: str
    permanent: str  # "{start} → until you turn it off"
    back: str  # "{start} → {last}, back {back}"
    refusals: dict[str, str]  # refusal key -> template; "try" holds the two examples
    examples: tuple[str, str]  # two phrases this language reads, shown with every refusal

    def day_text(self, value: date, year_unless: int | None = None) -> str:
        """ "Tue 15 Dec", with the year when it differs from year_unless."""
        template = self.day if value.year == year_unless else self.day_year
        return template.format(
            wd=self.weekdays[value.weekday()],
            d=value.day,
            m=value.month,
            mon=self.months[value.month - 1],
            y=value.year,
        )

    def moment(self, value: datetime, year_unless: int | None = None) -> str:
        """ "Tue 15 Dec 14:00" (the year only when it differs from year_unless)."""
        return f"{self.day_text(value.date(), year_unless)} {value:%H:%M}"

    def refusal(self, key: str, params: dict[str, object]) -> str:
        """The reason for a refusal, its dates and weekdays written in this language."""
        return self.refusals[key].format(**{k: self._written(v) for k, v in params.items()})

    def try_examples(self) -> str:
        """The sentence offering two examples."""
        return self.refusals["try"].format(a=self.examples[0], b=self.examples[1])

    def _written(self, value: object) -> object:
        if isinstance(value, datetime):
            return self.moment(value)
        if isinstance(value, date):
            return self.day_text(value)
        if isinstance(value, Weekday):
            return self.weekday_names[value]
        return value
