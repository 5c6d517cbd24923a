"""What work on a request learns from it: the workspace, and a client for after the answer."""

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.core.workspace import Workspace

# Work after the answer has no 3-second window to fit in; a slow Slack should not fail it.
AFTER_ANSWER_TIMEOUT = 15


def workspace_of(context: BoltContext) -> Workspace:
    """Read the team and Enterprise Grid ids Bolt found in the request."""
    return Workspace(team_id=context.team_id or "", enterprise_id=context.enterprise_id)


def patient(client: WebClient) -> WebClient:
    """The request's client, with a timeout for work that happens after the answer."""
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=AFTER_ANSWER_TIMEOUT,
        retry_handlers=client.retry_handlers,
        logger=client.logger,
    )
