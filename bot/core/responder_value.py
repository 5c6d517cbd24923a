"""A saved responder as ooo reads it: one value for blocks, deliveries and use cases."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.dates import DateRange
from bot.core.lifecycle import Applied, Timeline, Wishes
from bot.core.responder import Kind, Options, Target
from bot.core.working_days import DEFAULT_SCHEDULE, Schedule
from bot.core.workspace import Workspace


@dataclass(frozen=True, kw_only=True)
class Responder(Options):
    """An out-of-office responder: for its owner ("personal") or for a user group or channel.

    `applied` and `revision` record which transition was last acted on and which edit it saw;
    whether it is on is computed from its times and now.
    """

    id: int
    workspace: Workspace
    owner_id: str
    kind: Kind
    target_id: str | None = None
    target_label: str | None = None
    target_kind: Target | None = None
    starts_at: datetime
    ends_at: datetime | None
    tz: str
    external_message: str | None = None
    forward_to: str | None = None
    # The owner's Slack status before ooo set its own, and the one ooo set (JSON).
    saved_status: str | None = None
    applied: Applied = Applied.NONE
    revision: int = 0
    due_at: datetime | None = None
    deleted_at: datetime | None = None
    # Where the latest saved-confirmation DM is, so deleting can take its buttons away.
    dm_channel: str | None = None
    dm_ts: str | None = None
    created_at: datetime
    updated_at: datetime
    # Read from the owner's calendar (which subscription, event and occurrence), unless None;
    # `taken_over` once the owner edited it in ooo, so later reads leave it alone.
    calendar_id: int | None = None
    event_uid: str | None = None
    occurrence: str | None = None
    taken_over: bool = False
    # Who set it for its owner (None: the owner), and the closure it belongs to.
    set_by: str | None = None
    closure_id: int | None = None

    def window(self, tz: str | None = None) -> DateRange:
        """Return when this responder is on, in its owner's zone unless told another."""
        zone = ZoneInfo(tz or self.tz)
        end = self.ends_at.astimezone(zone) if self.ends_at else None
        return DateRange(start=self.starts_at.astimezone(zone), end=end)

    def timeline(self, schedule: Schedule = DEFAULT_SCHEDULE) -> Timeline:
        """What the lifecycle core needs to know of it, with when its owner works."""
        return Timeline(
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            tz=self.tz,
            applied=self.applied,
            deleted=self.deleted_at is not None,
            schedule=schedule,
        )

    def wishes(self) -> Wishes:
        """Whether its owner wants to be told, and where to announce it."""
        return Wishes(
            notify_self=self.notify_self,
            announce_in=self.announce_in,
            set_status=self.set_status,
            pause_notifications=self.pause_notifications,
        )
