"""How a responder shows in a published calendar: whole days, or moments in UTC, and its return."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.leave_types import LeaveType, Privacy, visible_type
from bot.core.return_day import return_moment
from bot.core.working_days import Schedule

# Ended absences stay in a feed this long, so last week's still shows in people's calendars.
RECENT = timedelta(days=30)
# Absences starting further ahead than this are left out: nobody plans by them.
AHEAD = timedelta(days=365)
# An absence "until I turn it off" is shown up to this many days after today (or after its start,
# when that is later), moving on daily: a calendar then shows the person away for the weeks
# anyone plans, without an endless event.
OPEN_ENDED_DAYS = 30


@dataclass(frozen=True)
class FeedAbsence:
    """What a feed may know of a personal responder: its days, zone and backup, not its message."""

    id: int
    owner_id: str
    starts_at: datetime
    ends_at: datetime | None
    tz: str
    backup_id: str | None
    revision: int
    updated_at: datetime
    # Its type and its owner's choice to hide it; `shown`: the type others may read.
    leave_type: str | None = None
    hide_reason: bool | None = None
    shown: LeaveType | None = None


@dataclass(frozen=True)
class FeedEvent:
    """One absence as a calendar event: `start` and `end` are dates (whole days, `end`
    exclusive) or UTC moments; `back` is when its owner returns (None: until turned off)."""

    absence: FeedAbsence
    start: date | datetime
    end: date | datetime
    back: datetime | None

    @property
    def whole_days(self) -> bool:
        """Whether it is drawn as all-day events."""
        return not isinstance(self.start, datetime)


def feed_window(now: datetime) -> tuple[datetime, datetime]:
    """The absences a feed read at `now` shows: those ending after the first moment and
    starting before the second."""
    return now - RECENT, now + AHEAD


def feed_event(absence: FeedAbsence, *, now: datetime, schedule: Schedule) -> FeedEvent:
    """The event of one absence: whole days when it starts and ends at midnight in its zone;
    its owner is back on their first working day that is not a holiday (`schedule`)."""
    zone = ZoneInfo(absence.tz)
    start = absence.starts_at.astimezone(zone)
    ends = absence.ends_at.astimezone(zone) if absence.ends_at else None
    back = ends and return_moment(ends, absence.tz, schedule).astimezone(zone)
    end = ends or _open_end(start, now.astimezone(zone))
    if start.time() == time(0) and end.time() == time(0):
        return FeedEvent(absence, start.date(), end.date(), back)
    return FeedEvent(absence, start.astimezone(UTC), end.astimezone(UTC), back)


def with_shown(absence: FeedAbsence, privacy: Privacy) -> FeedAbsence:
    """The absence knowing which type others may read of it."""
    shown = visible_type(
        privacy.types, absence.leave_type, chosen=absence.hide_reason, workspace_hides=privacy.hides
    )
    return replace(absence, shown=shown)


def _open_end(start: datetime, today: datetime) -> datetime:
    """Midnight OPEN_ENDED_DAYS after today or after its start, whichever is later, in its zone."""
    day = max(today.date(), start.date()) + timedelta(days=OPEN_ENDED_DAYS)
    return datetime.combine(day, time(0), tzinfo=start.tzinfo)
