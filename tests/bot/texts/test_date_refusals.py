"""The date reader's refusals, worded by the catalog: every key it raises, days and weekdays as
the reader's locale writes them, two examples in their language."""

import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateError, Weekday, parse_range
from bot.texts import _, speaking
from bot.texts.date_refusals import REASONS, ask_end, reason, refusal, try_examples
from tests.support.catalogs import READERS

CORE = Path(__file__).resolve().parents[3] / "bot" / "core" / "dates"
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2025, 11, 27, 10, 30, tzinfo=UTC)


def test_it_words_every_refusal_the_core_raises() -> None:
    raised = {
        key
        for path in CORE.glob("*.py")
        for key in re.findall(r'DateError\(\s*"(\w+)"', path.read_text())
    }
    assert raised and raised <= set(REASONS), raised - set(REASONS)


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (DateError("empty"), "The dates are empty: say when you are away."),
        (
            DateError("zone", tz="Mars/Olympus_Mons"),
            "“Mars/Olympus_Mons” is not a time zone I know.",
        ),
        (
            DateError("past", end=datetime(2025, 11, 27, tzinfo=PARIS), text="yesterday"),
            "That ends in the past (Thu, Nov 27, 2025, 12:00\u202fAM).",
        ),
        (
            DateError("weekday", date=date(2025, 12, 3), actual=Weekday(2), said=Weekday(0)),
            "Wed, Dec 3, 2025 is a Wednesday, not a Monday.",
        ),
        (
            DateError("unread", text="24/12", order="mdy", locale="en-US"),
            "I could not read “24/12” as dates. Numeric dates are month/day in your Slack"
            " language (en-US).",
        ),
        (DateError("unread", text="qwertz"), "I could not read “qwertz” as dates."),
    ],
)
def test_it_words_a_refusal_in_english(error: DateError, said: str) -> None:
    assert reason(error) == said
    assert refusal(error) == f"{said} Try “Dec 20 to Jan 3” or “back on Monday”."


@pytest.mark.parametrize(
    ("locale", "written"),
    [
        ("fr-FR", ["mer. 3 déc. 2025", "mercredi", "lundi"]),
        ("de-DE", ["Mi., 3. Dez. 2025", "Mittwoch", "Montag"]),
        ("ja-JP", ["2025年12月3日(水)", "水曜日", "月曜日"]),
        ("zh-TW", ["2025年12月3日週三", "星期三", "星期一"]),
    ],
)
def test_it_writes_a_refusals_day_and_weekdays_as_the_reader_does(
    locale: str, written: list[str]
) -> None:
    error = DateError("weekday", date=date(2025, 12, 3), actual=Weekday(2), said=Weekday(0))
    with speaking(locale):
        said = reason(error)
    assert all(word in said for word in written), said


@pytest.mark.parametrize("locale", READERS)
def test_it_offers_two_examples_in_every_language(locale: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range("qwertz uiop", now=NOW, tz="Europe/Paris", locale=locale)
    with speaking(locale):
        said, offered = refusal(caught.value), try_examples()
        # Two sentences, joined as the language joins them: no space after 。 in Japanese.
        joined = _("{first} {then}", first="", then=offered)
    assert said.endswith(joined) and len(said) > len(joined)


def test_it_writes_each_refusal_in_the_persons_language() -> None:
    refusals = set()
    for locale in READERS:
        with pytest.raises(DateError) as caught:
            parse_range("??", now=NOW, tz="Europe/Paris", locale=locale)
        with speaking(locale):
            refusals.add(refusal(caught.value))
    assert len(refusals) == len(READERS) - 2  # en-US and en-GB, es-ES and es-LA say it alike


def test_it_asks_for_the_end_in_french() -> None:
    with pytest.raises(DateError) as caught:
        parse_range("à partir de lundi", now=NOW, tz="Europe/Paris", locale="fr-FR")
    with speaking("fr-FR"):
        said = ask_end(caught.value)
    assert said == (
        "« à partir de lundi » dit quand l'absence commence, mais pas quand elle finit."
        " Quand finit-elle ? Choisissez le dernier jour ci-dessous."
    )
