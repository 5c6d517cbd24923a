"""Properties of periods placed in a month: an ordinal weekday is that weekday, in that month, the
nth of its kind; a half of a month runs to its 15th or from its 16th. The oracle is Python's
calendar and the month and weekday names are Babel's (CLDR), not the reader's own tables.
"""

import calendar
from datetime import date, datetime, timedelta

from babel.dates import get_day_names, get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import parse_range

NOW = datetime.fromisoformat("2025-11-27T10:30:00+00:00")
# first, second, third, fourth and last, as each language writes them before a weekday.
ORDINALS = {
    "en-US": ("the first", "the second", "the third", "the fourth", "the last"),
    "fr-FR": ("le premier", "le deuxième", "le troisième", "le quatrième", "le dernier"),
    "de-DE": ("am ersten", "am zweiten", "am dritten", "am vierten", "am letzten"),
    "es-ES": ("el primer", "el segundo", "el tercer", "el cuarto", "el último"),
    "it-IT": ("il primo", "il secondo", "il terzo", "il quarto", "l'ultimo"),
    "pt-BR": ("a primeira", "a segunda", "a terceira", "a quarta", "a última"),
}
OF = {"en-US": "of", "fr-FR": "de", "de-DE": "im", "es-ES": "de", "it-IT": "di", "pt-BR": "de"}
HALVES = {
    "en-US": ("the first half of {m} {y}", "the second half of {m} {y}"),
    "fr-FR": ("la première quinzaine de {m} {y}", "la deuxième quinzaine de {m} {y}"),
    "es-ES": ("la primera quincena de {m} de {y}", "la segunda quincena de {m} de {y}"),
    "it-IT": ("la prima metà di {m} {y}", "la seconda metà di {m} {y}"),
    "pt-BR": ("a primeira quinzena de {m} de {y}", "a segunda quinzena de {m} de {y}"),
}


def _expected_day(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (0-based; 4 is the last) such weekday of the month, by Python's calendar."""
    found = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    return date(year, month, found[-1] if nth == 4 else found[nth])


@settings(max_examples=150, deadline=None)
@given(
    locale=st.sampled_from(sorted(ORDINALS)),
    year=st.integers(2026, 2030),
    month=st.integers(1, 12),
    weekday=st.integers(0, 6),
    nth=st.integers(0, 4),
)
def test_it_reads_an_ordinal_weekday_as_that_weekday_of_that_month(
    locale: str, year: int, month: int, weekday: int, nth: int
) -> None:
    language = locale[:2]
    day_name = get_day_names("wide", locale=language)[weekday]
    month_name = get_month_names("wide", locale=language)[month]
    phrase = f"{ORDINALS[locale][nth]} {day_name} {OF[locale]} {month_name} {year}"
    found = parse_range(phrase, now=NOW, tz="Europe/Paris", locale=locale)
    expected = _expected_day(year, month, weekday, nth)
    assert (found.start.date(), found.end and found.end.date()) == (
        expected,
        expected + timedelta(days=1),
    ), phrase


@settings(max_examples=100, deadline=None)
@given(
    locale=st.sampled_from(sorted(HALVES)),
    year=st.integers(2026, 2030),
    month=st.integers(1, 12),
    second=st.booleans(),
)
def test_it_reads_a_half_of_a_month_up_to_or_from_its_sixteenth(
    locale: str, year: int, month: int, second: bool
) -> None:
    month_name = get_month_names("wide", locale=locale[:2])[month]
    phrase = HALVES[locale][second].format(m=month_name, y=year)
    found = parse_range(phrase, now=NOW, tz="Europe/Paris", locale=locale)
    sixteenth = date(year, month, 16)
    after = date(year + month // 12, month % 12 + 1, 1)
    expected = (sixteenth, after) if second else (date(year, month, 1), sixteenth)
    assert (found.start.date(), found.end and found.end.date()) == expected, phrase
