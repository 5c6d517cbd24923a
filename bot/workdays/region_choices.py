"""The holiday regions a person can pick, named in their language, found by what they type."""

from functools import lru_cache

from babel import Locale
from babel.lists import format_list

from bot.core.holiday_regions import (
    Region,
    RegionCode,
    RegionError,
    subdivision_aliases,
    subdivision_names,
    supported,
)
from bot.core.working_days import fold
from bot.texts.catalog import cldr_locale
from bot.texts.working_days import region_words

# Slack shows at most 100 options; two are taken by "the workspace's" and "none".
SHOWN = 98
# Candidates named when a typed name fits several countries: enough to pick from, short to read.
CANDIDATES = 5
# One list per language in use.
LANGUAGES_KEPT = 16


def matching(typed: str) -> list[tuple[str, str]]:
    """The regions (value, label) whose name or code contains what was typed, countries first;
    case, accents and full-width letters aside ("reunion" finds La Réunion)."""
    words = fold(typed.strip())
    found = [(value, label) for value, label, key in _choices(cldr_locale()) if words in key]
    return found[:SHOWN]


@lru_cache(maxsize=LANGUAGES_KEPT)
def _choices(locale: str) -> tuple[tuple[str, str, str], ...]:
    """Every country and subdivision `holidays` knows: value, label, what a search looks in.

    `locale` keys the cache: labels come from the reader's CLDR locale, already set.
    """
    countries: list[tuple[str, str, str]] = []
    subdivisions: list[tuple[str, str, str]] = []
    # Two-letter codes only: `holidays` also lists each country under its three-letter code.
    for country, codes in supported().items():
        if len(country) != 2:
            continue
        label = region_words(Region(country))
        countries.append((country, label, fold(f"{label} {country}")))
        names = subdivision_names(country)
        for code in codes:
            region = Region(country, code)
            shown = f"{region_words(region)} · {region}" if code in names else f"{label} · {region}"
            subdivisions.append((str(region), shown, fold(f"{shown} {region}")))
    return tuple(sorted(countries, key=lambda c: c[1]) + sorted(subdivisions, key=lambda c: c[1]))


def named(typed: str) -> Region:
    """The region a person named in their language or English ("Allemagne", "Germany", "ドイツ",
    "Bayern"): a country or subdivision named exactly, else the one country whose name holds
    what was typed; RegionError when none does, or naming the candidates when several do."""
    words = fold(typed.strip())
    exact = [region for name, region in _names(cldr_locale()) if name == words]
    if len(set(exact)) == 1:
        return exact[0]
    near = list(dict.fromkeys(exact)) or list(
        dict.fromkeys(
            region
            for name, region in _names(cldr_locale())
            if region.subdivision is None and words in name
        )
    )
    if len(near) == 1:
        return near[0]
    if near and words:
        candidates = sorted(region_words(region) for region in near)[:CANDIDATES]
        raise RegionError(
            RegionCode.AMBIGUOUS,
            region=typed.strip(),
            candidates=format_list(candidates, style="or", locale=cldr_locale()),
        )
    raise RegionError(RegionCode.UNKNOWN_COUNTRY, region=typed.strip())


@lru_cache(maxsize=LANGUAGES_KEPT)
def _names(locale: str) -> tuple[tuple[str, Region], ...]:
    """Every country by its CLDR name in `locale` and English, and every subdivision by the
    names `holidays` knows it by, folded for comparing."""
    found: list[tuple[str, Region]] = []
    for language in dict.fromkeys((locale, "en")):
        territories = Locale.parse(language).territories
        for country in supported():
            if len(country) == 2 and country in territories:
                found.append((fold(str(territories[country])), Region(country)))
    for country in supported():
        if len(country) != 2:
            continue
        for code, aliases in subdivision_aliases(country).items():
            if code in supported()[country]:
                found += [
                    (fold(alias), Region(country, code)) for alias in aliases if len(alias) > 3
                ]
    return tuple(found)
