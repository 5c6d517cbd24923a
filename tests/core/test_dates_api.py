"""The dates API around parse_range: languages, DateRange days, previews and warm-up."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import (
    LOCALES,
    DateError,
    DateRange,
    describe_range,
    language_of,
    languages_for,
    parse_range,
    warm_up,
)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2025, 11, 27, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("locale", "languages"),
    [
        ("fr-FR", ["fr", "en"]),
        ("de-DE", ["de", "en"]),
        ("es-ES", ["es", "en"]),
        ("es_MX", ["es", "en"]),
        ("en-GB", ["en"]),
        ("pt-BR", ["pt", "en"]),
        ("it-IT", ["it", "en"]),
        ("ja-JP", ["ja", "en"]),
        ("ko-KR", ["ko", "en"]),
        ("zh-CN", ["zh", "en"]),
        ("zh-TW", ["zh", "en"]),
        ("tlh-QO", ["en"]),
        (None, ["en"]),
        ("", ["en"]),
    ],
)
def test_it_picks_the_language_from_the_slack_locale(
    locale: str | None, languages: list[str]
) -> None:
    assert languages_for(locale) == languages


@pytest.mark.parametrize(
    ("locale", "chosen", "order"),
    [
        ("en-US", "en-US", "mdy"),
        ("en-GB", "en-GB", "dmy"),
        ("en-AU", "en-GB", "dmy"),
        ("es-LA", "es-LA", "dmy"),
        ("es-MX", "es-LA", "dmy"),
        ("pt-PT", "pt-BR", "dmy"),
        ("ja-JP", "ja-JP", "ymd"),
        ("ko_KR", "ko-KR", "ymd"),
        ("zh-cn", "zh-CN", "ymd"),
        ("zh-HK", "zh-TW", "ymd"),
        ("xx", "en-US", "mdy"),
    ],
)
def test_it_reads_each_locale_in_its_language_and_date_order(
    locale: str, chosen: str, order: str
) -> None:
    assert language_of(locale).locale == chosen
    assert language_of(locale).order == order


@pytest.mark.parametrize(
    ("end", "last_day"),
    [
        (datetime(2026, 12, 16, tzinfo=PARIS), date(2026, 12, 15)),
        (datetime(2026, 12, 16, 14, tzinfo=PARIS), date(2026, 12, 16)),
        (None, None),
    ],
)
def test_it_names_the_last_day(end: datetime | None, last_day: date | None) -> None:
    absence = DateRange(datetime(2026, 11, 30, tzinfo=PARIS), end)
    assert absence.last_day == last_day


@pytest.mark.parametrize(
    ("end", "tz", "preview"),
    [
        (
            datetime(2026, 12, 16, tzinfo=PARIS),
            "Europe/Paris",
            "Mon 30 Nov 00:00 → Tue 15 Dec, back Wed 16 Dec · Europe/Paris",
        ),
        (None, "Europe/Paris", "Mon 30 Nov 00:00 → until you turn it off · Europe/Paris"),
        (
            datetime(2026, 11, 30, 17, tzinfo=PARIS),
            "Europe/Paris",
            "Mon 30 Nov 00:00 → Mon 30 Nov 17:00 · Europe/Paris",
        ),
        (
            datetime(2027, 1, 4, tzinfo=PARIS),
            "Europe/Paris",
            "Mon 30 Nov 00:00 → Sun 3 Jan 2027, back Mon 4 Jan 2027 · Europe/Paris",
        ),
        (
            datetime(2026, 12, 16, tzinfo=PARIS),
            "America/New_York",
            "Sun 29 Nov 18:00 → Tue 15 Dec 18:00 · America/New_York",
        ),
    ],
)
def test_it_previews_a_range(end: datetime | None, tz: str, preview: str) -> None:
    absence = DateRange(datetime(2026, 11, 30, tzinfo=PARIS), end)
    assert describe_range(absence, tz) == preview


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        ("en-GB", "Mon 30 Nov 09:00 → Tue 15 Dec, back Wed 16 Dec · Europe/Paris"),
        ("fr-FR", "lun. 30 nov. 09:00 → mar. 15 déc., retour mer. 16 déc. · Europe/Paris"),
        ("de-DE", "Mo 30. Nov. 09:00 → Di 15. Dez., zurück Mi 16. Dez. · Europe/Paris"),
        ("es-LA", "lun 30 nov 09:00 → mar 15 dic, de vuelta mié 16 dic · Europe/Paris"),
        ("pt-BR", "seg 30 nov 09:00 → ter 15 dez, de volta qua 16 dez · Europe/Paris"),
        ("it-IT", "lun 30 nov 09:00 → mar 15 dic, di ritorno mer 16 dic · Europe/Paris"),
        ("ja-JP", "11月30日(月) 09:00 → 12月15日(火)、12月16日(水)に復帰 · Europe/Paris"),
        ("ko-KR", "11월 30일 (월) 09:00 → 12월 15일 (화), 12월 16일 (수) 복귀 · Europe/Paris"),
        ("zh-CN", "11月30日 周一 09:00 → 12月15日 周二，12月16日 周三 回来 · Europe/Paris"),  # noqa: RUF001
        ("zh-TW", "11月30日 週一 09:00 → 12月15日 週二，12月16日 週三 回來 · Europe/Paris"),  # noqa: RUF001
    ],
)
def test_it_previews_a_range_in_the_persons_language(locale: str, preview: str) -> None:
    absence = DateRange(
        datetime(2026, 11, 30, 9, tzinfo=PARIS), datetime(2026, 12, 16, tzinfo=PARIS)
    )
    assert describe_range(absence, "Europe/Paris", locale) == preview


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        ("fr-FR", "lun. 30 nov. 09:00 → jusqu'à ce que vous l'arrêtiez · Europe/Paris"),
        ("ja-JP", "11月30日(月) 09:00 → オフにするまで · Europe/Paris"),
        ("ko-KR", "11월 30일 (월) 09:00 → 끌 때까지 · Europe/Paris"),
    ],
)
def test_it_previews_a_permanent_responder_in_the_persons_language(
    locale: str, preview: str
) -> None:
    absence = DateRange(datetime(2026, 11, 30, 9, tzinfo=PARIS), None)
    assert describe_range(absence, "Europe/Paris", locale) == preview


@pytest.mark.parametrize(
    ("locale", "preview"),
    [
        ("de-DE", "Mo 30. Nov. 09:00 → Mo 4. Jan. 2027 12:00 · Europe/Paris"),
        ("ja-JP", "11月30日(月) 09:00 → 2027年1月4日(月) 12:00 · Europe/Paris"),
        ("zh-CN", "11月30日 周一 09:00 → 2027年1月4日 周一 12:00 · Europe/Paris"),
    ],
)
def test_it_previews_an_end_in_another_year_with_its_year(locale: str, preview: str) -> None:
    absence = DateRange(
        datetime(2026, 11, 30, 9, tzinfo=PARIS), datetime(2027, 1, 4, 12, tzinfo=PARIS)
    )
    assert describe_range(absence, "Europe/Paris", locale) == preview


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_it_offers_two_examples_it_can_read_in_every_language(locale: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range("qwertz uiop", now=NOW, tz="Europe/Paris", locale=locale)
    examples = language_of(locale).texts.examples
    assert str(caught.value).endswith(language_of(locale).texts.try_examples())
    for example in examples:
        assert example in str(caught.value)
        assert parse_range(example, now=NOW, tz="Europe/Paris", locale=locale).end is not None


def test_it_writes_each_refusal_in_the_persons_language() -> None:
    refusals = {
        locale: str(_refusal("yesterday" if locale.startswith("en") else "??", locale))
        for locale in LOCALES
    }
    assert len(set(refusals.values())) == len(LOCALES) - 2  # en-US/en-GB, es-ES/es-LA share


def _refusal(text: str, locale: str) -> DateError:
    with pytest.raises(DateError) as caught:
        parse_range(text, now=NOW, tz="Europe/Paris", locale=locale)
    return caught.value


def test_it_quotes_what_was_typed_not_how_it_was_split() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("今日の15時から", now=NOW, tz="Asia/Tokyo", locale="ja-JP")
    assert caught.value.key == "no_end"
    assert caught.value.reason.startswith("「今日の15時から」")


def test_it_warms_up_every_language_then_reads_them() -> None:
    warm_up()
    for locale, text in [("fr-FR", "demain"), ("de-DE", "morgen"), ("es-ES", "mañana")]:
        found = parse_range(text, now=NOW, tz="Europe/Paris", locale=locale)
        assert found.start == datetime(2025, 11, 28, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("text", "tz", "reason"),
    [
        ("tomorrow", "Mars/Olympus_Mons", "not a time zone"),
        ("tomorrow", "../../etc/passwd", "not a time zone"),
        ("tomorrow " * 40, "UTC", "too long"),
    ],
)
def test_it_refuses_bad_input_as_a_date_error(text: str, tz: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_range(text, now=NOW, tz=tz)


def test_it_refuses_a_naive_now_as_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware") as caught:
        parse_range("tomorrow", now=datetime(2025, 11, 27), tz="UTC")
    assert not isinstance(caught.value, DateError)


def test_it_gives_examples_in_the_users_language() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("n'importe quoi", now=NOW, tz="Europe/Paris", locale="fr-FR")
    assert "du 20 décembre au 3 janvier" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "locale", "end"),
    [
        ("from Monday to Friday", "de-DE", datetime(2025, 12, 6, tzinfo=PARIS)),
        ("until further notice", "fr-FR", None),
        ("du 1 au 5 décembre", "fr-FR", datetime(2025, 12, 6, tzinfo=PARIS)),
    ],
)
def test_it_falls_back_to_english_when_the_users_language_cannot_read_it(
    text: str, locale: str, end: datetime | None
) -> None:
    got = parse_range(text, now=NOW, tz="Europe/Paris", locale=locale)
    assert got.end == end


@pytest.mark.parametrize(
    ("text", "locale", "order"),
    [
        ("12/24", "en-GB", "Numeric dates are day/month"),
        ("24/12", "en-US", "Numeric dates are month/day"),
        ("12/24", "pt-BR", "Datas numéricas são dia/mês"),
        ("24/12", "ja-JP", "年/月/日 または 月/日"),
        ("24/12", "ko-KR", "연/월/일 또는 월/일"),
        ("24/12", "zh-TW", "年/月/日 或 月/日"),
    ],
)
def test_it_explains_the_numeric_order_it_expects(text: str, locale: str, order: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range(text, now=NOW, tz="Europe/London", locale=locale)
    assert order in str(caught.value)
    assert locale in str(caught.value)


def test_it_does_not_explain_numeric_order_for_other_numbers() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("for 1.5 weeks", now=NOW, tz="Europe/London", locale="en-US")
    assert "Numeric dates" not in str(caught.value)
