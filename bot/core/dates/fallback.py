"""dateparser, only for calendar dates our own grammar did not read, always with one language."""

import re
from datetime import date, datetime, time
from typing import Any

from dateparser.date import DateDataParser

from .languages import VOCABS


def settings(today: date, order: str) -> dict[str, Any]:
    """The one set of dateparser settings: a naive midnight base, so any kept time-of-day shows."""
    return {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": datetime.combine(today, time(0)),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "TIMEZONE": "UTC",
        "DATE_ORDER": order.upper(),
    }


def calendar_date(text: str, language: str, today: date, order: str) -> date | None:
    """A whole calendar day named by text, or None when dateparser reads something else."""
    parser = DateDataParser(languages=[language], settings=settings(today, order))
    data = parser.get_date_data(text)
    found = data.date_obj
    # Relative phrases keep the base's time and coarse periods ("december") are not a day.
    if found is None or data.period != "day" or found.time() != time(0):
        return None
    if found.year > today.year + 1 and not _year_in(text):
        return None  # "mar 15/12", "Dec 17": a day or a month taken for the year 2112 or 2117
    return found.date()


def _year_in(text: str) -> bool:
    """Whether text writes a year: four digits, or two at the end of a numeric date (24/12/27)."""
    return bool(re.search(r"\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}\b", text))


def warm_up() -> None:
    """Load the dateparser data of every language it reads, with the settings used later."""
    today = date(2000, 1, 3)
    for code, vocab in VOCABS.items():
        for order in ("mdy", "dmy", "ymd"):
            if vocab.dateparser:
                calendar_date("3 december 2001", code, today, order)
