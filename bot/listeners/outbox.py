"""What a person sees after a change: their Home tab, a confirmation DM, a refreshed list.

These run after the change is saved and acknowledged, so each one is best-effort: a failure is
logged and never turns a saved change into an error in Slack.
"""

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy import Engine

from bot.blocks.dialogs import saved_message
from bot.blocks.home import home_view
from bot.blocks.responder_list import list_message
from storage import queries
from storage.db import session_scope
from storage.models import Responder
from storage.queries import Workspace

logger = logging.getLogger(__name__)


def publish_home(
    client: WebClient, engine: Engine, *, workspace: Workspace, user_id: str, now: datetime
) -> None:
    """Show a person their current state and responders in the Home tab."""
    with session_scope(engine) as session:
        mine = queries.responders_of(session, workspace=workspace, owner_id=user_id, now=now)
    try:
        client.views_publish(user_id=user_id, view=home_view(mine, now=now))
    except SlackApiError as error:
        logger.warning("could not publish the Home tab of %s: %s", user_id, error)


def refresh_list(
    origin: str | None, engine: Engine, *, workspace: Workspace, user_id: str, now: datetime
) -> None:
    """Replace the private `/ooo list` answer a change was made from, if there was one."""
    if not origin:
        return
    with session_scope(engine) as session:
        mine = queries.responders_of(session, workspace=workspace, owner_id=user_id, now=now)
    text, blocks = list_message(mine, now=now)
    answer = WebhookClient(origin).send(text=text, blocks=blocks, replace_original=True)
    if answer.status_code != 200:
        # Response URLs expire after 30 minutes and five uses; the Home tab is still current.
        logger.info("could not refresh a list for %s: %s", user_id, answer.status_code)


def send_saved(client: WebClient, responder: Responder, *, updated: bool) -> None:
    """Confirm in a DM what was saved."""
    text, blocks = saved_message(responder, updated=updated)
    try:
        client.chat_postMessage(channel=responder.owner_id, text=text, blocks=blocks)
    except SlackApiError as error:
        logger.warning("could not confirm responder %s: %s", responder.id, error)


def after_change(
    client: WebClient,
    engine: Engine,
    *,
    workspace: Workspace,
    user_id: str,
    origin: str | None,
    now: datetime,
) -> None:
    """Bring every place that lists a person's responders up to date."""
    publish_home(client, engine, workspace=workspace, user_id=user_id, now=now)
    refresh_list(origin, engine, workspace=workspace, user_id=user_id, now=now)
