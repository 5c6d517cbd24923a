"""`client_for(workspace)`: the Slack client background work uses for one workspace."""

from collections.abc import Callable

from slack_sdk import WebClient

from bot.accounts.tokens import BotTokens
from bot.core.workspace import Workspace
from bot.outbox.errors import Permanent

ClientFor = Callable[[Workspace], WebClient]


class NotInstalled(Permanent):
    """ooo is not (or no longer) installed in a workspace: its work there cannot be done, and
    the effect workers record that for good rather than retry."""


def single_workspace(client: WebClient) -> ClientFor:
    """One workspace, one bot token (SLACK_BOT_TOKEN): every job uses the same client."""
    return lambda _workspace: client


def installed(tokens: BotTokens, template: WebClient) -> ClientFor:
    """Each workspace's own installation (or its org's), looked up when the job runs."""

    def client_for(workspace: Workspace) -> WebClient:
        bot = tokens.bot(workspace)
        if bot is None:
            raise NotInstalled("not_installed")
        return WebClient(
            token=bot.token,
            base_url=template.base_url,
            timeout=template.timeout,
            retry_handlers=template.retry_handlers,
            logger=template.logger,
        )

    return client_for
