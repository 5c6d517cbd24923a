"""Building a team view: resolve the team, read its members, their absences, the overview."""

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.core.team import Overview, Window, overview
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_in, settings_in
from bot.slack.handles import Handle
from bot.team.command import Target
from bot.team.members import Roster, Team, resolve, team_of
from storage import team_queries
from storage.db import session_scope


def team_overview(
    client: WebClient,
    engine: Engine,
    *,
    workspace: Workspace,
    asker: str | None,
    target: Target,
    window: Window,
    coverage: int,
    now: datetime,
    people: Roster,
    handles: Callable[[], Sequence[Handle]] = tuple,
) -> tuple[Team, Overview]:
    """Who in a channel or user group is away over a window; Refusal if it can't be shown."""
    if target.id is None or (target.is_group and not target.name.startswith("@")):
        target = resolve(target, handles())
    team = team_of(client, target, team_id=workspace.team_id, asker=asker, people=people)
    return team, overview_of(
        engine, team, workspace=workspace, window=window, now=now, coverage=coverage
    )


def overview_of(
    engine: Engine,
    team: Team,
    *,
    workspace: Workspace,
    window: Window,
    now: datetime,
    coverage: int,
) -> Overview:
    """The overview of a team whose members are known: the database part of a team view."""
    with session_scope(engine) as session:
        absences = team_queries.team_absences(
            session, workspace=workspace, people=team.people, start=window.start, end=window.end
        )
        schedules = schedules_in(session, workspace, team.people)
        privacy = settings_in(session, workspace).privacy
    return overview(
        absences,
        team=team.people,
        window=window,
        now=now,
        coverage=coverage,
        privacy=privacy,
        schedules=schedules,
    )
