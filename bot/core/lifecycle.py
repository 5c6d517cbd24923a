"""Which transition a responder is due at `now`, when the next one falls due, and its effects.

Only `applied` (the last transition acted on) is stored; everything else follows from the
responder's times, so a scheduler that runs late, twice or not at all still converges.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.core.dates import localize
from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.return_day import reminder_day
from bot.core.working_days import DEFAULT_SCHEDULE, Schedule

REMINDER_TIME = time(16)
# A welcome back more than a day late is noise: the transition is recorded without messages.
QUIET_AFTER = timedelta(days=1)


class Applied(StrEnum):
    """The last transition acted on."""

    NONE = ""
    ON = "on"
    REMINDED = "reminded"
    OFF = "off"


class Move(StrEnum):
    """A transition: switch on, remind the day before the end, switch off, or stand down
    quietly because an edit moved the start of a running responder later."""

    ON = "on"
    REMIND = "remind"
    OFF = "off"
    PAUSE = "pause"


AFTER = {
    Move.ON: Applied.ON,
    Move.REMIND: Applied.REMINDED,
    Move.OFF: Applied.OFF,
    Move.PAUSE: Applied.NONE,
}
RUNNING = (Applied.ON, Applied.REMINDED)


@dataclass(frozen=True)
class Timeline:
    """What the lifecycle needs of a responder, and when its owner works."""

    starts_at: datetime
    ends_at: datetime | None
    tz: str
    applied: Applied
    deleted: bool = False
    schedule: Schedule = DEFAULT_SCHEDULE


def reminder_at(timeline: Timeline) -> datetime | None:
    """16:00 in the owner's zone on the absence's last working day, for absences over a day.

    An absence ending on a Sunday is recalled on the Friday before, not on the Sunday.
    """
    start, end = timeline.starts_at, timeline.ends_at
    if end is None or end - start <= timedelta(days=1):
        return None
    day = reminder_day(start, end, timeline.tz, timeline.schedule)
    if day is None:
        return None
    moment = localize(datetime.combine(day, REMINDER_TIME), ZoneInfo(timeline.tz))
    return moment if start < moment < end else None


def due(timeline: Timeline, now: datetime) -> Move | None:
    """The transition to apply now, if any."""
    applied = timeline.applied
    if timeline.deleted:
        return Move.OFF if applied in RUNNING else None
    phase = phase_at(timeline.starts_at, timeline.ends_at, now)
    if phase is Phase.ACTIVE:
        if applied in (Applied.NONE, Applied.OFF):
            return Move.ON
        remind = reminder_at(timeline)
        reminding = applied is Applied.ON and remind is not None and now >= remind
        return Move.REMIND if reminding else None
    if applied in RUNNING:
        return Move.OFF if phase is Phase.ENDED else Move.PAUSE
    never_ran = timeline.ends_at is not None and timeline.ends_at <= timeline.starts_at
    if phase is Phase.ENDED and applied is Applied.NONE and not never_ran:
        # Down across the whole absence: no "on", only the welcome back.
        return Move.OFF
    return None


def wake_at(timeline: Timeline, now: datetime) -> datetime | None:
    """When the next transition falls due: now, a later boundary, or never (None)."""
    if due(timeline, now) is not None:
        return now
    if timeline.deleted:
        return None
    boundaries = (timeline.starts_at, reminder_at(timeline), timeline.ends_at)
    later = sorted(b for b in boundaries if b is not None and b > now)
    return next((b for b in later if due(timeline, b) is not None), None)


def due_since(timeline: Timeline, move: Move, now: datetime) -> datetime:
    """The moment a transition fell due, to tell how late it is applied."""
    if move is Move.ON:
        return timeline.starts_at
    if move is Move.REMIND:
        return reminder_at(timeline) or now
    if move is Move.PAUSE:
        return now
    end = timeline.ends_at
    return end if end is not None and end <= now and not timeline.deleted else now


class OwnerKinds(NamedTuple):
    """The effect kinds of one step acting as the owner: do it, undo it, follow a moved end."""

    do: EffectKind
    undo: EffectKind
    follow: EffectKind


STATUS = OwnerKinds(EffectKind.STATUS_SET, EffectKind.STATUS_RESTORE, EffectKind.STATUS_REFRESH)
SNOOZE = OwnerKinds(EffectKind.SNOOZE_START, EffectKind.SNOOZE_END, EffectKind.SNOOZE_RENEW)


@dataclass(frozen=True)
class Step:
    """One effect a transition produces: its name in the key, its kind and where it goes."""

    effect: str
    kind: EffectKind
    channel: str | None = None


@dataclass(frozen=True)
class Wishes:
    """What the owner chose about being told, announcing, and acting as them while away."""

    notify_self: bool
    announce_in: Sequence[str]
    set_status: bool = False
    pause_notifications: bool = False


@dataclass(frozen=True)
class Standing:
    """A responder's times and its owner's wishes, as an edit finds or leaves them."""

    timeline: Timeline
    wishes: Wishes


def plan(move: Move, wishes: Wishes, *, late: timedelta) -> list[Step]:
    """The effects of a transition; the Home tab always tells the truth, DMs only if wanted.

    Status and snooze steps act as the owner (their connected account); standing down after
    an edit undoes them like switching off does.
    """
    steps = [Step("home", EffectKind.HOME_REFRESH)]
    if move is Move.ON:
        steps += _as_owner(wishes, status=STATUS.do, snooze=SNOOZE.do)
        if wishes.notify_self:
            steps.append(Step("dm", EffectKind.RESPONDER_ON))
        steps += [
            Step(f"announce:{c}", EffectKind.RESPONDER_ANNOUNCE, c) for c in wishes.announce_in
        ]
    elif move is Move.REMIND:
        if wishes.notify_self:
            steps.append(Step("dm", EffectKind.RESPONDER_REMIND))
    elif move in (Move.OFF, Move.PAUSE):
        steps += _as_owner(wishes, status=STATUS.undo, snooze=SNOOZE.undo)
    if move is Move.OFF:
        if wishes.notify_self and late <= QUIET_AFTER:
            steps.append(Step("dm", EffectKind.RESPONDER_OFF))
        # Whoever asked to know, and the owner's digest (bot/replies/back.py), come after.
        steps.append(Step("back", EffectKind.REPLY_BACK))
    return steps


def _as_owner(wishes: Wishes, *, status: EffectKind, snooze: EffectKind) -> list[Step]:
    """The steps acting as the owner that their wishes ask for."""
    steps = [Step("status", status)] if wishes.set_status else []
    return steps + ([Step("snooze", snooze)] if wishes.pause_notifications else [])


def plan_edit(before: Standing, after: Standing, now: datetime) -> list[Step]:
    """The steps acting as the owner that an edit of a running responder calls for at once.

    A wish given up is undone now, a new one done now, and a moved end is followed by the
    status and the snooze. What stops it running (an end in the past, a later start) is left
    to the off or pause transition that follows, which acts on the wishes after the edit.
    """
    was, will = before.timeline, after.timeline
    if was.applied not in RUNNING or was.deleted:
        return []
    running = not will.deleted and phase_at(will.starts_at, will.ends_at, now) is Phase.ACTIVE
    # A new zone (edited while travelling) can show another return day.
    moved = (was.ends_at, was.tz) != (will.ends_at, will.tz)
    old, new = before.wishes, after.wishes
    steps = (
        _edit_step("status", STATUS, old.set_status, new.set_status, running, moved),
        _edit_step(
            "snooze", SNOOZE, old.pause_notifications, new.pause_notifications, running, moved
        ),
    )
    return [s for s in steps if s is not None]


def _edit_step(
    effect: str, kinds: OwnerKinds, wanted: bool, wants: bool, running: bool, moved: bool
) -> Step | None:
    """Undo a wish given up; do a new one, or follow a moved end, while it runs."""
    if wanted and not wants:
        return Step(effect, kinds.undo)
    if running and wants and not wanted:
        return Step(effect, kinds.do)
    if running and wants and moved:
        return Step(effect, kinds.follow)
    return None


def after_edit(applied: Applied) -> Applied:
    """An edit may move the end: a reminder already sent is due again for the new end."""
    return Applied.ON if applied is Applied.REMINDED else applied
