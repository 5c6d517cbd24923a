"""Attacks on dates in every Slack locale: phrases people of each language really type, the
refusals and previews written back (weekdays and months as CLDR writes them, no English left,
no stray space between CJK sentences), and ooo's status within Slack's 100 characters."""

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date

from bot.core.dates import DateError, DateRange, parse_range
from bot.core.status import STATUS_MAX
from bot.status.wording import status_text
from bot.texts import speaking
from bot.texts.date_refusals import refusal
from bot.texts.previews import describe_range
from tests.support.catalogs import READERS

PARIS = ZoneInfo("Europe/Paris")
# Friday 27 November 2026, 11:00 in Paris.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
MARCH = (date(2027, 3, 3), date(2027, 3, 8))
NEXT_WEEK = (date(2026, 11, 30), date(2026, 12, 5))
FROM_TOMORROW = (date(2026, 11, 28), date(2026, 12, 1))


def babel_locale(locale: str) -> str:
    """Slack's locale as Babel names it (es-LA is Latin American Spanish, es_419)."""
    return locale.replace("-LA", "-419").replace("-", "_")


@pytest.mark.parametrize(
    ("locale", "typed", "days"),
    [
        ("fr-FR", "du 3 au 7 mars", MARCH),
        ("fr-CA", "du 3 au 7 mars", MARCH),
        ("fr-FR", "du lundi 30 novembre au vendredi 4 décembre", NEXT_WEEK),
        ("de-DE", "vom 3. bis 7. März", MARCH),
        ("de-DE", "3.–7. März", MARCH),  # noqa: RUF001
        ("de-DE", "vom 3.3. bis 7.3.", MARCH),
        ("de-DE", "ab Montag für 3 Tage", (date(2026, 11, 30), date(2026, 12, 3))),
        ("es-ES", "del 3 al 7 de marzo", MARCH),
        ("es-ES", "3-7 marzo", MARCH),
        ("es-LA", "del 3 al 7 de marzo", MARCH),
        ("pt-BR", "de 3 a 7 de março", MARCH),
        ("pt-BR", "3 a 7 de março", MARCH),
        ("it-IT", "dal 3 al 7 marzo", MARCH),
        ("it-IT", "3-7 marzo", MARCH),
        ("en-GB", "3/3 - 7/3", MARCH),
        ("en-US", "3/3 - 3/7", MARCH),
        ("nl-NL", "Mar 3 - 7", MARCH),
        ("", "Mar 3 - 7", MARCH),
        ("ja-JP", "3月3日から7日まで", MARCH),
        ("ja-JP", "3月3日〜7日", MARCH),
        ("ja-JP", "3/3～3/7", MARCH),  # noqa: RUF001
        ("ja-JP", "来週の月曜から金曜まで", NEXT_WEEK),
        ("ja-JP", "明日から3日間", FROM_TOMORROW),
        ("ko-KR", "3월 3일부터 7일까지", MARCH),
        ("ko-KR", "3월 3일~7일", MARCH),
        ("ko-KR", "다음 주 월요일부터 금요일까지", NEXT_WEEK),
        ("ko-KR", "내일부터 3일간", FROM_TOMORROW),
        ("zh-CN", "3月3日到7日", MARCH),
        ("zh-CN", "3月3号到7号", MARCH),
        ("zh-CN", "下周一到周五", NEXT_WEEK),
        ("zh-TW", "3月3日至7日", MARCH),
        ("zh-TW", "下週一到週五", NEXT_WEEK),
        ("zh-TW", "明天起3天", FROM_TOMORROW),
    ],
)
def test_it_reads_what_people_of_each_language_type(
    locale: str, typed: str, days: tuple[date, date]
) -> None:
    found = parse_range(typed, now=NOW, tz="Europe/Paris", locale=locale)
    assert found.end is not None
    assert (found.start.date(), found.end.date()) == days


@pytest.mark.parametrize(
    ("locale", "typed"),
    [
        ("fr-FR", "du 7 au 3 mars"),
        ("de-DE", "vom 7. bis 3. März"),
        ("es-ES", "del 7 al 3 de marzo"),
        ("pt-BR", "de 7 a 3 de março"),
        ("it-IT", "dal 7 al 3 marzo"),
        ("en-GB", "7-3 March"),
        ("ja-JP", "3月7日から3月3日まで"),
        ("ja-JP", "3月7日から3日まで"),
        ("ko-KR", "3월 7일부터 3일까지"),
        ("zh-TW", "3月7日到3日"),
    ],
)
def test_it_refuses_an_end_before_the_start_naming_both_days_as_cldr_writes_them(
    locale: str, typed: str
) -> None:
    with pytest.raises(DateError) as refused:
        parse_range(typed, now=NOW, tz="Europe/Paris", locale=locale)
    with speaking(locale):
        said = refusal(refused.value)
    for day in (date(2027, 3, 4), date(2027, 3, 7)):
        assert format_date(day, "EEE", locale=babel_locale(locale)) in said
    assert not re.search(r"\b(Mar|March|Thu|Sun)\b", said) or locale.startswith("en")


@pytest.mark.parametrize(
    ("locale", "typed"),
    [
        ("ja-JP", "3月7日から3日まで"),
        ("ja-JP", "3月7日～3日"),  # noqa: RUF001
        ("ja-JP", "3/7〜3"),
        ("ko-KR", "3월 7일부터 3일까지"),
        ("zh-CN", "3月7日到3日"),
        ("zh-CN", "3/7〜3"),
        ("zh-TW", "3月7日到3日"),
    ],
)
def test_a_month_said_once_reaches_both_ends_in_cjk_too(locale: str, typed: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_range(typed, now=NOW, tz="Europe/Paris", locale=locale)
    assert refused.value.key == "backwards"


@pytest.mark.parametrize(
    ("locale", "typed", "day"),
    [
        ("fr-FR", "lundi 3 décembre", date(2026, 12, 3)),
        ("de-DE", "Montag, 3. Dezember", date(2026, 12, 3)),
        ("ja-JP", "12月3日(月)", date(2026, 12, 3)),
        ("it-IT", "lunedì 3 dicembre", date(2026, 12, 3)),
    ],
)
def test_it_refuses_a_wrong_weekday_with_the_days_real_weekday_from_cldr(
    locale: str, typed: str, day: date
) -> None:
    with pytest.raises(DateError) as refused:
        parse_range(typed, now=NOW, tz="Europe/Paris", locale=locale)
    with speaking(locale):
        said = refusal(refused.value)
    assert format_date(day, "EEEE", locale=babel_locale(locale)) in said


@pytest.mark.parametrize("locale", ["ja-JP", "zh-CN", "zh-TW"])
def test_a_cjk_refusal_puts_no_space_after_a_full_stop(locale: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_range("qwertz", now=NOW, tz="Europe/Paris", locale=locale)
    with speaking(locale):
        said = refusal(refused.value)
    assert "。 " not in said


def previews() -> list[DateRange]:
    """A working day's hours, an open end, and days across the new year."""
    return [
        DateRange(datetime(2027, 3, 5, 9, tzinfo=PARIS), datetime(2027, 3, 5, 17, tzinfo=PARIS)),
        DateRange(datetime(2027, 3, 5, 9, tzinfo=PARIS), None),
        DateRange(datetime(2026, 12, 28, tzinfo=PARIS), datetime(2027, 1, 2, tzinfo=PARIS)),
    ]


@pytest.mark.parametrize("locale", READERS)
def test_a_preview_says_weekdays_and_months_as_cldr_and_no_english(locale: str) -> None:
    with speaking(locale):
        shown = [describe_range(absence, "Europe/Paris") for absence in previews()]
    where = babel_locale(locale)
    assert format_date(date(2027, 3, 5), "EEE", locale=where) in shown[0]
    assert format_date(date(2026, 12, 28), "EEE", locale=where) in shown[2]
    assert format_date(date(2027, 1, 2), "EEE", locale=where) in shown[2]
    if not locale.startswith("en"):
        english = r"\b(at|back|until|from|to|Mon|Fri|Sat|AM|PM)\b"
        assert not re.search(english, " ".join(shown)), shown


@pytest.mark.parametrize("locale", READERS)
def test_the_status_stays_within_slacks_100_characters(locale: str) -> None:
    # The longest weekday and month names of the year, far in the future.
    for back in (datetime(2099, 9, 30, 12, tzinfo=UTC), datetime(2099, 2, 25, 12, tzinfo=UTC)):
        text = status_text(back, tz="Pacific/Kiritimati", locale=locale)
        assert 0 < len(text) <= min(STATUS_MAX, 100), text
