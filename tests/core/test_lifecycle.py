"""The lifecycle core: which transition is due, when the next one is, and what it produces."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.effect_kinds import EffectKind
from bot.core.holiday_regions import parse_region
from bot.core.lifecycle import (
    SNOOZE,
    STATUS,
    Applied,
    Move,
    Step,
    Timeline,
    Wishes,
    after_edit,
    due,
    due_since,
    plan,
    reminder_at,
    wake_at,
)
from bot.core.working_days import Schedule

# Alice (Paris) is out from Monday 30 November 09:00 until Friday 4 December 00:00 (UTC+1).
START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
END = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
REMIND = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # Thursday 16:00 in Paris
BEFORE, DURING, AFTER = START - timedelta(hours=1), START + timedelta(hours=1), END + timedelta(1)


def alice(
    applied: Applied = Applied.NONE, *, ends_at: datetime | None = END, **kw: object
) -> Timeline:
    return Timeline(starts_at=START, ends_at=ends_at, tz="Europe/Paris", applied=applied, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("timeline", "now", "move"),
    [
        (alice(), BEFORE, None),
        (alice(), START, Move.ON),
        (alice(), DURING, Move.ON),
        (alice(Applied.ON), DURING, None),
        (alice(Applied.ON), REMIND - timedelta(seconds=1), None),
        (alice(Applied.ON), REMIND, Move.REMIND),
        (alice(Applied.REMINDED), REMIND, None),
        (alice(Applied.ON), END, Move.OFF),
        (alice(Applied.REMINDED), END, Move.OFF),
        (alice(Applied.OFF), AFTER, None),
        # Down across the whole absence: only the off transition (its welcome back).
        (alice(), AFTER, Move.OFF),
        # Its start moved later while it was on: it stands down until then.
        (alice(Applied.ON), BEFORE, Move.PAUSE),
        # An ended responder given a new end later turns on again.
        (alice(Applied.OFF), DURING, Move.ON),
        (alice(ends_at=None), AFTER, Move.ON),
        (alice(Applied.ON, ends_at=None), AFTER + timedelta(days=400), None),
        # Deleted: a scheduled one just goes; an active one runs its off transition.
        (alice(deleted=True), DURING, None),
        (alice(Applied.ON, deleted=True), DURING, Move.OFF),
        (alice(Applied.OFF, deleted=True), DURING, None),
        # Ended before it ever started (End now on a scheduled one): nothing to undo.
        (alice(ends_at=START), AFTER, None),
    ],
)
def test_it_tells_which_transition_is_due(
    timeline: Timeline, now: datetime, move: Move | None
) -> None:
    assert due(timeline, now) is move


@pytest.mark.parametrize(
    ("timeline", "now", "wake"),
    [
        (alice(), BEFORE, START),
        (alice(), DURING, DURING),
        (alice(Applied.ON), DURING, REMIND),
        (alice(Applied.REMINDED), DURING, END),
        (alice(Applied.OFF), AFTER, None),
        (alice(Applied.ON, ends_at=None), DURING, None),
        (alice(ends_at=START + timedelta(hours=20)), BEFORE, START),
        (
            alice(Applied.ON, ends_at=START + timedelta(hours=20)),
            DURING,
            START + timedelta(hours=20),
        ),
        (alice(deleted=True), BEFORE, None),
    ],
)
def test_it_tells_when_to_wake_up_next(
    timeline: Timeline, now: datetime, wake: datetime | None
) -> None:
    assert wake_at(timeline, now) == wake


@pytest.mark.parametrize(
    ("tz", "start", "end", "remind"),
    [
        ("Europe/Paris", START, END, REMIND),
        # A day or less away: no reminder.
        ("Europe/Paris", START, START + timedelta(days=1), None),
        # Back at 10:00 on Thursday after three days: Wednesday 16:00 in Kolkata (10:30 UTC).
        (
            "Asia/Kolkata",
            datetime(2026, 11, 30, 4, 30, tzinfo=UTC),
            datetime(2026, 12, 3, 4, 30, tzinfo=UTC),
            datetime(2026, 12, 2, 10, 30, tzinfo=UTC),
        ),
        # The 16:00 before the return falls before the start: no reminder.
        (
            "Europe/Paris",
            datetime(2026, 11, 30, 16, 0, tzinfo=UTC),
            datetime(2026, 12, 1, 20, 0, tzinfo=UTC),
            None,
        ),
    ],
)
def test_it_reminds_at_four_the_day_before_the_return(
    tz: str, start: datetime, end: datetime, remind: datetime | None
) -> None:
    assert reminder_at(Timeline(start, end, tz, Applied.ON)) == remind


def test_it_tells_how_late_a_transition_is() -> None:
    assert due_since(alice(), Move.ON, DURING) == START
    assert due_since(alice(Applied.ON), Move.REMIND, END) == REMIND
    assert due_since(alice(Applied.ON), Move.OFF, AFTER) == END
    assert due_since(alice(Applied.ON, deleted=True), Move.OFF, DURING) == DURING


ANNOUNCING = Wishes(notify_self=True, announce_in=["C0GENERAL", "C0SUPPORT"])
QUIET = Wishes(notify_self=False, announce_in=["C0GENERAL"])


# Whoever asked "remind me when Alice is back", and Alice's digest (the replies).
BACK = Step("back", EffectKind.REPLY_BACK)


@pytest.mark.parametrize(
    ("move", "wishes", "late", "steps"),
    [
        (
            Move.ON,
            ANNOUNCING,
            timedelta(0),
            [
                Step("home", EffectKind.HOME_REFRESH),
                Step("dm", EffectKind.RESPONDER_ON),
                Step("announce:C0GENERAL", EffectKind.RESPONDER_ANNOUNCE, "C0GENERAL"),
                Step("announce:C0SUPPORT", EffectKind.RESPONDER_ANNOUNCE, "C0SUPPORT"),
            ],
        ),
        (
            Move.ON,
            QUIET,
            timedelta(0),
            [
                Step("home", EffectKind.HOME_REFRESH),
                Step("announce:C0GENERAL", EffectKind.RESPONDER_ANNOUNCE, "C0GENERAL"),
            ],
        ),
        (
            Move.REMIND,
            ANNOUNCING,
            timedelta(0),
            [Step("home", EffectKind.HOME_REFRESH), Step("dm", EffectKind.RESPONDER_REMIND)],
        ),
        (Move.REMIND, QUIET, timedelta(0), [Step("home", EffectKind.HOME_REFRESH)]),
        (
            Move.OFF,
            ANNOUNCING,
            timedelta(hours=3),
            [Step("home", EffectKind.HOME_REFRESH), Step("dm", EffectKind.RESPONDER_OFF), BACK],
        ),
        (Move.OFF, QUIET, timedelta(0), [Step("home", EffectKind.HOME_REFRESH), BACK]),
        (Move.PAUSE, ANNOUNCING, timedelta(0), [Step("home", EffectKind.HOME_REFRESH)]),
        # A welcome back days late is not sent; reminders and the digest still are.
        (Move.OFF, ANNOUNCING, timedelta(days=3), [Step("home", EffectKind.HOME_REFRESH), BACK]),
    ],
)
def test_it_plans_each_transitions_effects(
    move: Move, wishes: Wishes, late: timedelta, steps: list[Step]
) -> None:
    assert plan(move, wishes, late=late) == steps


def test_an_edit_makes_the_reminder_due_again() -> None:
    assert after_edit(Applied.REMINDED) is Applied.ON
    assert after_edit(Applied.OFF) is Applied.OFF


@pytest.mark.parametrize(
    ("move", "expected"),
    [
        (Move.ON, [EffectKind.STATUS_SET, EffectKind.SNOOZE_START]),
        (Move.OFF, [EffectKind.STATUS_RESTORE, EffectKind.SNOOZE_END]),
        (Move.PAUSE, [EffectKind.STATUS_RESTORE, EffectKind.SNOOZE_END]),
        (Move.REMIND, []),
    ],
)
def test_it_plans_the_steps_that_act_as_the_owner_only_when_asked(
    move: Move, expected: list[EffectKind]
) -> None:
    asked = Wishes(notify_self=False, announce_in=(), set_status=True, pause_notifications=True)
    kinds = [s.kind for s in plan(move, asked, late=timedelta(0)) if s.kind in (*STATUS, *SNOOZE)]
    assert kinds == expected
    plain = Wishes(notify_self=False, announce_in=())
    assert not [s for s in plan(move, plain, late=timedelta(0)) if s.kind in (*STATUS, *SNOOZE)]


def _paris(day: int, month: int = 12, year: int = 2026) -> datetime:
    """Midnight in Paris (UTC+1 in winter, UTC+2 in spring) as UTC."""
    return datetime(year, month, day, tzinfo=ZoneInfo("Europe/Paris")).astimezone(UTC)


SUNDAY_TO_THURSDAY = Schedule(frozenset({6, 0, 1, 2, 3}))
GERMANY = Schedule(region=parse_region("DE"))


@pytest.mark.parametrize(
    ("start", "end", "schedule", "remind"),
    [
        # Out Wednesday to Sunday, back Monday: reminded on Friday, not on Sunday.
        (_paris(2), _paris(7), Schedule(), datetime(2026, 12, 4, 15, tzinfo=UTC)),
        # Sunday to Thursday worker out Sunday to Saturday: reminded on Thursday.
        (_paris(29, 11), _paris(6), SUNDAY_TO_THURSDAY, datetime(2026, 12, 3, 15, tzinfo=UTC)),
        # Without a schedule of their own, that Saturday would be Friday's reminder.
        (_paris(29, 11), _paris(6), Schedule(), datetime(2026, 12, 4, 15, tzinfo=UTC)),
        # Out the week of Good Friday 2027 in Germany: reminded on Thursday.
        (_paris(22, 3, 2027), _paris(27, 3, 2027), GERMANY, datetime(2027, 3, 25, 15, tzinfo=UTC)),
    ],
)
def test_it_reminds_on_the_last_working_day_of_the_absence(
    start: datetime, end: datetime, schedule: Schedule, remind: datetime
) -> None:
    timeline = Timeline(start, end, "Europe/Paris", Applied.ON, schedule=schedule)
    assert reminder_at(timeline) == remind
    assert wake_at(timeline, start + timedelta(hours=1)) == remind
