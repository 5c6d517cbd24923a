"""The holiday regions a person can pick, named in their language, found by what they type."""

from functools import lru_cache

from bot.core.holiday_regions import Region, subdivision_names, supported
from bot.texts.catalog import cldr_locale
from bot.texts.working_days import region_words

# Slack shows at most 100 options; two are taken by "the workspace's" and "none".
SHOWN = 98
# One list per language in use.
LANGUAGES_KEPT = 16


def matching(typed: str) -> list[tuple[str, str]]:
    """The regions (value, label) whose name or code contains what was typed, countries first."""
    words = typed.strip().casefold()
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
        countries.append((country, label, f"{label} {country}".casefold()))
        names = subdivision_names(country)
        for code in codes:
            region = Region(country, code)
            shown = f"{region_words(region)} · {region}" if code in names else f"{label} · {region}"
            subdivisions.append((str(region), shown, f"{shown} {region}".casefold()))
    return tuple(sorted(countries, key=lambda c: c[1]) + sorted(subdivisions, key=lambda c: c[1]))
