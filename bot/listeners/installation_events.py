"""Events about the installation and people: uninstalled, tokens revoked, someone deactivated."""

from datetime import UTC, datetime
from typing import Any

from slack_bolt import BoltContext

from bot.accounts.personal_data import user_changed
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


def user_change(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, services: Services
) -> None:
    """A deactivated person's responders end now; their data goes after the retention period,
    unless Slack reactivates them first. Ordered by Slack's event time: a retry keeps it."""
    user = event.get("user") or {}
    if not user.get("id"):
        return
    now = services.clock()
    sent = body.get("event_time")
    at = datetime.fromtimestamp(sent, UTC) if isinstance(sent, int) else now
    user_changed(
        services.engine,
        workspace=workspace_of(context),
        user_id=user["id"],
        deleted=bool(user.get("deleted")),
        at=at,
        now=now,
    )


def _org_wide(context: BoltContext) -> bool:
    return bool(context.is_enterprise_install) or not context.team_id
