"""People's own Slack accounts, connected to ooo so it can act as them while they are away.

`ConnectedAccounts.user_client_for(workspace, user_id) -> WebClient | None` is the one way to
act as a person: a client holding their user token (refreshed first when it rotates), or None
when they have not connected (or connecting is not set up). Any call through that client that
Slack answers with a dead-token error (REVOKED) forgets the account at once and tells its
owner once. Tokens are sealed by the vault like the bot's; connecting needs SLACK_CLIENT_ID,
SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and OOO_ENCRYPTION_KEY, in either mode.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse
from sqlalchemy import Engine

from bot.accounts.oauth_state import StoredStates
from bot.accounts.revocation import forget_account
from bot.accounts.tokens import OAuthClient, refresh_due, rotate
from bot.accounts.vault import Vault
from bot.blocks.account import AccountView
from bot.clock import Clock
from bot.core.workspace import Workspace
from storage import account_queries as stored
from storage.db import begin_writing, session_scope
from storage.models import ConnectedAccount

logger = logging.getLogger(__name__)
# Exactly the manifest's user scopes (tests/test_manifest.py holds them equal): status, snooze,
# the messages people send the person (direct messages, and mentions where ooo is not), and
# whom a direct message they wrote is for (im:read), answering one as them (chat:write), and
# who is in a private conversation where someone is mentioned (groups:read, mpim:read).
USER_SCOPES = (
    "users.profile:read",
    "users.profile:write",
    "dnd:read",
    "dnd:write",
    "im:history",
    "im:read",
    "chat:write",
    "channels:history",
    "groups:history",
    "mpim:history",
    "groups:read",
    "mpim:read",
)
AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize"
# Slack's answers meaning a token will never work again.
REVOKED = frozenset({"token_revoked", "tokens_revoked", "invalid_auth", "account_inactive"})
# Tells a connect's callback from an install's on the one redirect URL Slack knows.
CONNECT_STATE = "connect~"
# A Home tab stays open for a long time: its link keeps working for this long.
CONNECT_LIFETIME = timedelta(hours=1)
USER_TIMEOUT = 10


class UserClient(WebClient):
    """A client holding one person's user token; a dead-token answer forgets the account."""

    def __init__(self, *, on_revoked: Callable[[], None], **options: Any) -> None:
        super().__init__(**options)
        self._on_revoked = on_revoked

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        """Call Slack; when it refuses the token for good, forget it before raising."""
        try:
            return super().api_call(api_method, **kwargs)
        except SlackApiError as error:
            if error.response.get("error") in REVOKED:
                self._on_revoked()
            raise


class ConnectedAccounts:
    """Connects, finds, refreshes and forgets people's user tokens; `available` says whether
    connecting is set up at all."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        api_url: str,
        vault: Vault | None = None,
        oauth: OAuthClient | None = None,
        states: StoredStates | None = None,
        serves: Callable[[Workspace], bool] = lambda _workspace: True,
    ) -> None:
        self.engine, self.clock, self.api_url = engine, clock, api_url
        self.vault, self.oauth, self.states, self.serves = vault, oauth, states, serves

    @property
    def available(self) -> bool:
        """Whether people can connect their accounts with these settings."""
        return self.vault is not None and self.oauth is not None and self.states is not None

    def view(self, workspace: Workspace, user_id: str) -> AccountView:
        """What the Home tab and the modal show of a person's account: a fresh link if needed."""
        if not self.available:
            return AccountView(available=False)
        with session_scope(self.engine) as session:
            account = stored.account_of(session, workspace=workspace, user_id=user_id)
        if account is not None:
            return AccountView(available=True, connected=True)
        return AccountView(available=True, connect_url=self.connect_url())

    def connect_url(self) -> str:
        """Slack's authorize page asking for exactly USER_SCOPES, with a new single-use state."""
        assert self.oauth is not None and self.states is not None, "only when available"
        query = {
            "client_id": self.oauth.client_id,
            "user_scope": ",".join(USER_SCOPES),
            "state": CONNECT_STATE + self.states.issue(),
        }
        return f"{AUTHORIZE_URL}?{urlencode(query)}"

    def connected(self, workspace: Workspace, user_id: str) -> bool:
        """Whether this person connected their account (and connecting is set up)."""
        if not self.available:
            return False
        with session_scope(self.engine) as session:
            return stored.account_of(session, workspace=workspace, user_id=user_id) is not None

    def user_client_for(self, workspace: Workspace, user_id: str) -> WebClient | None:
        """A client acting as this person, or None when they have no connected account."""
        if not self.available:
            return None
        with session_scope(self.engine) as session:
            account = stored.account_of(session, workspace=workspace, user_id=user_id)
        if account is not None and refresh_due(
            account.refresh_token, account.token_expires_at, self.clock()
        ):
            account = self._refreshed(account)
        if account is None:
            return None
        assert self.vault is not None
        return self._client(self.vault.open(account.token), workspace, user_id)

    def disconnect(self, workspace: Workspace, user_id: str) -> str | None:
        """Forget a person's account at their request; its token, to revoke after the answer."""
        with session_scope(self.engine) as session:
            begin_writing(session, "disconnect")
            account = stored.account_of(session, workspace=workspace, user_id=user_id)
            if account is None:
                return None
            stored.forget_account(session, workspace=workspace, user_id=user_id)
        assert self.vault is not None
        return self.vault.open(account.token)

    def revoke(self, token: str) -> None:
        """Tell Slack a forgotten token is dead; one already dead needs nothing more."""
        client = WebClient(token=token, base_url=self.api_url, timeout=USER_TIMEOUT)
        try:
            client.auth_revoke()
        except SlackApiError as error:
            logger.info("revoking a forgotten token: %s", error.response.get("error"))

    def forget(self, workspace: Workspace, user_id: str) -> None:
        """Slack refused the person's token for good: forget it, and tell them once."""
        with session_scope(self.engine) as session:
            begin_writing(session, "forget")
            forget_account(session, workspace=workspace, user_id=user_id, now=self.clock())

    def _client(self, token: str, workspace: Workspace, user_id: str) -> UserClient:
        return UserClient(
            on_revoked=lambda: self.forget(workspace, user_id),
            token=token,
            base_url=self.api_url,
            timeout=USER_TIMEOUT,
            retry_handlers=[],
        )

    def _refreshed(self, account: ConnectedAccount) -> ConnectedAccount | None:
        """Refresh under the account's lock, unless whoever held it just did (bot/accounts/
        tokens.py); a refresh Slack refuses forgets the account."""
        assert account.id is not None and self.oauth is not None and self.vault is not None
        workspace = Workspace(account.team_id, account.enterprise_id)
        try:
            with session_scope(self.engine) as session:
                row = stored.locked_account(session, account_id=account.id)
                if row is None or not refresh_due(
                    row.refresh_token, row.token_expires_at, self.clock()
                ):
                    return row
                assert row.refresh_token is not None, "due means refreshable"
                new = rotate(self.oauth, self.vault, row.refresh_token, self.clock())
                row.token, row.refresh_token = new.token, new.refresh_token
                row.token_expires_at = new.expires_at
                session.add(row)
                return row
        except SlackApiError as error:
            if error.response.get("error") not in REVOKED | {"invalid_refresh_token"}:
                raise
        self.forget(workspace, account.user_id)
        return None
