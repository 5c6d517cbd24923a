"""The Home tab's My team section: the saved team's next two weeks, as the view draws them."""

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.blocks.team_view import Block, home_team_blocks, home_team_problem
from bot.core.team import window_from_text
from bot.core.workspace import Workspace
from bot.team.command import Target
from bot.team.members import Refusal, Roster, team_of
from bot.team.view import overview_of
from bot.texts import _
from storage import team_queries
from storage.db import session_scope

logger = logging.getLogger(__name__)


def my_team_blocks(
    client: WebClient,
    engine: Engine,
    *,
    workspace: Workspace,
    user_id: str,
    now: datetime,
    people: Roster,
) -> list[Block]:
    """The section for a person who saved a team; none for anyone else, whatever Slack says."""
    with session_scope(engine) as session:
        mine = team_queries.saved_team(session, workspace=workspace, user_id=user_id)
    if mine is None:
        return []
    target = Target(mine.target_id, mine.target_label)
    try:
        team = team_of(client, target, team_id=workspace.team_id, asker=user_id, people=people)
    except Refusal as error:
        return home_team_problem(mine.target_label, str(error))
    except (SlackApiError, OSError) as error:
        logger.warning("could not read %s's team %s: %s", user_id, mine.target_id, error)
        return home_team_problem(mine.target_label, _("I couldn't read this team just now."))
    window = window_from_text("", now=now, tz=mine.tz)
    view = overview_of(
        engine, team, workspace=workspace, window=window, now=now, coverage=mine.coverage
    )
    return home_team_blocks(mine.target_label, view, coverage=mine.coverage)
