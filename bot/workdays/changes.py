"""Use cases: store a person's or the workspace's working week and holiday region, and move
the reminders that follow from them, in the same transaction."""

from datetime import datetime

from sqlalchemy import Engine

from bot.core.holiday_regions import Region
from bot.core.working_days import format_week
from bot.core.workspace import Workspace
from bot.responders.reminders import reschedule_reminders
from storage import setting_queries
from storage.db import begin_writing, session_scope


class Follow:
    """The choice to follow the workspace's default rather than one's own."""


class Keep:
    """A setting left as it is."""


FOLLOW, KEEP = Follow(), Keep()

# A person's week: their own, or the workspace's. A region: theirs, none, or the workspace's.
WeekChoice = frozenset[int] | Follow
RegionChoice = Region | Follow | None


def set_own(
    engine: Engine,
    workspace: Workspace,
    user_id: str,
    *,
    now: datetime,
    week: WeekChoice | Keep = KEEP,
    region: RegionChoice | Keep = KEEP,
) -> None:
    """Store a person's week and region (left out: unchanged); their reminders move too."""
    changes: dict[str, str | None] = {}
    if not isinstance(week, Keep):
        changes["week"] = None if isinstance(week, Follow) else format_week(week)
    if not isinstance(region, Keep):
        changes["region"] = None if isinstance(region, Follow) else _stored(region)
    with session_scope(engine) as session:
        begin_writing(session, "set_own")
        setting_queries.change_person_setting(
            session, workspace.team_id, user_id, now=now, **changes
        )
        reschedule_reminders(session, workspace, owner_ids=[user_id], now=now)


def set_default(
    engine: Engine,
    workspace: Workspace,
    *,
    by: str,
    now: datetime,
    week: frozenset[int] | Keep = KEEP,
    region: Region | Keep | None = KEEP,
) -> None:
    """Store the workspace's default week or region (left out: unchanged); everyone's pending
    reminders move, since most people follow the default."""
    changes: dict[str, str | None] = {}
    if not isinstance(week, Keep):
        changes["week"] = format_week(week)
    if not isinstance(region, Keep):
        changes["region"] = _stored(region)
    with session_scope(engine) as session:
        begin_writing(session, "set_default")
        setting_queries.change_workspace_setting(session, workspace, by=by, now=now, **changes)
        reschedule_reminders(session, workspace, owner_ids=None, now=now)


def _stored(region: Region | None) -> str:
    """A chosen region as stored: "" is no public holidays."""
    return "" if region is None else str(region)
