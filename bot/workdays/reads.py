"""What a person's Working days section and form show, read now."""

from datetime import date

from sqlalchemy import Engine

from bot.blocks.working_days import WorkdaysView
from bot.core.holiday_regions import holidays_from
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_in, settings_in
from storage import setting_queries
from storage.db import session_scope

# Holidays named on the Home tab: enough to plan by, few enough to read at a glance.
UPCOMING = 2


def workdays_of(
    engine: Engine, workspace: Workspace, user_id: str, *, today: date, locale: str | None
) -> WorkdaysView:
    """The person's week and region, the workspace's region, and their next holidays."""
    with session_scope(engine) as session:
        settings = settings_in(session, workspace)
        schedule = schedules_in(session, workspace, [user_id], settings)[user_id]
        own = setting_queries.person_settings(session, workspace.team_id, [user_id]).get(user_id)
    region = schedule.region
    upcoming = [] if region is None else holidays_from(region, today, UPCOMING, locale)
    return WorkdaysView(
        week=schedule.week,
        region=region,
        own_region=own is not None and own.region is not None,
        default_region=settings.region,
        upcoming=upcoming,
    )
