"""Properties of every accepted phrase: it ends after it starts, after now, in any server zone."""

import os
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import DateError, DateRange, parse_range
from bot.texts import speaking
from bot.texts.date_refusals import refusal

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
        *("the end of the month", "yesterday", "sunday 9am", "in 3 days", "tmrw", "tue-thu"),
    ],
    "en-GB": ["tomorrow", "monday", "the 15th", "20 dec", "24/12", "next week", "2pm", "wed"],
    "fr-FR": ["demain", "lundi", "le 15", "28", "2 janvier", "24/12", "ce week-end", "14h", "midi"],
    "de-DE": ["morgen", "Montag", "am 15.", "3. Dezember", "24.12.", "nächste Woche", "14 Uhr"],
    "es-ES": ["mañana", "lunes", "el 15", "3 de enero", "24/12", "este fin de semana", "14:00"],
    "es-LA": ["mañana", "martes", "el 3", "9 de marzo", "31/12", "la próxima semana", "9:30"],
    "pt-BR": ["amanhã", "segunda", "dia 15", "3 de janeiro", "24/12", "semana que vem", "14h"],
    "it-IT": ["domani", "lunedì", "il 15", "3 gennaio", "24/12", "questo weekend", "14:00"],
    "ja-JP": ["明日", "月曜日", "15日", "1月3日", "12/24", "来週", "午後2時", "2026年3月29日"],
    "ko-KR": ["내일", "월요일", "15일", "1월 3일", "12/24", "다음 주", "오후 2시", "이번 주말"],
    "zh-CN": ["明天", "周一", "15号", "1月3日", "12/24", "下周", "下午2点", "这周末"],
    "zh-TW": ["明天", "週一", "15號", "1月3日", "12/24", "下週", "下午2點", "這週末"],
}
SHAPES = {
    "en-US": [
        *("{p}", "{p} to {q}", "from {p} until {q}", "until {p}", "back on {p}", "{p} - {q}"),
        *("for {n} days", "{p} for {n} weeks", "for {n} hours", "from {p} until further notice"),
        *("PTO {p}", "out sick until {p}", "back {p}", "on vacation {p} thru {q}"),
    ],
    "en-GB": ["{p}", "{p} to {q}", "until {p}", "back {p}", "annual leave {p} - {q}"],
    "fr-FR": ["{p}", "du {p} au {q}", "jusqu'au {p}", "de retour le {p}", "pendant {n} jours"],
    "de-DE": ["{p}", "vom {p} bis {q}", "bis {p}", "zurück am {p}", "für {n} Tage ab {p}"],
    "es-ES": ["{p}", "del {p} al {q}", "hasta el {p}", "de vuelta el {p}", "durante {n} días"],
    "es-LA": ["{p}", "de licencia del {p} al {q}", "regreso el {p}", "por {n} días"],
    "pt-BR": ["{p}", "de {p} a {q}", "até {p}", "de volta {p}", "por {n} dias", "de férias {p}"],
    "it-IT": ["{p}", "dal {p} al {q}", "fino a {p}", "torno {p}", "per {n} giorni", "in ferie {p}"],
    "ja-JP": ["{p}", "{p}から{q}まで", "{p}まで", "{p}に戻ります", "{n}日間", "出張 {p}"],
    "ko-KR": ["{p}", "{p}부터 {q}까지", "{p}까지", "{p} 복귀", "{n}일간", "휴가 {p}"],
    "zh-CN": ["{p}", "从{p}到{q}", "到{p}", "{p}回来", "请假{n}天", "出差 {p}"],
    "zh-TW": ["{p}", "從{p}到{q}", "到{p}", "{p}回來", "請假{n}天", "出差 {p}"],
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
        with speaking(locale):
            return f"refused: {refusal(error)}"


def _assert_sound(found: DateRange, now: datetime, tz: str) -> None:
    assert found.start.tzinfo == ZoneInfo(tz)
    if found.end is not None:
        # Same-zone datetimes compare by wall clock; compare instants instead.
        assert found.start.astimezone(UTC) < found.end.astimezone(UTC)
        assert found.end.astimezone(UTC) > now
        assert found.end.tzinfo == ZoneInfo(tz)


@settings(max_examples=300, deadline=None)
@given(phrase=phrases(), now=nows, tz=zones)
def test_it_only_accepts_ranges_that_end_after_they_start_and_after_now(
    phrase: tuple[str, str], now: datetime, tz: str
) -> None:
    found = _read(*phrase, now, tz)
    if not isinstance(found, str):
        _assert_sound(found, now, tz)


def _every_shape_and_piece(locale: str) -> list[str]:
    pieces = PIECES[locale]
    return [
        shape.format(p=piece, q=pieces[(i + 3) % len(pieces)], n=i % 9 + 1)
        for shape in SHAPES[locale]
        for i, piece in enumerate(pieces)
    ]


@pytest.mark.parametrize("locale", sorted(PIECES))
def test_it_accepts_most_phrases_the_property_draws_so_it_is_not_vacuous(locale: str) -> None:
    now = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    read = [
        (_read(text, locale, now, ZONES[i % len(ZONES)]), i)
        for i, text in enumerate(_every_shape_and_piece(locale))
    ]
    accepted = [(found, i) for found, i in read if isinstance(found, DateRange)]
    for found, i in accepted:
        _assert_sound(found, now, ZONES[i % len(ZONES)])
    assert len(accepted) >= 0.8 * len(read), [found for found, _ in read if isinstance(found, str)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), locale=st.sampled_from(sorted(PIECES)), now=nows, tz=zones)
def test_it_answers_any_text_with_a_range_or_a_readable_refusal(
    text: str, locale: str, now: datetime, tz: str
) -> None:
    found = _read(text, locale, now, tz)  # anything but a DateError escapes and fails the test
    if isinstance(found, str):
        assert found.removeprefix("refused: ").strip(), "a refusal must say what went wrong"


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
