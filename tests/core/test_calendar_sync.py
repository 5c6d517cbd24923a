"""What a calendar's absences change in its person's responders, and when feeds are read."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.calendar_absences import Absence
from bot.core.calendar_sync import (
    Linked,
    next_read,
    plan_sync,
    retry_after,
    time_to_tell,
)
from bot.core.dates import DateRange

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
EVERY = timedelta(minutes=15)


def day(n: int) -> datetime:
    """Midnight UTC, `n` days after NOW's day."""
    return datetime(2026, 11, 27, tzinfo=UTC) + timedelta(days=n)


def absence(uid: str, start: int, end: int, occurrence: str = "") -> Absence:
    """Alice's absence from day `start` to day `end`."""
    return Absence(uid, occurrence, day(start), day(end), all_day=True, marked=True, title="PTO")


def linked(uid: str, start: int, end: int, *, hands_off: bool = False, rid: int = 1) -> Linked:
    """A responder read before from the event `uid`."""
    return Linked(rid, uid, "", day(start), day(end), hands_off=hands_off)


def test_it_creates_a_responder_for_each_new_occurrence_in_time_order() -> None:
    plan = plan_sync([], [absence("b", 10, 12), absence("a", 3, 5)], others=[], now=NOW)
    assert [a.uid for a in plan.create] == ["a", "b"]
    assert not plan.move and not plan.remove


def test_it_leaves_an_unchanged_occurrence_untouched() -> None:
    plan = plan_sync([linked("a", 3, 5)], [absence("a", 3, 5)], others=[], now=NOW)
    assert plan == plan_sync([], [], others=[], now=NOW)


def test_it_moves_a_responder_whose_event_moved() -> None:
    plan = plan_sync([linked("a", 3, 5)], [absence("a", 4, 6)], others=[], now=NOW)
    assert [(before.uid, after.starts_at) for before, after in plan.move] == [("a", day(4))]


def test_it_compares_only_the_end_of_one_already_on() -> None:
    on = linked("a", -1, 5)
    plan = plan_sync([on], [absence("a", 0, 5)], others=[], now=NOW)
    assert not plan.move
    assert plan_sync([on], [absence("a", 0, 7)], others=[], now=NOW).move


def test_it_removes_a_responder_whose_event_is_gone() -> None:
    plan = plan_sync([linked("a", 3, 5)], [], others=[], now=NOW)
    assert [one.uid for one in plan.remove] == ["a"]


@pytest.mark.parametrize("feed", [[], [("a", 4, 6)]])
def test_it_never_touches_a_responder_its_person_took_over(
    feed: list[tuple[str, int, int]],
) -> None:
    plan = plan_sync(
        [linked("a", 3, 5, hands_off=True)], [absence(*f) for f in feed], others=[], now=NOW
    )
    assert not plan.create and not plan.move and not plan.remove


def test_it_leaves_out_an_occurrence_overlapping_another_responder() -> None:
    mine = DateRange(day(4), day(8))
    plan = plan_sync([], [absence("a", 3, 5), absence("b", 9, 10)], others=[mine], now=NOW)
    assert [a.uid for a in plan.overlapping] == ["a"]
    assert [a.uid for a in plan.create] == ["b"]


def test_it_lets_a_deleted_responder_overlap_nothing() -> None:
    deleted = Linked(1, "a", "", day(3), day(5), hands_off=True, deleted=True)
    plan = plan_sync([deleted], [absence("a", 3, 5), absence("b", 4, 6)], others=[], now=NOW)
    assert [a.uid for a in plan.create] == ["b"]


def test_it_leaves_out_the_second_of_two_overlapping_events() -> None:
    plan = plan_sync([], [absence("oof", 3, 6), absence("pto", 5, 7)], others=[], now=NOW)
    assert [a.uid for a in plan.create] == ["oof"]
    assert [a.uid for a in plan.overlapping] == ["pto"]


def test_it_keeps_each_occurrence_of_a_recurring_event_apart() -> None:
    weekly = [absence("w", 7 * n + 1, 7 * n + 2, occurrence=f"2026-12-0{n + 1}") for n in range(3)]
    before = [Linked(1, "w", "2026-12-01", day(1), day(2), hands_off=False)]
    plan = plan_sync(before, weekly, others=[], now=NOW)
    assert [a.occurrence for a in plan.create] == ["2026-12-02", "2026-12-03"]


def test_it_ignores_an_occurrence_already_over() -> None:
    assert not plan_sync([], [absence("a", -3, -1)], others=[], now=NOW).create


def test_it_reads_each_feed_once_a_period_at_its_own_offset() -> None:
    first = [next_read(feed, now=NOW, every=EVERY) for feed in range(1, 200)]
    assert all(NOW < at <= NOW + EVERY for at in first)
    assert len({at.second + 60 * at.minute for at in first}) > 100
    again = next_read(7, now=first[6], every=EVERY)
    assert again - first[6] == EVERY
    assert next_read(7, now=NOW, every=EVERY) == first[6]


@pytest.mark.parametrize(
    ("failures", "after"),
    [(1, EVERY), (2, 2 * EVERY), (3, 4 * EVERY), (6, timedelta(hours=6)), (40, timedelta(hours=6))],
)
def test_it_backs_off_a_failing_feed_doubling_up_to_six_hours(
    failures: int, after: timedelta
) -> None:
    assert retry_after(failures, now=NOW, every=EVERY) == NOW + after


def test_it_tells_once_after_a_day_of_failures() -> None:
    since = NOW - timedelta(hours=24)
    assert time_to_tell(failing_since=since, told_at=None, now=NOW)
    assert not time_to_tell(failing_since=since, told_at=NOW, now=NOW)
    assert not time_to_tell(failing_since=NOW - timedelta(hours=23), told_at=None, now=NOW)
    assert not time_to_tell(failing_since=None, told_at=None, now=NOW)
