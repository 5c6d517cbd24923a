"""The Home tab's account buttons: Connect my account (a link) and Disconnect."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.context import workspace_of


def connect_clicked(ack: Ack) -> None:
    """The link opens Slack's authorize page in the browser; Slack still tells the app."""
    ack()


def disconnect(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Forget the person's account now, revoke its token after the answer, redraw the tab."""
    ack()
    workspace, user_id = workspace_of(context), body["user"]["id"]
    token = services.accounts.disconnect(workspace, user_id)
    if token is not None:
        services.followups.later(services.accounts.revoke, token)
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
