"""What a responder is, when it is on, and what makes a draft of one valid."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import overload

from bot.core.dates import DateRange, localize, time_zone
from bot.core.problems import Code, Problem

MESSAGE_MAX = 3000
BACKUP_VARIABLE = "{backup}"
ANNOUNCE_MAX = 3
# Dates further ahead are refused: no absence lasts so long, and year 9999 has no day after it.
YEARS_AHEAD = 10


class Kind(StrEnum):
    """Whose messages a responder answers: its owner's, or a shared handle's, like an alias."""

    PERSONAL = "personal"
    SHARED = "shared"


class Again(StrEnum):
    """When the same person may be answered again: the modal's "Answer the same person again"."""

    HOUR = "hour"
    DAY = "day"
    THREE_DAYS = "3days"
    ABSENCE = "absence"


class Target(StrEnum):
    """What a shared responder answers for, stored rather than guessed from an id."""

    USERGROUP = "usergroup"
    CHANNEL = "channel"


class Phase(StrEnum):
    """Where a responder stands at a given moment."""

    SCHEDULED = "scheduled"
    ACTIVE = "active"
    ENDED = "ended"


class Field(StrEnum):
    """The parts of a draft a person fills in, so errors can point at one."""

    TARGET = "target"
    WHEN = "when"
    START = "start"
    END = "end"
    MESSAGE = "message"
    FORWARD = "forward"
    EXTERNAL = "external"
    BACKUP = "backup"
    ANNOUNCE = "announce"
    LEAVE_TYPE = "leave_type"


class Invalid(Exception):
    """A draft that cannot be saved, with one problem per field for the catalog to word."""

    def __init__(self, errors: dict[Field, Problem]) -> None:
        super().__init__("; ".join(f"{field}: {problem!r}" for field, problem in errors.items()))
        self.errors = errors


def phase_at(starts_at: datetime, ends_at: datetime | None, now: datetime) -> Phase:
    """Compute the phase from the stored times; nothing about it is stored."""
    if now < starts_at:
        return Phase.SCHEDULED
    if ends_at is None or now < ends_at:
        return Phase.ACTIVE
    return Phase.ENDED


@dataclass(frozen=True, kw_only=True)
class Options:
    """What the owner chose beside the dates and the target: the form, draft and value share it."""

    message: str = ""
    keep_digest: bool = True
    backup_id: str | None = None
    again: Again = Again.DAY
    notify_self: bool = True
    announce_in: tuple[str, ...] = ()
    # Acting as the owner, with their connected account.
    set_status: bool = False
    pause_notifications: bool = False
    reply_as_me: bool = False
    # The kind of absence (bot/core/leave_types.py; None before types) and whether its reason
    # is hidden (None: the type's and the workspace's defaults decide).
    leave_type: str | None = None
    hide_reason: bool | None = None


@dataclass(frozen=True, kw_only=True)
class Draft(Options):
    """Everything a person entered for a responder, already typed."""

    kind: Kind
    target_id: str | None
    window: DateRange
    external_message: str | None
    forward_to: str | None
    target_kind: Target | None = None


@dataclass(frozen=True)
class Booked:
    """Another responder of the same owner, as far as overlap checks care."""

    window: DateRange
    label: str


def window_from_pickers(
    *,
    start_day: date | None,
    start_time: time | None,
    end_day: date | None,
    end_time: time | None,
    permanent: bool,
    tz: str,
    now: datetime,
) -> DateRange:
    """Turn date and time pickers into a window; an end day without a time is inclusive."""
    zone = time_zone(tz)
    errors: dict[Field, Problem] = {}
    if start_day is None:
        errors[Field.START] = Problem(Code.NO_START)
    if not permanent and end_day is None:
        errors[Field.END] = Problem(Code.NO_END)
    if errors or start_day is None:
        raise Invalid(errors)
    errors = too_far(now, start=start_day, end=None if permanent else end_day)
    if errors:
        raise Invalid(errors)
    today = now.astimezone(zone).date()
    if start_time is None and start_day == today:
        start = now.astimezone(zone)
    else:
        start = localize(datetime.combine(start_day, start_time or time(0)), zone)
    if permanent or end_day is None:
        return DateRange(start=start, end=None)
    if end_time is None:  # the whole last day: up to the next midnight
        end_day, end_time = end_day + timedelta(days=1), time(0)
    return DateRange(start=start, end=localize(datetime.combine(end_day, end_time), zone))


def check_draft(
    draft: Draft,
    *,
    now: datetime,
    booked: Sequence[Booked] = (),
    editing: bool = False,
    shown_size: Callable[[str], int] = len,
) -> None:
    """Raise Invalid with every problem of a draft at once; an edit may end it in the past.

    `shown_size` says how long a message grows once shown (escaped, its variables filled in).
    """
    errors = _window_errors(draft.window, now=now, editing=editing)
    message = draft.message.strip()
    if not message:
        errors[Field.MESSAGE] = Problem(Code.NO_MESSAGE)
    elif len(message) > MESSAGE_MAX:
        errors[Field.MESSAGE] = Problem(Code.MESSAGE_TOO_LONG, limit=MESSAGE_MAX)
    errors |= _backup_errors(draft)
    if draft.external_message and len(draft.external_message) > MESSAGE_MAX:
        errors[Field.EXTERNAL] = Problem(Code.EXTERNAL_TOO_LONG, limit=MESSAGE_MAX)
    errors = _wont_fit(draft, shown_size) | errors
    if draft.kind is Kind.SHARED:
        if not draft.target_id:
            errors[Field.TARGET] = Problem(Code.NO_TARGET)
        if not draft.forward_to:
            errors[Field.FORWARD] = Problem(Code.NO_FORWARD)
    elif not errors.keys() & {Field.START, Field.END}:
        clash = next((b for b in booked if overlaps(draft.window, b.window)), None)
        if clash is not None:
            errors[Field.START] = Problem(Code.OVERLAPS, label=clash.label)
    if len(draft.announce_in) > ANNOUNCE_MAX:
        errors[Field.ANNOUNCE] = Problem(Code.TOO_MANY_CHANNELS, limit=ANNOUNCE_MAX)
    if errors:
        raise Invalid(errors)


def _wont_fit(draft: Draft, shown_size: Callable[[str], int]) -> dict[Field, Problem]:
    """Messages the form accepts but that grow past what Slack shows once filled in."""
    errors: dict[Field, Problem] = {}
    for field, text in ((Field.MESSAGE, draft.message), (Field.EXTERNAL, draft.external_message)):
        size = shown_size(text or "")
        if size > MESSAGE_MAX:
            errors[field] = Problem(Code.MESSAGE_WONT_FIT, size=size, limit=MESSAGE_MAX)
    return errors


def _window_errors(window: DateRange, *, now: datetime, editing: bool) -> dict[Field, Problem]:
    """A day too far ahead to compute with, an end before the start, or one already past."""
    errors = too_far(now, start=window.start.date(), end=window.end and window.end.date())
    start, end = _utc(window.start), _utc(window.end)
    if errors or end is None:
        return errors
    if end <= start:
        return {Field.END: Problem(Code.END_BEFORE_START)}
    if end <= now and not editing:
        return {Field.END: Problem(Code.END_IN_PAST)}
    return {}


def too_far(now: datetime, *, start: date, end: date | None) -> dict[Field, Problem]:
    """Refuse days more than YEARS_AHEAD years ahead, before any arithmetic overflows on them."""
    errors: dict[Field, Problem] = {}
    for field, day in ((Field.START, start), (Field.END, end)):
        if day is not None and day.year - now.year > YEARS_AHEAD:
            errors[field] = Problem(Code.TOO_FAR, years=YEARS_AHEAD)
    return errors


def _backup_errors(draft: Draft) -> dict[Field, Problem]:
    """A message naming {backup} needs someone to name."""
    if draft.backup_id is None and BACKUP_VARIABLE in draft.message + (
        draft.external_message or ""
    ):
        return {Field.BACKUP: Problem(Code.NO_BACKUP)}
    return {}


def overlaps(a: DateRange, b: DateRange) -> bool:
    """Tell whether two half-open windows share any moment; a missing end is open-ended."""
    a_before_b_ends = b.end is None or _utc(a.start) < _utc(b.end)
    b_before_a_ends = a.end is None or _utc(b.start) < _utc(a.end)
    return a_before_b_ends and b_before_a_ends


@overload
def _utc(moment: datetime) -> datetime: ...
@overload
def _utc(moment: None) -> None: ...
def _utc(moment: datetime | None) -> datetime | None:
    """Compare instants, not wall clocks: datetimes sharing a zone compare naively in Python."""
    return None if moment is None else moment.astimezone(UTC)
