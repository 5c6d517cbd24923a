"""Events about the installation and people: uninstalled, tokens revoked, someone deactivated."""

from typing import Any

from slack_bolt import BoltContext

from bot.accounts.personal_data import depart, reactivate
from bot.accounts.revocation import forget_user_tokens, forget_workspace
from bot.services import Services
from bot.slack.context import workspace_of


def app_uninstalled(context: BoltContext, services: Services) -> None:
    """ooo was removed from a workspace (or an org): its tokens go at once."""
    forget_workspace(services.engine, workspace=workspace_of(context), org_wide=_org_wide(context))


def tokens_revoked(event: dict[str, Any], context: BoltContext, services: Services) -> None:
    """Slack revoked tokens: without the bot's, nothing in that workspace can work; people's
    own tokens go with their connected accounts."""
    tokens = event.get("tokens") or {}
    workspace, org_wide = workspace_of(context), _org_wide(context)
    if tokens.get("bot"):
        forget_workspace(services.engine, workspace=workspace, org_wide=org_wide)
        return
    people = list(tokens.get("oauth") or [])
    forget_user_tokens(
        services.engine,
        workspace=workspace,
        org_wide=org_wide,
        user_ids=people,
        now=services.clock(),
    )


def user_change(event: dict[str, Any], context: BoltContext, services: Services) -> None:
    """A deactivated person's responders end now; their data goes after the retention period,
    unless Slack reactivates them first."""
    user = event.get("user") or {}
    if not user.get("id"):
        return
    workspace = workspace_of(context)
    if user.get("deleted"):
        depart(services.engine, workspace=workspace, user_id=user["id"], now=services.clock())
    else:
        reactivate(services.engine, workspace=workspace, user_id=user["id"])


def _org_wide(context: BoltContext) -> bool:
    return bool(context.is_enterprise_install) or not context.team_id
