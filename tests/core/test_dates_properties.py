"""Properties of every accepted phrase: it ends after it starts, after now, in any server zone."""

import os
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import DateError, DateRange, parse_range

# Zones with DST, half-hour offsets, midnight transitions and the date line.
ZONES = [
    "UTC",
    "Europe/Paris",
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
]

PIECES = {
    "en-US": [
        *("tomorrow", "today", "monday", "friday", "the 15th", "the 31st", "dec 20", "jan 3"),
        *("12/24", "feb 29", "next week", "this weekend", "2pm", "noon", "midnight", "2026-03-29"),
        *("the end of the month", "yesterday", "sunday 9am", "in 3 days"),
    ],
    "fr-FR": ["demain", "lundi", "le 15", "28", "2 janvier", "24/12", "ce week-end", "14h", "midi"],
    "de-DE": ["morgen", "Montag", "am 15.", "3. Dezember", "24.12.", "nächste Woche", "14 Uhr"],
    "es-ES": ["mañana", "lunes", "el 15", "3 de enero", "24/12", "este fin de semana", "14:00"],
}
SHAPES = {
    "en-US": [
        *("{p}", "{p} to {q}", "from {p} until {q}", "until {p}", "back on {p}", "{p} - {q}"),
        *("for {n} days", "{p} for {n} weeks", "for {n} hours", "from {p} until further notice"),
    ],
    "fr-FR": ["{p}", "du {p} au {q}", "jusqu'au {p}", "de retour le {p}", "pendant {n} jours"],
    "de-DE": ["{p}", "vom {p} bis {q}", "bis {p}", "zurück am {p}", "für {n} Tage ab {p}"],
    "es-ES": ["{p}", "del {p} al {q}", "hasta el {p}", "de vuelta el {p}", "durante {n} días"],
}


@st.composite
def phrases(draw: st.DrawFn) -> tuple[str, str]:
    locale = draw(st.sampled_from(sorted(PIECES)))
    shape = draw(st.sampled_from(SHAPES[locale]))
    pieces = st.sampled_from(PIECES[locale])
    text = shape.format(p=draw(pieces), q=draw(pieces), n=draw(st.integers(0, 40)))
    return text, locale


nows = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda naive: naive.replace(tzinfo=UTC)
)
zones = st.sampled_from(ZONES)


def _read(text: str, locale: str, now: datetime, tz: str) -> DateRange | str:
    try:
        return parse_range(text, now=now, tz=tz, locale=locale)
    except DateError as error:
        return f"refused: {error.reason}"


@settings(max_examples=300, deadline=None)
@given(phrase=phrases(), now=nows, tz=zones)
def test_it_only_accepts_ranges_that_end_after_they_start_and_after_now(
    phrase: tuple[str, str], now: datetime, tz: str
) -> None:
    found = _read(*phrase, now, tz)
    if isinstance(found, str):
        return
    assert found.start.tzinfo == ZoneInfo(tz)
    if found.end is not None:
        # Same-zone datetimes compare by wall clock; compare instants instead.
        assert found.start.astimezone(UTC) < found.end.astimezone(UTC)
        assert found.end.astimezone(UTC) > now
        assert found.end.tzinfo == ZoneInfo(tz)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), locale=st.sampled_from(sorted(PIECES)), now=nows, tz=zones)
def test_it_answers_any_text_with_a_range_or_a_date_error(
    text: str, locale: str, now: datetime, tz: str
) -> None:
    assert isinstance(_read(text, locale, now, tz), DateRange | str)


@pytest.mark.usefixtures("server_zone")
@settings(max_examples=150, deadline=None)
@given(phrase=phrases(), now=nows, tz=zones, servers=st.lists(zones, min_size=2, max_size=2))
def test_it_does_not_depend_on_the_server_time_zone(
    phrase: tuple[str, str], now: datetime, tz: str, servers: list[str]
) -> None:
    answers = []
    for server in servers:
        os.environ["TZ"] = server
        time.tzset()
        answers.append(_read(*phrase, now, tz))
    assert answers[0] == answers[1]
