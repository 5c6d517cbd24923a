"""The modal's preview of a range: its days and times from CLDR, its words from the catalog."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateRange
from bot.texts import speaking
from bot.texts.previews import describe_range
from tests.support.catalogs import translated

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("end", "tz", "preview"),
    [
        (
            datetime(2026, 12, 16, tzinfo=PARIS),
            "Europe/Paris",
            "Mon, Nov 30, 12:00\u202fAM → Tue, Dec 15, back Wed, Dec 16 · Europe/Paris",
        ),
        (None, "Europe/Paris", "Mon, Nov 30, 12:00\u202fAM → until you turn it off · Europe/Paris"),
        (
            datetime(2026, 11, 30, 17, tzinfo=PARIS),
            "Europe/Paris",
            "Mon, Nov 30, 12:00\u202fAM → Mon, Nov 30, 5:00\u202fPM · Europe/Paris",
        ),
        (
            datetime(2027, 1, 4, tzinfo=PARIS),
            "Europe/Paris",
            "Mon, Nov 30, 12:00\u202fAM → Sun, Jan 3, 2027, back Mon, Jan 4, 2027 · Europe/Paris",
        ),
        (
            datetime(2026, 12, 16, tzinfo=PARIS),
            "America/New_York",
            "Sun, Nov 29, 6:00\u202fPM → Tue, Dec 15, 6:00\u202fPM · America/New_York",
        ),
    ],
)
def test_it_previews_a_range(end: datetime | None, tz: str, preview: str) -> None:
    absence = DateRange(datetime(2026, 11, 30, tzinfo=PARIS), end)
    assert describe_range(absence, tz) == preview


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        translated("en-GB", "Mon 30 Nov, 09:00 → Tue 15 Dec, back Wed 16 Dec · Europe/Paris"),
        translated(
            "fr-FR", "lun. 30 nov., 09:00 → mar. 15 déc., retour mer. 16 déc. · Europe/Paris"
        ),
        translated(
            "de-DE", "Mo., 30. Nov., 09:00 → Di., 15. Dez., zurück Mi., 16. Dez. · Europe/Paris"
        ),
        translated(
            "es-LA",
            "lun, 30 nov, 9:00\u202fa.m. → mar, 15 dic, de vuelta mié, 16 dic · Europe/Paris",
        ),
        translated(
            "pt-BR",
            "seg., 30 de nov. 09:00 → ter., 15 de dez., de volta qua., 16 de dez. · Europe/Paris",
        ),
        translated("it-IT", "lun 30 nov, 09:00 → mar 15 dic, di ritorno mer 16 dic · Europe/Paris"),
        translated("ja-JP", "11月30日(月) 9:00 → 12月15日(火)、12月16日(水)に復帰 · Europe/Paris"),
        translated(
            "ko-KR", "11월 30일 (월) 오전 9:00 → 12월 15일 (화), 12월 16일 (수) 복귀 · Europe/Paris"
        ),
        translated("zh-CN", "11月30日周一 09:00 → 12月15日周二，12月16日周三 回来 · Europe/Paris"),  # noqa: RUF001
        translated(
            "zh-TW",
            "11月30日週一 上午9:00 → 12月15日週二，12月16日週三 回來 · Europe/Paris",  # noqa: RUF001
        ),
    ],
)
def test_it_previews_a_range_in_the_persons_language(locale: str, preview: str) -> None:
    absence = DateRange(
        datetime(2026, 11, 30, 9, tzinfo=PARIS), datetime(2026, 12, 16, tzinfo=PARIS)
    )
    assert describe_range(absence, "Europe/Paris", locale) == preview


@pytest.mark.parametrize(
    ("locale", "days"),
    [
        ("fr-FR", ["lun. 30 nov., 09:00", "mar. 15 déc.", "mer. 16 déc."]),
        ("de-DE", ["Mo., 30. Nov., 09:00", "Di., 15. Dez.", "Mi., 16. Dez."]),
        ("ja-JP", ["11月30日(月) 9:00", "12月15日(火)", "12月16日(水)"]),
        ("zh-TW", ["11月30日週一 上午9:00", "12月15日週二", "12月16日週三"]),
    ],
)
def test_it_writes_the_days_as_the_persons_locale_does(locale: str, days: list[str]) -> None:
    absence = DateRange(
        datetime(2026, 11, 30, 9, tzinfo=PARIS), datetime(2026, 12, 16, tzinfo=PARIS)
    )
    preview = describe_range(absence, "Europe/Paris", locale)
    assert all(day in preview for day in days), preview


def test_it_speaks_to_the_reader_being_spoken_to_without_a_locale() -> None:
    absence = DateRange(datetime(2026, 11, 30, 9, tzinfo=PARIS), None)
    with speaking("ko-KR"):
        assert describe_range(absence, "Europe/Paris").startswith("11월 30일 (월) 오전 9:00 → ")


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        translated("de-DE", "Mo., 30. Nov., 09:00 → Mo., 4. Jan. 2027, 12:00 · Europe/Paris"),
        translated("ja-JP", "11月30日(月) 9:00 → 2027年1月4日(月) 12:00 · Europe/Paris"),
        translated("zh-CN", "11月30日周一 09:00 → 2027年1月4日周一 12:00 · Europe/Paris"),
    ],
)
def test_it_previews_an_end_in_another_year_with_its_year(locale: str, preview: str) -> None:
    absence = DateRange(
        datetime(2026, 11, 30, 9, tzinfo=PARIS), datetime(2027, 1, 4, 12, tzinfo=PARIS)
    )
    assert describe_range(absence, "Europe/Paris", locale) == preview


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        translated("fr-FR", "lun. 30 nov., 09:00 → jusqu'à ce que vous l'arrêtiez · Europe/Paris"),
        translated("ja-JP", "11月30日(月) 9:00 → オフにするまで · Europe/Paris"),
        translated("ko-KR", "11월 30일 (월) 오전 9:00 → 끌 때까지 · Europe/Paris"),
    ],
)
def test_it_previews_a_permanent_responder_in_the_persons_language(
    locale: str, preview: str
) -> None:
    absence = DateRange(datetime(2026, 11, 30, 9, tzinfo=PARIS), None)
    assert describe_range(absence, "Europe/Paris", locale) == preview
