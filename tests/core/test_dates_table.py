"""Every phrase of the shared table reads as expected, whatever the server's own time zone."""

import os
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import LOCALES, DateError, DateRange, parse_range
from bot.texts import speaking
from bot.texts.date_refusals import refusal, try_examples
from tests.core.date_case import Case
from tests.core.dates_cases import CASES
from tests.core.dates_cases_everyday import EVERYDAY


def _read(case: Case) -> DateRange:
    return parse_range(
        case.text, now=datetime.fromisoformat(case.now), tz=case.tz, locale=case.locale
    )


def _expected(value: str, case: Case) -> datetime:
    if value == "now":
        return datetime.fromisoformat(case.now).astimezone(ZoneInfo(case.tz))
    return datetime.fromisoformat(value)


def _same_instant_and_offset(found: datetime | None, expected: datetime | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return found == expected and found.utcoffset() == expected.utcoffset()


ACCEPTED = [c for c in CASES if c.refusal is None]
REFUSED = [c for c in CASES if c.refusal is not None]


def test_it_has_phrases_in_every_slack_locale() -> None:
    assert {c.locale for c in CASES} == set(LOCALES)


@pytest.mark.parametrize("language", ["pt", "it", "ja", "ko", "zh-CN", "zh-TW"])
def test_it_has_forty_phrases_for_each_new_language(language: str) -> None:
    assert len([c for c in CASES if c.locale.startswith(language)]) >= 40


@pytest.mark.parametrize("language", ["en", "fr", "de", "es"])
def test_it_has_thirty_everyday_phrases_for_each_first_language(language: str) -> None:
    assert len([c for c in EVERYDAY if c.locale.startswith(language)]) >= 30


def test_it_reads_at_many_moments() -> None:
    assert len({c.now for c in CASES}) >= 12


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: f"{c.locale}|{c.tz}|{c.text}")
def test_it_reads_the_phrase(case: Case) -> None:
    found = _read(case)
    assert case.start is not None
    expected_end = None if case.end is None else _expected(case.end, case)
    assert _same_instant_and_offset(found.start, _expected(case.start, case)), found
    assert _same_instant_and_offset(found.end, expected_end), found
    assert found.start.tzinfo == ZoneInfo(case.tz)
    assert found.end is None or found.end.tzinfo == ZoneInfo(case.tz)


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: f"{c.locale}|{c.text}")
def test_it_refuses_with_a_reason_two_examples_and_any_start_it_read(case: Case) -> None:
    with pytest.raises(DateError) as caught:
        _read(case)
    assert caught.value.key == case.refusal
    started = None if case.start is None else _expected(case.start, case)
    assert _same_instant_and_offset(caught.value.start, started), caught.value.start
    with speaking(case.locale):
        said, offered = refusal(caught.value), try_examples()
    assert said.endswith(offered) and len(said) > len(offered) + 1, said


@pytest.mark.parametrize("server", ["Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"])
@pytest.mark.usefixtures("server_zone")
def test_it_gives_the_same_answers_whatever_the_server_zone(server: str) -> None:
    expected = [_read(c) for c in ACCEPTED]
    os.environ["TZ"] = server
    time.tzset()
    assert time.localtime().tm_gmtoff != 0
    assert [_read(c) for c in ACCEPTED] == expected
