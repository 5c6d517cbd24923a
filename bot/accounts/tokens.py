"""A workspace's bot token, refreshed before it expires, one refresh at a time.

With token rotation on, Slack's access tokens expire (after 12 hours) and each refresh token
works once. A refresh happens with the installation locked (a row lock on PostgreSQL, the
write lock on SQLite), and whoever waited reads the new token instead of spending the old
refresh token again: threads and replicas never both use one refresh token. People's user
tokens (bot/accounts/connected.py) refresh the same way, with `refresh_due` and `rotate`.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient

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
        """Refresh under the installation's lock, unless whoever held it just did."""
        vault = self.installations.vault
        with session_scope(self.installations.engine) as session:
            row = stored.locked_installation(session, key=key)
            if row is None or not self._due(row):
                return row
            assert row.bot_refresh_token is not None, "due means refreshable"
            new = rotate(self._oauth, vault, row.bot_refresh_token, self._clock())
            row.bot_token, row.bot_refresh_token = new.token, new.refresh_token
            row.bot_token_expires_at = new.expires_at
            session.add(row)
            logger.info("refreshed the bot token of %s", key)
            return row
