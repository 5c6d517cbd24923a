"""Answers to `/ooo team` that wait on Slack, sent to the command's response_url afterwards."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy import Engine

from bot.blocks.team_view import saved_team_text, team_message
from bot.core.dates import DateError
from bot.core.team import Window, WindowError, window_from_text
from bot.core.workspace import Workspace
from bot.outbox.delivery import HomePublisher
from bot.slack.context import patient, workspace_of
from bot.slack.directory import Directory
from bot.slack.handles import Handle
from bot.team.command import Target
from bot.team.members import BUSY, Refusal, Team, resolve, team_of
from bot.team.view import team_overview
from bot.texts import _, speaking
from bot.texts.date_refusals import refusal
from bot.texts.problems import word
from storage import team_queries
from storage.db import begin_writing, session_scope
from storage.models import SavedTeam

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Asking:
    """Who asks, from where, and where the answer goes."""

    client: WebClient
    engine: Engine
    directory: Directory
    homes: HomePublisher
    workspace: Workspace
    user_id: str
    response_url: str
    now: datetime

    def handles(self) -> list[Handle]:
        """The workspace's channels and user groups, to find a typed name in."""
        return self.directory.handles(self.client, team_id=self.workspace.team_id)

    def saved_team(self) -> SavedTeam | None:
        """The team the asker saved as theirs, if any."""
        with session_scope(self.engine) as session:
            return team_queries.saved_team(session, workspace=self.workspace, user_id=self.user_id)

    def team(self, target: Target) -> Team:
        """A team's members as the asker may see them; Refusal if they may not."""
        return team_of(
            self.client,
            target,
            team_id=self.workspace.team_id,
            asker=self.user_id,
            people=self.directory,
        )

    def seen_team(self, target: Target) -> Team | None:
        """The team named (a typed handle found), or None once the asker was told why not:
        they may not see it, or Slack could not list it just now."""
        try:
            if target.id is None or target.name.startswith("<"):  # a name to find, a handle
                target = resolve(target, self.handles())
            return self.team(target)
        except Refusal as error:
            self.reply(str(error))
        except (SlackApiError, OSError) as error:  # a limit or a timeout: still answer
            logger.warning("could not read the team %s: %s", target.id, error)
            self.reply(_(BUSY))
        return None

    def keep_team(self, *, target_id: str, target_label: str, coverage: int, tz: str) -> None:
        """Save the asker's team, or keep it with another coverage."""
        with session_scope(self.engine) as session:
            begin_writing(session, "keep_team")
            team_queries.save_team(
                session,
                workspace=self.workspace,
                user_id=self.user_id,
                target_id=target_id,
                target_label=target_label,
                coverage=coverage,
                tz=tz,
                now=self.now,
            )

    def reply(self, text: str, blocks: list[dict[str, Any]] | None = None, **extra: Any) -> None:
        """Answer privately; a response_url that expired is only logged."""
        answer = WebhookClient(self.response_url).send(
            text=text, blocks=blocks, response_type="ephemeral", **extra
        )
        if answer.status_code != 200:
            logger.info("could not answer %s: %s %s", self.user_id, answer.status_code, answer.body)


def asking(
    client: WebClient,
    context: BoltContext,
    *,
    engine: Engine,
    directory: Directory,
    homes: HomePublisher,
    user_id: str,
    response_url: str,
    now: datetime,
    after_answer: bool = True,
) -> Asking:
    """What a team answer needs, from a request; after the answer, Slack may take longer."""
    return Asking(
        patient(client) if after_answer else client,
        engine,
        directory,
        homes,
        workspace_of(context),
        user_id,
        response_url,
        now,
    )


def show_team(
    asking: Asking, *, target: Target, window_text: str, coverage: int, saved: bool
) -> None:
    """Answer with the first page of a team view, or why it can't be shown."""
    person = asking.directory.person(
        asking.client, team_id=asking.workspace.team_id, user_id=asking.user_id
    )
    try:
        window = window_from_text(window_text, now=asking.now, tz=person.tz, locale=person.locale)
    except DateError as error:
        with speaking(person.locale):
            asking.reply(refusal(error))
        return
    except WindowError as refused:
        asking.reply(word(refused.problem))
        return
    show_page(asking, target=target, window=window, coverage=coverage, page=0, saved=saved)


def show_page(
    asking: Asking, *, target: Target, window: Window, coverage: int, page: int, saved: bool
) -> None:
    """Answer with one page of a team view (Show more replaces the page before)."""
    try:
        team, view = team_overview(
            asking.client,
            asking.engine,
            workspace=asking.workspace,
            asker=asking.user_id,
            target=target,
            window=window,
            coverage=coverage,
            now=asking.now,
            handles=asking.handles,
            people=asking.directory,
        )
    except Refusal as error:
        asking.reply(str(error))
        return
    except (SlackApiError, OSError) as error:  # a limit or a timeout: still answer
        logger.warning("could not read the team %s: %s", target.id, error)
        asking.reply(_(BUSY))
        return
    state = {
        "t": team.id,
        "l": team.label,
        "f": window.first.isoformat(),
        "d": window.days,
        "z": window.tz,
        "c": coverage,
        "s": saved,
    }
    if saved:
        title = _("My team · {team}", team=team.label)
    else:
        title = _("Who is out · {team}", team=team.label)
    text, blocks = team_message(title, team.label, view, coverage=coverage, page=page, state=state)
    asking.reply(text, blocks, replace_original=page > 0)


def save_team(asking: Asking, *, target: Target, coverage: int) -> None:
    """Save a team as the asker's, once it is known they may see it, then redraw their Home."""
    team = asking.seen_team(target)
    if team is None:
        return
    tz = asking.directory.person(
        asking.client, team_id=asking.workspace.team_id, user_id=asking.user_id
    ).tz
    asking.keep_team(target_id=team.id, target_label=team.label, coverage=coverage, tz=tz)
    asking.reply(saved_team_text(team.label, len(team.people), coverage))
    asking.homes.publish(asking.client, workspace=asking.workspace, user_id=asking.user_id)
