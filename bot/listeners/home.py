"""The Home tab, drawn whenever a person opens it."""

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.clock import Clock
from bot.followups import publish_home
from bot.slack_context import workspace_of


def home_opened(
    event: dict[str, Any], client: WebClient, context: BoltContext, clock: Clock, engine: Engine
) -> None:
    """Publish the person's Home tab; the Messages tab needs nothing."""
    if event.get("tab", "home") != "home":
        return
    publish_home(
        client, engine, workspace=workspace_of(context), user_id=event["user"], now=clock()
    )
