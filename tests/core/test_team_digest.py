"""When a team digest is posted: a local time, working days or Mondays, across DST."""

from datetime import UTC, datetime, time

import pytest

from bot.core.problems import Refused
from bot.core.team_digest import Cadence, latest_post, next_post, post_day, time_from_text
from bot.texts.problems import word

W, M = Cadence.WEEKDAYS, Cadence.MONDAYS


@pytest.mark.parametrize(
    ("after", "cadence", "expected"),
    [
        # Friday 27 November, 10:00 UTC: 11:00 in Paris, past 09:00, so Monday.
        (datetime(2026, 11, 27, 10, 0, tzinfo=UTC), W, datetime(2026, 11, 30, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 27, 7, 0, tzinfo=UTC), W, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 27, 8, 0, tzinfo=UTC), W, datetime(2026, 11, 30, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 30, 8, 0, tzinfo=UTC), W, datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 30, 8, 0, tzinfo=UTC), M, datetime(2026, 12, 7, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 28, 8, 0, tzinfo=UTC), M, datetime(2026, 11, 30, 8, 0, tzinfo=UTC)),
        # Summer time starts on Sunday 29 March 2026: 09:00 in Paris is then 07:00 UTC.
        (datetime(2026, 3, 27, 9, 0, tzinfo=UTC), W, datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
    ],
)
def test_it_finds_the_next_posting_time_in_the_setters_zone(after, cadence, expected) -> None:
    found = next_post(after, at=time(9), tz="Europe/Paris", cadence=cadence)
    assert found == expected


def test_it_names_the_local_day_of_a_post() -> None:
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert str(post_day(late, "Europe/Paris")) == "2026-12-01"
    assert str(post_day(late, "America/New_York")) == "2026-11-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9)),
        ("9:30", time(9, 30)),
        ("9am", time(9)),
        ("5pm", time(17)),
        ("17h", time(17)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("17.45", time(17, 45)),
    ],
)
def test_it_reads_a_time_of_day(text: str, expected: time) -> None:
    assert time_from_text(text) == expected


@pytest.mark.parametrize("text", ["25:00", "9:75", "noonish", "", "13pm", "0am"])
def test_it_refuses_what_is_not_a_time_of_day(text: str) -> None:
    with pytest.raises(Refused) as refused:
        time_from_text(text)
    assert "time of day" in word(refused.value.problem)


@pytest.mark.parametrize(
    ("now", "cadence", "expected"),
    [
        (datetime(2026, 11, 27, 10, 0, tzinfo=UTC), W, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 27, 8, 0, tzinfo=UTC), W, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 27, 7, 59, tzinfo=UTC), W, datetime(2026, 11, 26, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 29, 12, 0, tzinfo=UTC), W, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)),
        (datetime(2026, 11, 27, 10, 0, tzinfo=UTC), M, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
    ],
)
def test_it_finds_the_last_posting_time_a_late_wake_up_may_still_post(now, cadence, expected):
    assert latest_post(now, at=time(9), tz="Europe/Paris", cadence=cadence) == expected
