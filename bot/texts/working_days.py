"""Working weeks, holiday regions and why either is refused, in the reader's language."""

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names
from babel.lists import format_list

from bot.core.holiday_regions import (
    Region,
    RegionCode,
    RegionError,
    own_language,
    subdivision_aliases,
    subdivision_names,
)
from bot.core.working_days import ENGLISH_NAMES, WeekCode, WeekError, fold
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


def day_names() -> Mapping[str, int]:
    """The day names `/ooo week` reads for the reader: the keys, English, and their language's
    full and abbreviated names from CLDR ("Mo", "Montag"), folded as `read_week` compares."""
    return _day_names(cldr_locale())


@cache
def _day_names(locale: str) -> Mapping[str, int]:
    """Day names by weekday in `locale` and English; English wins a clash, as the help shows it.

    Narrow names ("M", "T") are left out: they name two days."""
    names = dict(ENGLISH_NAMES)
    for language in ("en", locale):
        for width in ("wide", "abbreviated", "short"):
            for context in ("format", "stand-alone"):
                for day, name in get_day_names(width, context, locale=language).items():
                    names.setdefault(fold(str(name)), day)
    return MappingProxyType(names)


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
    return f"{country} ({subdivision_name(region.country, region.subdivision)})"


def subdivision_name(country: str, subdivision: str) -> str:
    """A subdivision's name: in the reader's language (CLDR) when it is a territory of its own
    (FR-974 is La Réunion, RE), else as `holidays` names it, else its code."""
    territory = _territory_of(country, subdivision)
    if territory is not None:
        return country_name(territory)
    return subdivision_names(country).get(subdivision, subdivision)


@cache
def _territory_of(country: str, subdivision: str) -> str | None:
    """The CLDR territory a subdivision is, when `holidays` gives its code as an alias and CLDR
    names it as `holidays` does in the country's own language ("RE": "La Réunion").

    Matching the name keeps aliases that only look like codes ("TG" for Telangana is not Togo)."""
    aliases = subdivision_aliases(country).get(subdivision, ())
    try:
        names = Locale.parse(own_language(country)).territories
    except (UnknownLocaleError, ValueError):
        return None
    words = [fold(alias) for alias in aliases]
    for alias in aliases:
        name = names.get(alias) if len(alias) == 2 else None
        if name and any(word and word in fold(str(name)) for word in words if word != fold(alias)):
            return alias
    return None


def week_refusal(error: WeekError) -> str:
    """Why a working week was refused."""
    if error.code is WeekCode.EMPTY:
        return _("Choose at least one day you work.")
    return _(
        "I don't know the day “{day}”. Try `{weekdays}` or `{wrapped}`.",
        day=error.params.get("day"),
        weekdays=_span(0, 4),
        wrapped=_span(6, 3),
    )


def _span(first: int, last: int) -> str:
    """A range of days as the reader would type it: "mon-fri", "Mo-Fr" as "mo-fr", "月-金"."""
    names = get_day_names("abbreviated", locale=cldr_locale())
    return "-".join(str(names[day]).rstrip(".").lower() for day in (first, last))


def region_refusal(error: RegionError) -> str:
    """Why a holiday region was refused."""
    if error.code is RegionCode.AMBIGUOUS:
        return _(
            "“{region}” could be {candidates}. Type one of these names, or a code like `DE`.",
            region=error.params.get("region"),
            candidates=error.params.get("candidates"),
        )
    if error.code is RegionCode.UNKNOWN_COUNTRY:
        return _(
            "I don't know the country “{region}”. Try a code like `DE`, `FR` or `US`.",
            region=error.params.get("region"),
        )
    return _(
        "I don't know the region “{region}”. Try a code like `DE-BY` or `US-CA`.",
        region=error.params.get("region"),
    )
