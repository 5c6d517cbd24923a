"""Public-holiday regions (a country, maybe a subdivision) and their holidays, cached per year.

Measured on our 2-core machine (holidays 0.109): importing `holidays` takes about 220 ms and
listing its supported countries about 300 ms (it loads every country: call `supported()` at
start-up, not before an `ack()`); a country's first calendar 1-8 ms, each further year 0.4-2 ms.
An export of 1,000 people over a year asks 365,000 times whether a day is a holiday: about
160 s when rebuilt each time, under a second with the cache below, which keeps one
calendar per region, year and language (about 1 microsecond a lookup).
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from types import MappingProxyType

import holidays

# Regions times years times languages in use: a workspace has a handful, an export two years.
CALENDARS_KEPT = 2048


class RegionCode(StrEnum):
    """Why a holiday region is refused; the catalog words each one."""

    UNKNOWN_COUNTRY = "region_unknown_country"
    UNKNOWN_SUBDIVISION = "region_unknown_subdivision"
    AMBIGUOUS = "region_ambiguous"


class RegionError(ValueError):
    """A region the `holidays` package does not know, with its code and what was typed."""

    def __init__(self, code: RegionCode, /, **params: str) -> None:
        super().__init__(code.value, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Region:
    """Where a person's public holidays come from: a country code and maybe a subdivision.

    Build one with `parse_region`, which checks both against the `holidays` package.
    """

    country: str
    subdivision: str | None = None

    def __str__(self) -> str:
        """The stored form: "DE-BY", "FR"."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country


@cache
def supported() -> Mapping[str, tuple[str, ...]]:
    """Every country code `holidays` knows, with its subdivisions."""
    countries = holidays.list_supported_countries()
    return MappingProxyType({code: tuple(subdivs) for code, subdivs in countries.items()})


@cache
def canonical_country(code: str) -> str:
    """The two-letter code `holidays` files a country under: "GB" for "UK" and "GBR"."""
    return str(holidays.country_holidays(code).country)


@cache
def subdivision_aliases(country: str) -> Mapping[str, tuple[str, ...]]:
    """A country's subdivisions by code, with every name and code `holidays` knows them by
    ("974": "RE", "LRE", "La Réunion")."""
    aliases = holidays.country_holidays(country).get_subdivision_aliases()
    return MappingProxyType({code: tuple(names) for code, names in aliases.items() if names})


@cache
def subdivision_names(country: str) -> Mapping[str, str]:
    """A country's subdivisions by code, named as `holidays` names them first ("BY": "Bayern")."""
    aliases = subdivision_aliases(country)
    return MappingProxyType({code: names[0] for code, names in aliases.items()})


@cache
def _localized() -> Mapping[str, tuple[str, ...]]:
    """Every country `holidays` can name holidays for in other languages, with those languages."""
    countries = holidays.list_localized_countries()
    return MappingProxyType({code: tuple(languages) for code, languages in countries.items()})


def parse_region(text: str) -> Region:
    """The region in "DE-BY", "gb-sct", full-width "DE-BY" or "JP", its country under the code CLDR
    names ("UK" is "GB"); RegionError when `holidays` does not know it."""
    narrow = unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()
    country, dash, subdivision = narrow.partition("-")
    country = country.strip().upper()
    if country not in supported():
        raise RegionError(RegionCode.UNKNOWN_COUNTRY, region=text.strip())
    country = canonical_country(country)
    subdivisions = supported()[country]
    wanted = subdivision.strip().casefold()
    if not wanted:
        if dash:
            raise RegionError(RegionCode.UNKNOWN_SUBDIVISION, region=text.strip())
        return Region(country)
    for known in subdivisions:
        if known.casefold() == wanted:
            return Region(country, known)
    raise RegionError(RegionCode.UNKNOWN_SUBDIVISION, region=text.strip())


@lru_cache(maxsize=CALENDARS_KEPT)
def holidays_in(region: Region, year: int, language: str | None = None) -> Mapping[date, str]:
    """The region's public holidays in `year`, named in `language` (None: the country's own)."""
    calendar = holidays.country_holidays(
        region.country, subdiv=region.subdivision, years=year, language=language
    )
    # An observed day may be filed under a neighbouring year; each year keeps only its own days.
    return MappingProxyType({day: name for day, name in calendar.items() if day.year == year})


def is_holiday(region: Region, day: date) -> bool:
    """Whether `day` is a public holiday in the region."""
    return day in holidays_in(region, day.year)


def holiday_name(region: Region, day: date, locale: str | None = None) -> str | None:
    """The holiday's name on `day` (None: no holiday), in the reader's language if offered."""
    return holidays_in(region, day.year, holiday_language(region, locale)).get(day)


def holidays_from(
    region: Region, day: date, count: int, locale: str | None = None
) -> list[tuple[date, str]]:
    """The region's next `count` public holidays on or after `day` (looking a year ahead)."""
    ahead: list[tuple[date, str]] = []
    language = holiday_language(region, locale)
    for year in (day.year, day.year + 1):
        days = holidays_in(region, year, language)
        ahead += sorted((d, name) for d, name in days.items() if d >= day)
    return ahead[:count]


def holiday_language(region: Region, locale: str | None) -> str:
    """The language `holidays` names this country's holidays in closest to a reader's locale.

    "pt-BR" matches "pt_BR", "de_AT" falls back to "de", "en" to the first English one; a reader
    whose language it lacks gets English, else the country's own language. Always explicit:
    left out, `holidays` would pick one from the server's environment.
    """
    offered = _localized().get(region.country, ())
    wanted = (locale or "en").replace("-", "_").casefold()
    base = wanted.split("_")[0]
    exact = [language for language in offered if language.casefold() == wanted]
    close = [language for language in offered if language.casefold().split("_")[0] == base]
    english = [language for language in offered if language.casefold().startswith("en")]
    return next(iter(exact + close + english), None) or own_language(region.country)


@cache
def own_language(country: str) -> str:
    """The language a country's holidays are named in by `holidays` when none is chosen."""
    return holidays.country_holidays(country).default_language or "en_US"
