"""A closure ("Office closed 24 Dec - 1 Jan") planned for its members, each in their own zone."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.dates import DateError, localize, time_zone
from bot.core.on_behalf import Actor
from bot.core.workspace import Workspace

# A summer shutdown or a refurbishment fits; a longer "closure" is a typo in a year.
MAX_CLOSURE_DAYS = 92


class ClosureCode(StrEnum):
    """Why a closure's dates are refused; the catalog words each one."""

    LAST_BEFORE_FIRST = "closure_last_before_first"
    TOO_LONG = "closure_too_long"
    ENDED = "closure_ended"


class Skip(StrEnum):
    """Why a member gets no closure absence."""

    COVERED = "covered"  # their own absences already cover the whole closure
    OPTED_OUT = "opted_out"
    BOT = "bot"
    DEACTIVATED = "deactivated"
    OVER = "over"  # the closed days are already over where they are


@dataclass(frozen=True)
class Closure:
    """Wall-clock days from `first` to `last`, both included, closed for everyone.

    `tz` is whoever set it up's zone, used for a member whose zone Python does not know.
    """

    first: date
    last: date
    tz: str


@dataclass(frozen=True)
class Member:
    """One member the closure is for, with their own absences (an end of None: open-ended)."""

    user_id: str
    tz: str
    absences: tuple[tuple[datetime, datetime | None], ...] = ()
    locale: str = ""
    opted_out: bool = False
    is_bot: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class Planned:
    """An absence of type closure to give one member; `trimmed` when it goes round their own."""

    user_id: str
    starts_at: datetime
    ends_at: datetime
    trimmed: bool = False


@dataclass(frozen=True)
class Skipped:
    """A member who gets nothing, and why."""

    user_id: str
    reason: Skip


@dataclass(frozen=True)
class Plan:
    """Who gets which closure absences and who is skipped, in the members' order."""

    planned: tuple[Planned, ...]
    skipped: tuple[Skipped, ...]


def check_closure(closure: Closure, today: date) -> ClosureCode | None:
    """Why the closure's dates cannot be used (`today` in its author's zone), or None."""
    if closure.last < closure.first:
        return ClosureCode.LAST_BEFORE_FIRST
    if (closure.last - closure.first).days + 1 > MAX_CLOSURE_DAYS:
        return ClosureCode.TOO_LONG
    if closure.last < today:
        return ClosureCode.ENDED
    return None


def plan_closure(closure: Closure, members: Iterable[Member], now: datetime) -> Plan:
    """The closure for each member: 00:00 on its first day to 00:00 after its last, their zone.

    Existing absences are never overwritten: the closure fills the time they leave free (one
    absence per gap), and a member they cover entirely is skipped. Days already over where a
    member is are left out: nobody is sent away into the past.
    """
    planned: list[Planned] = []
    skipped: list[Skipped] = []
    for member in members:
        reason = _skip_reason(member)
        if reason is not None:
            skipped.append(Skipped(member.user_id, reason))
            continue
        start, end = member_window(closure, member.tz)
        start = max(start, _midnight(now, member.tz, closure.tz))
        if end <= start:
            skipped.append(Skipped(member.user_id, Skip.OVER))
            continue
        gaps = free_gaps(start, end, member.absences)
        if not gaps:
            skipped.append(Skipped(member.user_id, Skip.COVERED))
            continue
        trimmed = gaps != [(start, end)]
        planned += [Planned(member.user_id, a, b, trimmed) for a, b in gaps]
    return Plan(tuple(planned), tuple(skipped))


def member_window(closure: Closure, tz: str) -> tuple[datetime, datetime]:
    """The closure's first moment and its exclusive end, as wall-clock midnights in `tz`."""
    zone = _zone(tz, closure.tz)
    start = localize(datetime.combine(closure.first, time(0)), zone)
    end = localize(datetime.combine(closure.last + timedelta(days=1), time(0)), zone)
    return start, end


def _midnight(now: datetime, tz: str, fallback: str) -> datetime:
    """The start of the member's current day, in their zone."""
    zone = _zone(tz, fallback)
    return localize(datetime.combine(now.astimezone(zone).date(), time(0)), zone)


def free_gaps(
    start: datetime, end: datetime, absences: Sequence[tuple[datetime, datetime | None]]
) -> list[tuple[datetime, datetime]]:
    """The parts of [start, end) no absence covers, in order."""
    gaps: list[tuple[datetime, datetime]] = []
    cursor = start
    for taken_from, taken_until in sorted(absences, key=lambda window: window[0]):
        if taken_until is not None and taken_until <= cursor:
            continue
        if taken_from >= end:
            break
        if taken_from > cursor:
            gaps.append((cursor, taken_from))
        if taken_until is None:
            return gaps
        cursor = taken_until
    if cursor < end:
        gaps.append((cursor, end))
    return gaps


def _skip_reason(member: Member) -> Skip | None:
    """Why a member gets nothing before their absences are even looked at, or None."""
    if member.is_bot:
        return Skip.BOT
    if member.deleted:
        return Skip.DEACTIVATED
    if member.opted_out:
        return Skip.OPTED_OUT
    return None


def _zone(tz: str, fallback: str) -> ZoneInfo:
    """The member's zone, or the closure author's when Python does not know theirs."""
    try:
        return time_zone(tz)
    except DateError:
        return time_zone(fallback)


class Scope(StrEnum):
    """Whom a closure is for: a channel's members, a user group's, or the whole workspace."""

    CHANNEL = "channel"
    GROUP = "group"
    EVERYONE = "everyone"


class State(StrEnum):
    """What a closure did for a member, beside the reasons it skipped them (`Skip`)."""

    APPLIED = "applied"
    OPTED_OUT = "opted_out"


@dataclass(frozen=True)
class Listed:
    """A closure as its list shows it: whom, which days, and what it did for how many."""

    id: int
    scope: Scope
    label: str | None
    first: date
    last: date
    ended: bool
    applied: int = 0
    opted_out: int = 0
    skipped: int = 0


def may_close(actor: Actor, workspace: Workspace) -> bool:
    """Whether someone may close or end closures: the workspace's admins and owners and its
    admin group, of this organisation, whose account is not deactivated."""
    permitted = (actor.is_admin or actor.is_owner or actor.in_admin_group) and not actor.deleted
    same = actor.team_id == workspace.team_id or (
        workspace.enterprise_id is not None and actor.enterprise_id == workspace.enterprise_id
    )
    return permitted and same
