"""A workspace's settings and each person's working week and holiday region, as core values."""

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.holiday_regions import Region, RegionError, parse_region
from bot.core.leave_types import BUILTINS, LeaveType, Privacy, visible_type
from bot.core.responder import Options
from bot.core.working_days import DEFAULT_WEEK, Schedule, WeekError, parse_week
from bot.core.workspace import Workspace
from storage import setting_queries
from storage.db import session_scope
from storage.models import WorkspaceSetting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What a workspace's admins chose; ooo's defaults until they choose."""

    leave_types: tuple[LeaveType, ...] = BUILTINS
    hide_reasons: bool = False
    week: frozenset[int] = DEFAULT_WEEK
    region: Region | None = None
    admin_group_id: str | None = None
    admin_group_label: str | None = None

    @property
    def privacy(self) -> Privacy:
        """The types and default that decide what others read of absences."""
        return Privacy(self.leave_types, self.hide_reasons)

    @property
    def schedule(self) -> Schedule:
        """The working week and holidays of someone who chose none of their own."""
        return Schedule(self.week, self.region)


DEFAULTS = Settings()


def settings_of(engine: Engine, workspace: Workspace) -> Settings:
    """A workspace's settings, read now."""
    with session_scope(engine) as session:
        return settings_in(session, workspace)


def settings_in(session: Session, workspace: Workspace) -> Settings:
    """A workspace's settings, read in a transaction under way."""
    row = setting_queries.workspace_setting(session, workspace.team_id)
    return DEFAULTS if row is None else settings_from(row)


def settings_from(row: WorkspaceSetting) -> Settings:
    """A stored row as settings; a value ooo can no longer read falls back to the default."""
    return Settings(
        leave_types=types_from(row.leave_types),
        hide_reasons=row.hide_reasons,
        week=_week(row.week, DEFAULT_WEEK),
        region=_region(row.region, None),
        admin_group_id=row.admin_group_id,
        admin_group_label=row.admin_group_label,
    )


def types_from(stored: str) -> tuple[LeaveType, ...]:
    """The types stored as JSON ("" while the workspace has the built-ins)."""
    if not stored:
        return BUILTINS
    return tuple(LeaveType(**fields) for fields in json.loads(stored))


def types_to(types: tuple[LeaveType, ...]) -> str:
    """The types as stored: JSON, "" when they are the built-ins."""
    if types == BUILTINS:
        return ""
    fields = ("key", "emoji", "hidden", "label", "retired")
    return json.dumps([{name: getattr(t, name) for name in fields} for t in types])


def schedules_of(
    engine: Engine, workspace: Workspace, user_ids: Iterable[str], settings: Settings | None = None
) -> dict[str, Schedule]:
    """Each person's working week and holiday region: their own, else the workspace's."""
    with session_scope(engine) as session:
        return schedules_in(session, workspace, user_ids, settings)


def schedules_in(
    session: Session,
    workspace: Workspace,
    user_ids: Iterable[str],
    settings: Settings | None = None,
) -> dict[str, Schedule]:
    """The same, read in a transaction already open (a scheduler pass, a save)."""
    settings = settings or settings_in(session, workspace)
    wanted = set(user_ids)
    own = setting_queries.person_settings(session, workspace.team_id, wanted)
    schedules: dict[str, Schedule] = {}
    for user_id in wanted:
        row = own.get(user_id)
        if row is None:
            schedules[user_id] = settings.schedule
            continue
        week = _week(row.week, settings.week)
        region = settings.region if row.region is None else _region(row.region, settings.region)
        schedules[user_id] = Schedule(week, region)
    return schedules


def schedules_by_owner(
    session: Session, owners: Iterable[tuple[Workspace, str]]
) -> dict[tuple[Workspace, str], Schedule]:
    """Each (workspace, person)'s schedule, across workspaces: a scheduler pass, a list."""
    wanted: dict[Workspace, set[str]] = {}
    for workspace, user_id in owners:
        wanted.setdefault(workspace, set()).add(user_id)
    return {
        (workspace, user_id): schedule
        for workspace, user_ids in wanted.items()
        for user_id, schedule in schedules_in(session, workspace, user_ids).items()
    }


def schedule_of(engine: Engine, workspace: Workspace, user_id: str) -> Schedule:
    """One person's working week and holiday region."""
    return schedules_of(engine, workspace, [user_id])[user_id]


def schedule_in(session: Session, workspace: Workspace, user_id: str) -> Schedule:
    """One person's working week and holiday region, read in a transaction already open."""
    return schedules_in(session, workspace, [user_id])[user_id]


def _week(stored: str | None, fallback: frozenset[int]) -> frozenset[int]:
    if stored is None:
        return fallback
    try:
        return parse_week(stored)
    except WeekError:
        logger.warning("a stored working week %r no longer reads; using the default", stored)
        return fallback


def _region(stored: str | None, fallback: Region | None) -> Region | None:
    if not stored:  # "" is a choice: no public holidays
        return None if stored == "" else fallback
    try:
        return parse_region(stored)
    except RegionError:
        # A `holidays` release can drop a subdivision: no holidays beats a crash.
        logger.warning("a stored holiday region %r no longer reads; using the default", stored)
        return fallback


def shown_type(engine: Engine, workspace: Workspace, absence: Options) -> LeaveType | None:
    """The type others may read of an absence, read now; None: only "out of office"."""
    if absence.leave_type is None:
        return None  # a group's or channel's, or one older than types: nothing to read
    return shown_of(settings_of(engine, workspace), absence)


def shown_of(settings: Settings, absence: Options) -> LeaveType | None:
    """The type others may read of an absence under these settings."""
    return visible_type(
        settings.leave_types,
        absence.leave_type,
        chosen=absence.hide_reason,
        workspace_hides=settings.hide_reasons,
    )
