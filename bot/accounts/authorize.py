"""Bolt's authorization in distributed mode: each request gets its own workspace's bot."""

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.middleware.authorization.internals import _is_no_auth_test_events

from bot.accounts.tokens import BotTokens
from bot.core.workspace import Workspace
from bot.texts import N_, _

NOT_INSTALLED = N_("ooo is not installed in this workspace.")


class InstalledAuthorize(Authorize):
    """Authorizes a request with the installation of the workspace (or org) it came from."""

    def __init__(self, tokens: BotTokens) -> None:
        self._tokens = tokens

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actor: Any,
    ) -> AuthorizeResult | None:
        """The workspace's bot, or None when ooo is not (or no longer) installed there."""
        bot = self._tokens.bot(
            Workspace(team_id or "", enterprise_id),
            org_wide=bool(context.is_enterprise_install) or not team_id,
        )
        if bot is None:
            return None
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_token=bot.token,
            bot_scopes=bot.scopes,
            user_id=user_id,
        )


Middleware = Callable[[BoltRequest, BoltResponse, Callable[[], BoltResponse]], BoltResponse]


def refusing_uninstalled(tokens: BotTokens) -> Middleware:
    """A middleware answering 401 to events from a workspace ooo is not installed in.

    Uninstall and revocation events still pass: they come once the tokens are gone.
    """

    def refuse(
        req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        body = req.body or {}
        if body.get("type") != "event_callback" or _is_no_auth_test_events(req):
            return next()
        context = req.context
        workspace = Workspace(context.team_id or "", context.enterprise_id)
        org_wide = bool(context.is_enterprise_install) or not context.team_id
        if tokens.installed(workspace, org_wide=org_wide):
            return next()
        return BoltResponse(status=401, body=_(NOT_INSTALLED))

    return refuse
