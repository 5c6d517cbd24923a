"""The dates API around parse_range: languages, DateRange days, previews and warm-up."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import (
    DateError,
    DateRange,
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


def test_it_refuses_with_a_key_and_what_it_needs_to_say_why() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("yesterday", now=NOW, tz="Europe/Paris", locale="fr-FR")
    assert caught.value.key == "past"
    assert caught.value.params == {"end": datetime(2025, 11, 27, tzinfo=PARIS), "text": "yesterday"}


def test_it_quotes_what_was_typed_not_how_it_was_split() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("今日の15時から", now=NOW, tz="Asia/Tokyo", locale="ja-JP")
    assert caught.value.key == "no_end"
    assert caught.value.params["text"] == "今日の15時から"


def test_it_warms_up_every_language_then_reads_them() -> None:
    warm_up({"fr-FR": ["du 20 décembre au 3 janvier"], "ja-JP": ["月曜日に戻ります", "??"]})
    for locale, text in [("fr-FR", "demain"), ("de-DE", "morgen"), ("es-ES", "mañana")]:
        found = parse_range(text, now=NOW, tz="Europe/Paris", locale=locale)
        assert found.start == datetime(2025, 11, 28, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("text", "tz", "key"),
    [
        ("tomorrow", "Mars/Olympus_Mons", "zone"),
        ("tomorrow", "../../etc/passwd", "zone"),
        ("tomorrow " * 40, "UTC", "too_long"),
    ],
)
def test_it_refuses_bad_input_as_a_date_error(text: str, tz: str, key: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range(text, now=NOW, tz=tz)
    assert caught.value.key == key


def test_it_refuses_a_naive_now_as_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware") as caught:
        parse_range("tomorrow", now=datetime(2025, 11, 27), tz="UTC")
    assert not isinstance(caught.value, DateError)


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
        ("12/24", "en-GB", "dmy"),
        ("24/12", "en-US", "mdy"),
        ("12/24", "pt-BR", "dmy"),
        ("24/12", "ja-JP", "ymd"),
        ("24/12", "ko-KR", "ymd"),
        ("24/12", "zh-TW", "ymd"),
    ],
)
def test_it_names_the_numeric_order_it_expects(text: str, locale: str, order: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range(text, now=NOW, tz="Europe/London", locale=locale)
    assert caught.value.key == "unread"
    assert caught.value.params["order"] == order
    assert caught.value.params["locale"] == locale


def test_it_does_not_name_the_numeric_order_for_other_numbers() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("for 1.5 weeks", now=NOW, tz="Europe/London", locale="en-US")
    assert "order" not in caught.value.params
