"""A workspace's bot token, refreshed before it expires, one refresh at a time.

With token rotation on, Slack's access tokens expire (after 12 hours) and each refresh token
works once. No transaction is open while Slack answers (on SQLite that would hold every
writer up): threads of a process refresh one at a time and whoever waited reads the new token;
the new tokens are written only if the stored refresh token is still the one spent, so a
replica that raced another keeps the winner's. People's user tokens
(bot/accounts/connected.py) refresh with `refresh_due` and `rotate` too.
"""

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.accounts.installations import SealedInstallations
from bot.accounts.vault import Vault
from bot.clock import Clock
from bot.core.workspace import Workspace
from storage import installation_queries as stored
from storage.db import session_scope
from storage.models import Installation

logger = logging.getLogger(__name__)
# Refresh this long before expiry, so a token never expires during a call or a slow job.
REFRESH_AHEAD = timedelta(minutes=10)
# One refresh of an installation at a time in this process, whichever BotTokens asks.
_refreshing: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
_refreshing_guard = threading.Lock()


@dataclass(frozen=True)
class BotCredentials:
    """What a request or a job needs to act as the bot in one workspace."""

    token: str
    bot_id: str | None
    bot_user_id: str | None
    scopes: str
    team_id: str | None
    enterprise_id: str | None


@dataclass(frozen=True)
class OAuthClient:
    """The app's OAuth credentials, and the client that reaches Slack."""

    client_id: str
    client_secret: str
    client: WebClient


@dataclass(frozen=True)
class Rotated:
    """What one refresh gave: the new access and refresh tokens (sealed), and the expiry."""

    token: str
    refresh_token: str
    expires_at: datetime


def refresh_due(refresh_token: str | None, expires_at: datetime | None, now: datetime) -> bool:
    """Whether a rotating token expires within REFRESH_AHEAD, so it should be refreshed now."""
    return (
        refresh_token is not None and expires_at is not None and expires_at - now <= REFRESH_AHEAD
    )


def rotate(oauth: OAuthClient, vault: Vault, sealed_refresh: str, now: datetime) -> Rotated:
    """Spend a (sealed) refresh token for new tokens: call it with the token's row locked."""
    answer = oauth.client.oauth_v2_access(
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        grant_type="refresh_token",
        refresh_token=vault.open(sealed_refresh),
    )
    return Rotated(
        token=vault.seal(answer["access_token"]),
        refresh_token=vault.seal(answer["refresh_token"]),
        expires_at=now + timedelta(seconds=answer["expires_in"]),
    )


class BotTokens:
    """Finds the bot token serving a workspace, refreshing it first when due."""

    def __init__(
        self, installations: SealedInstallations, oauth: OAuthClient, clock: Clock
    ) -> None:
        self.installations, self._oauth, self._clock = installations, oauth, clock

    def bot(self, workspace: Workspace, *, org_wide: bool = False) -> BotCredentials | None:
        """The bot of this workspace's installation (or its org's), or None when uninstalled."""
        row = self.installations.row_for(workspace, org_wide=org_wide)
        if row is not None and self._due(row):
            row = self._refreshed(row.key)
        if row is None or row.bot_token is None:
            return None
        return BotCredentials(
            token=self.installations.vault.open(row.bot_token),
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            scopes=row.bot_scopes,
            team_id=row.team_id,
            enterprise_id=row.enterprise_id,
        )

    def installed(self, workspace: Workspace, *, org_wide: bool = False) -> bool:
        """Whether a bot serves this workspace, without refreshing anything."""
        row = self.installations.row_for(workspace, org_wide=org_wide)
        return row is not None and row.bot_token is not None

    def _due(self, row: Installation) -> bool:
        return refresh_due(row.bot_refresh_token, row.bot_token_expires_at, self._clock())

    def _refreshed(self, key: str) -> Installation | None:
        """Refresh unless whoever refreshed before us just did; Slack is asked outside any
        transaction, and the answer kept only if nobody stored another meanwhile."""
        with _refreshing_guard:
            turn = _refreshing[key]
        with turn:
            row = self._stored(key)
            if row is None or not self._due(row):
                return row
            spent = row.bot_refresh_token
            assert spent is not None, "due means refreshable"
            try:
                new = rotate(self._oauth, self.installations.vault, spent, self._clock())
            except SlackApiError:
                again = self._stored(key)
                if again is not None and again.bot_refresh_token != spent:
                    return again  # another replica spent it first and stored the new one
                raise
            with session_scope(self.installations.engine) as session:
                row = stored.locked_installation(session, key=key)
                if row is None or row.bot_refresh_token != spent:
                    return row
                row.bot_token, row.bot_refresh_token = new.token, new.refresh_token
                row.bot_token_expires_at = new.expires_at
                session.add(row)
            logger.info("refreshed the bot token of %s", key)
            return row

    def _stored(self, key: str) -> Installation | None:
        """The installation as stored now, read in a transaction of its own."""
        with session_scope(self.installations.engine) as session:
            return stored.locked_installation(session, key=key)
