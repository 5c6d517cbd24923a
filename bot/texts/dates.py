"""Days, times and weekdays as the current reader's locale writes them, from CLDR through Babel."""

from datetime import date, datetime

from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_datetime_format,
    get_day_names,
)

from bot.texts.catalog import cldr_locale


def day(value: date, year_unless: int | None = None) -> str:
    """ "Wed, Dec 16" ("12月16日(水)"), with the year when it differs from `year_unless`."""
    skeleton = "MMMEd" if value.year == year_unless else "yMMMEd"
    return format_skeleton(skeleton, value, locale=cldr_locale())


def clock(value: datetime) -> str:
    """A wall-clock time as the reader's locale writes it: "2:00 PM", "14:00", "14:00"."""
    return format_time(value, "short", locale=cldr_locale())


def moment(value: datetime, year_unless: int | None = None) -> str:
    """ "Wed, Dec 16, 14:00": a day and its time, joined as the locale joins them."""
    joined = str(get_datetime_format("medium", locale=cldr_locale()))
    return joined.replace("{1}", day(value.date(), year_unless)).replace("{0}", clock(value))


def full_day(value: date) -> str:
    """ "Wednesday, December 16, 2026": a day written out, as a fallback for Slack's tokens."""
    return format_date(value, "full", locale=cldr_locale())


def weekday(index: int) -> str:
    """A weekday's name in full ("Monday" is 0), as in "is a Monday, not a Tuesday"."""
    return str(get_day_names("wide", locale=cldr_locale())[index])
