"""The dates API around parse_range: languages, DateRange days, previews and warm-up."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateError, DateRange, describe_range, languages_for, parse_range, warm_up

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2025, 11, 27, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("locale", "languages"),
    [
        ("fr-FR", ["fr"]),
        ("de-DE", ["de"]),
        ("es-ES", ["es"]),
        ("es_MX", ["es"]),
        ("en-GB", ["en"]),
        ("ja-JP", ["en"]),
        (None, ["en"]),
        ("", ["en"]),
    ],
)
def test_it_picks_the_language_from_the_slack_locale(
    locale: str | None, languages: list[str]
) -> None:
    assert languages_for(locale) == languages


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
    [("12/24", "en-GB", "day/month"), ("24/12", "en-US", "month/day")],
)
def test_it_explains_the_numeric_order_it_expects(text: str, locale: str, order: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range(text, now=NOW, tz="Europe/London", locale=locale)
    assert f"Numeric dates are {order}" in str(caught.value)


def test_it_does_not_explain_numeric_order_for_other_numbers() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("for 1.5 weeks", now=NOW, tz="Europe/London", locale="en-US")
    assert "Numeric dates" not in str(caught.value)
