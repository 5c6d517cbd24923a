"""The Home tab's account buttons: Connect my account (a link) and Disconnect."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.accounts.connected import ConnectedAccounts
from bot.responders.followups import Followups
from bot.slack.context import workspace_of


def connect_clicked(ack: Ack) -> None:
    """The link opens Slack's authorize page in the browser; Slack still tells the app."""
    ack()


def disconnect(
    ack: Ack,
    body: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    accounts: ConnectedAccounts,
    followups: Followups,
) -> None:
    """Forget the person's account now, revoke its token after the answer, redraw the tab."""
    ack()
    workspace, user_id = workspace_of(context), body["user"]["id"]
    token = accounts.disconnect(workspace, user_id)
    if token is not None:
        followups.later(accounts.revoke, token)
    followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
