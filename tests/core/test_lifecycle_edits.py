"""What an edit of a running responder does at once as its owner: give up, take up, follow."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.core.effect_kinds import EffectKind
from bot.core.lifecycle import SNOOZE, STATUS, Applied, Standing, Step, Timeline, Wishes, plan_edit

# Alice (Paris) is out from Monday 30 November 09:00 until Friday 4 December 00:00 (UTC+1).
START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
END = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
NOW = START + timedelta(days=1)
LATER = END + timedelta(days=2)

ON = Timeline(starts_at=START, ends_at=END, tz="Europe/Paris", applied=Applied.ON)
BOTH = Wishes(notify_self=True, announce_in=(), set_status=True, pause_notifications=True)
NEITHER = replace(BOTH, set_status=False, pause_notifications=False)
STATUS_ONLY = replace(NEITHER, set_status=True)


def alice(timeline: Timeline = ON, wishes: Wishes = BOTH, **times: object) -> Standing:
    return Standing(replace(timeline, **times), wishes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before", "after", "steps"),
    [
        # Nothing she asked of ooo as her changed: nothing to do (a new message, say).
        (alice(), alice(), []),
        (alice(wishes=NEITHER), alice(wishes=NEITHER, ends_at=LATER), []),
        # The end moved later, earlier, or away, or her zone changed: the status and the snooze
        # follow.
        (
            alice(),
            alice(ends_at=LATER),
            [Step("status", EffectKind.STATUS_REFRESH), Step("snooze", EffectKind.SNOOZE_RENEW)],
        ),
        (
            alice(),
            alice(ends_at=NOW + timedelta(hours=2)),
            [Step("status", EffectKind.STATUS_REFRESH), Step("snooze", EffectKind.SNOOZE_RENEW)],
        ),
        (
            alice(wishes=STATUS_ONLY),
            alice(wishes=STATUS_ONLY, ends_at=None),
            [Step("status", EffectKind.STATUS_REFRESH)],
        ),
        (
            alice(wishes=STATUS_ONLY),
            alice(wishes=STATUS_ONLY, tz="America/New_York"),
            [Step("status", EffectKind.STATUS_REFRESH)],
        ),
        # Given up: undone now. Taken up: done now.
        (
            alice(),
            alice(wishes=NEITHER),
            [Step("status", EffectKind.STATUS_RESTORE), Step("snooze", EffectKind.SNOOZE_END)],
        ),
        (alice(wishes=NEITHER), alice(wishes=STATUS_ONLY), [Step("status", EffectKind.STATUS_SET)]),
        (
            alice(wishes=STATUS_ONLY),
            alice(wishes=replace(NEITHER, pause_notifications=True), ends_at=LATER),
            [Step("status", EffectKind.STATUS_RESTORE), Step("snooze", EffectKind.SNOOZE_START)],
        ),
        # The reminder was sent: it still runs.
        (
            alice(replace(ON, applied=Applied.REMINDED), wishes=NEITHER),
            alice(wishes=STATUS_ONLY),
            [Step("status", EffectKind.STATUS_SET)],
        ),
        # No longer running after the edit (ended now, or starting later): what it gave up is
        # undone now, the rest is left to the off or pause transition.
        (alice(), alice(wishes=STATUS_ONLY, ends_at=NOW), [Step("snooze", EffectKind.SNOOZE_END)]),
        (alice(wishes=NEITHER), alice(starts_at=NOW + timedelta(hours=1)), []),
        (alice(), alice(starts_at=NOW + timedelta(hours=1), ends_at=LATER), []),
        (alice(), alice(deleted=True), []),
        # Not running before the edit: its on transition reads the wishes then.
        (alice(replace(ON, applied=Applied.NONE), wishes=NEITHER), alice(), []),
        (alice(replace(ON, applied=Applied.OFF)), alice(wishes=NEITHER), []),
        (alice(deleted=True), alice(wishes=NEITHER, deleted=True), []),
    ],
)
def test_an_edit_while_away_acts_at_once_on_what_changed(
    before: Standing, after: Standing, steps: list[Step]
) -> None:
    assert plan_edit(before, after, NOW) == steps


def test_every_kind_acting_as_the_owner_has_a_delivery() -> None:
    from bot.app import outbox_registry

    outbox_registry().check({*STATUS, *SNOOZE})
