"""The Home tab, drawn whenever a person opens it."""

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.context import workspace_of


def home_opened(
    event: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Publish the person's Home tab over the one Slack shows; the Messages tab needs nothing."""
    if event.get("tab", "home") != "home":
        return
    workspace, user_id = workspace_of(context), event["user"]
    shown = (event.get("view") or {}).get("hash")
    services.homes.seen(workspace=workspace, user_id=user_id, view_hash=shown)
    # After the answer, so a slow views.publish never makes Slack retry the event.
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
