"""Who in a team is out when: out now and next, the timeline, and days short of people."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.dates import DateError
from bot.core.problems import Refused
from bot.core.team import (
    Absence,
    DayState,
    Window,
    WindowError,
    coverage_from_text,
    overview,
    window_from_text,
)
from bot.texts.problems import word

PARIS = "Europe/Paris"
# Friday 27 November 2026, 11:00 in Paris.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
TEAM = ["ALICE", "BOB", "CAROL", "DAN"]
OUT, PART, IN, OFF = DayState.OUT, DayState.PARTLY, DayState.IN, DayState.OFF
HOLIDAY = DayState.HOLIDAY


def paris(day: int, hour: int = 0, month: int = 11) -> datetime:
    """A moment in Paris in November (or another month) 2026."""
    return datetime(2026, month, day, hour).astimezone(UTC) - timedelta(hours=1)


def absence(person: str, start: datetime, end: datetime | None, backup: str | None = None):
    return Absence(person=person, start=start, end=end, tz=PARIS, backup=backup)


WEEK = Window(date(2026, 11, 27), 7, PARIS)  # Fri 27 Nov to Thu 3 Dec


@pytest.mark.parametrize(
    ("start", "end", "states"),
    [
        (paris(28), paris(30), [IN, OFF, OFF, IN, IN, IN, IN]),
        (paris(27, 14), paris(30, 12), [PART, OFF, OFF, PART, IN, IN, IN]),
        (paris(20), None, [OUT, OFF, OFF, OUT, OUT, OUT, OUT]),
        (paris(1, month=12), paris(2, month=12), [IN, OFF, OFF, IN, OUT, IN, IN]),
        (paris(20), paris(27, 9), [PART, OFF, OFF, IN, IN, IN, IN]),
    ],
)
def test_it_marks_each_day_out_partly_in_or_off(start, end, states) -> None:
    view = overview([absence("ALICE", start, end)], team=TEAM, window=WEEK, now=NOW)
    assert view.timeline == {"ALICE": states}


def test_it_leaves_people_with_no_absence_in_the_window_out_of_the_timeline() -> None:
    absences = [
        absence("ALICE", paris(1, month=12), paris(2, month=12)),
        absence("BOB", paris(10), paris(20)),
        absence("CAROL", paris(10, month=12), paris(12, month=12)),
    ]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert list(view.timeline) == ["ALICE"]
    assert view.in_count == 3


def test_it_ignores_people_outside_the_team() -> None:
    view = overview([absence("ERIN", paris(20), None)], team=TEAM, window=WEEK, now=NOW)
    assert view.timeline == {}
    assert view.out_now == []
    assert view.in_count == 4


def test_it_says_who_is_out_now_with_their_return_and_backup() -> None:
    absences = [
        absence("BOB", paris(26), paris(2, month=12), backup="CAROL"),
        absence("ALICE", paris(25), paris(30)),
        absence("DAN", paris(28), paris(29)),
    ]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert [(a.person, a.end, a.backup) for a in view.out_now] == [
        ("ALICE", paris(30), None),
        ("BOB", paris(2, month=12), "CAROL"),
    ]
    assert [(a.person, a.start) for a in view.out_next] == [("DAN", paris(28))]


def test_it_joins_back_to_back_responders_into_one_return() -> None:
    absences = [
        absence("ALICE", paris(25), paris(28)),
        absence("ALICE", paris(28), paris(1, month=12)),
    ]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert [a.end for a in view.out_now] == [paris(1, month=12)]


def test_it_lists_only_the_next_absence_of_someone_out_later() -> None:
    absences = [
        absence("CAROL", paris(2, month=12), paris(3, month=12)),
        absence("CAROL", paris(30), paris(1, month=12)),
    ]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert [a.start for a in view.out_next] == [paris(30)]


def test_it_does_not_list_someone_out_now_as_out_next_too() -> None:
    absences = [
        absence("ALICE", paris(26), paris(28)),
        absence("ALICE", paris(2, month=12), paris(3, month=12)),
    ]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert [a.person for a in view.out_now] == ["ALICE"]
    assert view.out_next == []


@pytest.mark.parametrize(
    ("coverage", "away", "warned"),
    [
        (50, ["ALICE", "BOB"], []),
        (50, ["ALICE", "BOB", "CAROL"], [(date(2026, 11, 30), 3, 4), (date(2026, 12, 1), 3, 4)]),
        (40, ["ALICE", "BOB"], [(date(2026, 11, 30), 2, 4), (date(2026, 12, 1), 2, 4)]),
        (100, ["ALICE", "BOB", "CAROL", "DAN"], []),
    ],
)
def test_it_warns_on_working_days_when_more_than_the_share_is_away(
    coverage: int, away: list[str], warned: list[tuple[date, int, int]]
) -> None:
    absences = [absence(person, paris(28), paris(2, month=12)) for person in away]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW, coverage=coverage)
    assert view.short_days == warned


def test_it_counts_a_partly_away_day_as_away() -> None:
    absences = [absence(p, paris(30, 15), paris(1, month=12)) for p in ("ALICE", "BOB", "CAROL")]
    view = overview(absences, team=TEAM, window=WEEK, now=NOW)
    assert view.short_days == [(date(2026, 11, 30), 3, 4)]


def test_it_warns_about_nobody_in_an_empty_team() -> None:
    view = overview([absence("ALICE", paris(20), None)], team=[], window=WEEK, now=NOW)
    assert view.short_days == []
    assert view.team_size == 0


@pytest.mark.parametrize(
    ("text", "first", "days"),
    [
        ("", date(2026, 11, 27), 14),
        ("30d", date(2026, 11, 27), 30),
        ("7 days", date(2026, 11, 27), 7),
        ("next month", date(2026, 12, 1), 31),
        ("from Monday to Friday", date(2026, 11, 30), 5),
    ],
)
def test_it_reads_the_window_to_show(text: str, first: date, days: int) -> None:
    assert window_from_text(text, now=NOW, tz=PARIS) == Window(first, days, PARIS)


@pytest.mark.parametrize(
    ("text", "error"), [("0d", WindowError), ("90d", WindowError), ("soon-ish", DateError)]
)
def test_it_refuses_windows_it_cannot_show(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        window_from_text(text, now=NOW, tz=PARIS)


@pytest.mark.parametrize(
    ("text", "share"), [("40%", 40), ("40", 40), (" 75 % ", 75), ("100%", 100)]
)
def test_it_reads_a_coverage_share(text: str, share: int) -> None:
    assert coverage_from_text(text) == share


@pytest.mark.parametrize("text", ["0%", "120%", "half", "-5%", ""])
def test_it_refuses_a_share_that_is_not_one(text: str) -> None:
    with pytest.raises(Refused) as refused:
        coverage_from_text(text)
    assert "share of the team" in word(refused.value.problem)
