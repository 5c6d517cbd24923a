"""Properties over generated sentences in every locale: the reading agrees with every part said.

A year said once is the year of both ends it governs, a weekday said is the weekday of the day
it names, a time said is the time returned; and ordinary words around a readable phrase leave
its reading unchanged. Month and weekday names come from CLDR (Babel), not from our tables.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import get_day_names, get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import LOCALES, DateError, DateRange, localize, parse_range
from tests.core.test_dates_properties import PIECES, SHAPES

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ZONE = "Europe/Paris"
CJK = ("ja-JP", "ko-KR", "zh-CN", "zh-TW")


def _month(locale: str, day: date) -> str:
    return get_month_names("wide", locale=locale[:2])[day.month]


def _weekday(locale: str, day: date) -> str:
    return get_day_names("wide", locale=locale[:2])[day.weekday()]


def _range_said_once(locale: str, a: date, b: date, weekday: str) -> str:
    """Two days in one year, the year said once, as a person writing in locale would."""
    ma, mb, y = _month(locale, a), _month(locale, b), a.year
    return {
        "en-US": f"{weekday} {ma} {a.day} to {mb} {b.day}, {y}",
        "en-GB": f"{weekday} {a.day} {ma} to {b.day} {mb} {y}",
        "fr-FR": f"du {weekday} {a.day} {ma} au {b.day} {mb} {y}",
        "de-DE": f"vom {weekday}, {a.day}. {ma} bis {b.day}. {mb} {y}",
        "es-ES": f"del {weekday} {a.day} de {ma} al {b.day} de {mb} de {y}",
        "es-LA": f"del {weekday} {a.day} de {ma} al {b.day} de {mb} de {y}",
        "pt-BR": f"de {weekday}, {a.day} de {ma} a {b.day} de {mb} de {y}",
        "it-IT": f"dal {weekday} {a.day} {ma} al {b.day} {mb} {y}",
        "ja-JP": f"{y}年{a.month}月{a.day}日から{b.month}月{b.day}日まで",
        "ko-KR": f"{y}년 {a.month}월 {a.day}일부터 {b.month}월 {b.day}일까지",
        "zh-CN": f"{y}年{a.month}月{a.day}日到{b.month}月{b.day}日",
        "zh-TW": f"{y}年{a.month}月{a.day}日到{b.month}月{b.day}日",
    }[locale]


def _hours_said_once(locale: str, day: date, start: int, end: int) -> str:
    """One day and two hours, the day said once (before or after the hours)."""
    m, y = _month(locale, day), day.year
    return {
        "en-US": f"{start}:00-{end}:00 on {m} {day.day}, {y}",
        "en-GB": f"{day.day} {m} {y} from {start}:00 to {end}:00",
        "fr-FR": f"de {start}h à {end}h le {day.day} {m} {y}",
        "de-DE": f"am {day.day}. {m} {y} von {start} bis {end} Uhr",
        "es-ES": f"el {day.day} de {m} de {y} de {start}:00 a {end}:00",
        "es-LA": f"de {start}:00 a {end}:00 el {day.day} de {m} de {y}",
        "pt-BR": f"dia {day.day} de {m} de {y} das {start}h às {end}h",
        "it-IT": f"dalle {start} alle {end} del {day.day} {m} {y}",
        "ja-JP": f"{y}年{day.month}月{day.day}日{start}時から{end}時まで",
        "ko-KR": f"{y}년 {day.month}월 {day.day}일 {start}시부터 {end}시까지",
        "zh-CN": f"{y}年{day.month}月{day.day}日{start}点到{end}点",
        "zh-TW": f"{y}年{day.month}月{day.day}日{start}點到{end}點",
    }[locale]


# Words around dates that say nothing about them, as people write them in each language.
WRAPPERS = {
    "en": [("Hi all, ", " thanks!"), ("Alice here: ", " lol"), ("FYI ", " (ping Carol)")],
    "fr": [("Bonjour à tous, ", " merci !"), ("Coucou, ", " bises, Alice")],
    "de": [("Hallo zusammen, ", " danke!"), ("Hi, ", " Grüße, Alice")],
    "es": [("Hola a todos, ", " gracias!"), ("Hola, ", " saludos, Alice")],
    "pt": [("Oi pessoal, ", " obrigada!"), ("Olá, ", " abraços, Alice")],
    "it": [("Ciao a tutti, ", " grazie!"), ("Ciao, ", " saluti, Alice")],
    "ja": [("お疲れ様です。", "。よろしくお願いします"), ("皆さん、", "。")],
    "ko": [("안녕하세요, ", ". 감사합니다"), ("팀원 여러분, ", ".")],
    "zh": [("大家好\uff0c", "。谢谢"), ("各位\uff0c", "。")],
}

days_ahead = st.dates(min_value=date(2027, 1, 1), max_value=date(2031, 12, 30))


def _read(text: str, locale: str) -> DateRange | DateError:
    try:
        return parse_range(text, now=NOW, tz=ZONE, locale=locale)
    except DateError as error:
        return error


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), ZoneInfo(ZONE))


def _at(day: date, hour: int) -> datetime:
    """That hour of the day in ZONE; an hour a DST jump skips is where the clock jumps to."""
    return localize(datetime.combine(day, time(hour)), ZoneInfo(ZONE))


@settings(max_examples=200, deadline=None)
@given(locale=st.sampled_from(sorted(LOCALES)), first=days_ahead, length=st.integers(1, 60))
def test_it_gives_a_year_said_once_to_both_ends_and_names_the_weekday_of_its_day(
    locale: str, first: date, length: int
) -> None:
    last = min(first + timedelta(days=length), date(first.year, 12, 31))
    if last == first:
        return
    text = _range_said_once(locale, first, last, _weekday(locale, first))
    found = _read(text, locale)
    assert isinstance(found, DateRange), (text, found)
    assert found.start == _midnight(first), text
    assert found.last_day == last, text


@settings(max_examples=100, deadline=None)
@given(locale=st.sampled_from(sorted(set(LOCALES) - set(CJK))), first=days_ahead)
def test_it_refuses_a_weekday_that_is_not_the_weekday_of_its_day(locale: str, first: date) -> None:
    last = min(first + timedelta(days=3), date(first.year, 12, 31))
    if last == first:
        return
    wrong = _weekday(locale, first + timedelta(days=1))
    found = _read(_range_said_once(locale, first, last, wrong), locale)
    assert isinstance(found, DateError) and found.key == "weekday", found


@settings(max_examples=200, deadline=None)
@given(
    locale=st.sampled_from(sorted(LOCALES)),
    day=days_ahead,
    start=st.integers(0, 22),
    hours=st.integers(1, 8),
)
def test_it_gives_a_day_said_once_to_both_times_and_returns_the_times_said(
    locale: str, day: date, start: int, hours: int
) -> None:
    end = min(start + hours, 23)
    if end == start or (locale in CJK and start < 13 <= end):
        return  # "12時から13時" is read like a clock; in CJK an afternoon is "午後"
    text = _hours_said_once(locale, day, start, end)
    found = _read(text, locale)
    assert isinstance(found, DateRange), (text, found)
    assert found.start == _at(day, start), text
    assert found.end == _at(day, end), text


def _readable_phrases() -> list[tuple[str, str]]:
    return [
        (shape.format(p=piece, q=pieces[(i + 3) % len(pieces)], n=i % 9 + 1), locale)
        for locale, pieces in PIECES.items()
        for shape in SHAPES[locale]
        for i, piece in enumerate(pieces)
    ]


@settings(max_examples=300, deadline=None)
@given(phrase=st.sampled_from(_readable_phrases()), choice=st.integers(0, 2))
def test_it_reads_a_phrase_the_same_wrapped_in_ordinary_words(
    phrase: tuple[str, str], choice: int
) -> None:
    text, locale = phrase
    wrappers = WRAPPERS[locale[:2]]
    before, after = wrappers[choice % len(wrappers)]
    alone, wrapped = _read(text, locale), _read(f"{before}{text}{after}", locale)
    if isinstance(alone, DateRange):
        assert wrapped == alone, (text, wrapped)
    else:
        assert isinstance(wrapped, DateError), (text, wrapped)


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_it_reads_most_wrapped_phrases_so_the_property_is_not_vacuous(locale: str) -> None:
    phrases = [text for text, where in _readable_phrases() if where == locale]
    before, after = WRAPPERS[locale[:2]][0]
    read = [_read(f"{before}{text}{after}", locale) for text in phrases]
    accepted = [found for found in read if isinstance(found, DateRange)]
    assert len(accepted) >= 0.8 * len(read), [str(f) for f in read if isinstance(f, DateError)]
