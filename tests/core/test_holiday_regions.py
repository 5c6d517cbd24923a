"""Holiday regions: codes checked against the holidays package, holidays by region, names, cache."""

from datetime import date

import pytest

from bot.core.holiday_regions import (
    Region,
    RegionCode,
    RegionError,
    holiday_language,
    holiday_name,
    holidays_in,
    is_holiday,
    parse_region,
)


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("DE-BY", Region("DE", "BY")),
        ("de-by", Region("DE", "BY")),
        (" GB-SCT ", Region("GB", "SCT")),
        ("US-CA", Region("US", "CA")),
        ("AU-NSW", Region("AU", "NSW")),
        ("FR", Region("FR")),
        ("jp", Region("JP")),
        ("DE-augsburg", Region("DE", "Augsburg")),
        ("UK", Region("GB")),
        ("gbr-sct", Region("GB", "SCT")),
        ("\uff24\uff25\uff0d\uff22\uff39", Region("DE", "BY")),
        ("DE\u2212BY", Region("DE", "BY")),
    ],
)
def test_it_reads_a_country_and_its_subdivision(typed: str, region: Region) -> None:
    assert parse_region(typed) == region


@pytest.mark.parametrize("stored", ["DE-BY", "GB-SCT", "FR", "AU-NSW"])
def test_it_writes_the_form_it_reads(stored: str) -> None:
    assert str(parse_region(stored)) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", RegionCode.UNKNOWN_COUNTRY),
        ("XX", RegionCode.UNKNOWN_COUNTRY),
        ("Germany", RegionCode.UNKNOWN_COUNTRY),
        ("ZZ-BY", RegionCode.UNKNOWN_COUNTRY),
        ("DE-XX", RegionCode.UNKNOWN_SUBDIVISION),
        ("DE-", RegionCode.UNKNOWN_SUBDIVISION),
        ("JP-TOKYO", RegionCode.UNKNOWN_SUBDIVISION),
        ("US-NSW", RegionCode.UNKNOWN_SUBDIVISION),
    ],
)
def test_it_refuses_a_region_the_holidays_package_does_not_know(
    typed: str, code: RegionCode
) -> None:
    with pytest.raises(RegionError) as refused:
        parse_region(typed)
    assert refused.value.code is code
    assert refused.value.params == {"region": typed.strip()}


@pytest.mark.parametrize(
    ("region", "day", "holiday"),
    [
        ("DE-BY", date(2026, 1, 6), True),  # Epiphany in Bavaria
        ("DE-BE", date(2026, 1, 6), False),  # not in Berlin
        ("DE-BE", date(2026, 3, 8), True),  # Women's Day, only in Berlin
        ("DE-BY", date(2026, 3, 8), False),
        ("US-CA", date(2026, 3, 31), True),  # Cesar Chavez Day in California
        ("US-NY", date(2026, 3, 31), False),
        ("GB-SCT", date(2026, 1, 2), True),  # 2 January in Scotland
        ("GB-ENG", date(2026, 1, 2), False),
        ("JP", date(2026, 1, 12), True),  # Coming of Age Day
        ("AU-NSW", date(2026, 10, 5), True),  # Labour Day in New South Wales
        ("AU-VIC", date(2026, 10, 5), False),
        ("IL", date(2026, 4, 2), True),  # Pesach
        ("FR", date(2026, 7, 14), True),
        ("FR", date(2026, 7, 15), False),
    ],
)
def test_it_knows_each_regions_public_holidays(region: str, day: date, holiday: bool) -> None:
    assert is_holiday(parse_region(region), day) is holiday


@pytest.mark.parametrize(
    ("region", "day", "locale", "name"),
    [
        ("DE-BY", date(2026, 12, 26), "de", "Zweiter Weihnachtstag"),
        ("DE-BY", date(2026, 12, 26), "de-AT", "Zweiter Weihnachtstag"),
        ("DE-BY", date(2026, 12, 26), "en", "Second Day of Christmas"),
        ("DE-BY", date(2026, 12, 26), "fr_FR", "Second Day of Christmas"),  # no French: English
        ("DE-BY", date(2026, 12, 26), None, "Second Day of Christmas"),
        ("JP", date(2026, 1, 1), "ja_JP", "元日"),
        ("JP", date(2026, 1, 1), "en_GB", "New Year's Day"),
        ("DE-BY", date(2026, 12, 28), "de", None),
    ],
)
def test_it_names_a_holiday_in_the_readers_language_where_it_can(
    region: str, day: date, locale: str | None, name: str | None
) -> None:
    assert holiday_name(parse_region(region), day, locale) == name


def test_it_always_names_the_language_so_the_servers_environment_never_picks_one() -> None:
    assert holiday_language(Region("DE", "BY"), None) == "en_US"
    assert holiday_language(Region("DE", "BY"), "pt_BR") == "en_US"
    assert holiday_language(Region("BR"), "pt-BR") == "pt_BR"


def test_it_builds_each_regions_year_once() -> None:
    bavaria = parse_region("DE-BY")
    assert holidays_in(bavaria, 2031) is holidays_in(Region("DE", "BY"), 2031)
    assert holidays_in(bavaria, 2031) is not holidays_in(bavaria, 2032)


def test_it_keeps_only_the_years_own_days_and_lets_no_one_change_them() -> None:
    # New Year's Day 2022 was a Saturday: the US observed it on Friday 31 December 2021.
    us_2021 = holidays_in(Region("US"), 2021)
    assert us_2021[date(2021, 12, 31)] == "New Year's Day (observed)"
    assert all(day.year == 2021 for day in us_2021)
    with pytest.raises(TypeError):
        us_2021[date(2021, 12, 30)] = "Alice's day"  # type: ignore[index]
