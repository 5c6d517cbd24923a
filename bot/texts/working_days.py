"""Working weeks, holiday regions and why either is refused, in the reader's language."""

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from bot.core.holiday_regions import Region, RegionCode, RegionError, subdivision_names
from bot.core.working_days import WeekCode, WeekError
from bot.texts.catalog import _, cldr_locale, reader_locale
from bot.texts.dates import weekday


def week_order() -> list[int]:
    """The weekdays (Monday = 0) in the order the reader's calendar starts its week: Sunday
    first for "en-US", Monday for "en-GB" (the territory decides, not the language)."""
    first = _territory_locale().first_week_day
    return [(first + offset) % 7 for offset in range(7)]


def _territory_locale() -> Locale:
    """The reader's full locale ("en-US") when CLDR knows it, else their catalog's."""
    try:
        return Locale.parse((reader_locale() or "").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(cldr_locale())


def week_words(week: frozenset[int]) -> str:
    """ "Monday, Tuesday, Wednesday and Thursday", in the reader's language and week order."""
    names = [weekday(day) for day in week_order() if day in week]
    return format_list(names, locale=cldr_locale())


def country_name(country: str) -> str:
    """A country's name in the reader's language (CLDR), or its code when CLDR has none."""
    return str(Locale.parse(cldr_locale()).territories.get(country, country))


def region_words(region: Region | None) -> str:
    """ "Germany (Bayern)", "France", or that there are no public holidays."""
    if region is None:
        return _("no public holidays")
    country = country_name(region.country)
    if region.subdivision is None:
        return country
    place = subdivision_names(region.country).get(region.subdivision, region.subdivision)
    return f"{country} ({place})"


def week_refusal(error: WeekError) -> str:
    """Why a working week was refused."""
    if error.code is WeekCode.EMPTY:
        return _("Choose at least one day you work.")
    return _(
        "I don't know the day “{day}”. Try `mon-fri` or `sun-thu`.", day=error.params.get("day")
    )


def region_refusal(error: RegionError) -> str:
    """Why a holiday region was refused."""
    if error.code is RegionCode.UNKNOWN_COUNTRY:
        return _(
            "I don't know the country “{region}”. Try a code like `DE`, `FR` or `US`.",
            region=error.params.get("region"),
        )
    return _(
        "I don't know the region “{region}”. Try a code like `DE-BY` or `US-CA`.",
        region=error.params.get("region"),
    )
