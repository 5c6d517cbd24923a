"""The fake Slack's OAuth v2: apps, authorization codes, token rotation, revocation, uninstall.

Every token it issues is bound to one workspace (or, for an org-wide install, one Enterprise
Grid org); codes and refresh tokens work once; a rotated access token expires.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import APP_ID, BOT_USER_ID, Args

# oauth.v2.access authenticates the app, not a token.
TOKENLESS = frozenset({"oauth.v2.access"})
CODE_LIFETIME = timedelta(minutes=10)
ROTATED_LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class OAuthApp:
    """The app's credentials as Slack issued them, and whether token rotation is on."""

    client_id: str
    client_secret: str
    rotation: bool = False


@dataclass(frozen=True)
class Grant:
    """What a person approved on Slack's authorize page, redeemable once for tokens."""

    team_id: str | None
    enterprise_id: str | None
    installer: str
    scopes: frozenset[str]
    expires_at: datetime
    user_scopes: frozenset[str] = frozenset()


class FakeOAuth:
    """OAuth state of the fake, guarded by FakeSlack's lock."""

    def __init__(self, tokens: dict[str, Token], now: Callable[[], datetime]) -> None:
        self._tokens, self._now = tokens, now
        self.app: OAuthApp | None = None
        self._grants: dict[str, Grant] = {}
        self._refresh: dict[str, Token] = {}
        self._serial = itertools.count(1)
        self._issued: list[str] = []
        # Every code, token and refresh token handed out, for tests that look for leaks.
        self.secrets: list[str] = []

    def approve(
        self,
        *,
        team_id: str | None,
        enterprise_id: str | None,
        installer: str,
        scopes: frozenset[str],
        user_scopes: frozenset[str] = frozenset(),
    ) -> str:
        """A person clicked Allow: the code Slack appends to the redirect URL."""
        code = f"{next(self._serial)}.{secrets.token_hex(8)}"
        expires_at = self._now() + CODE_LIFETIME
        grant = Grant(team_id, enterprise_id, installer, scopes, expires_at, user_scopes)
        self._grants[code] = grant
        self.secrets.append(code)
        return code

    def exchange(self, args: Args) -> dict[str, Any]:
        """oauth.v2.access: a code, or (with rotation on) a refresh token, for new tokens."""
        if self.app is None or args.get("client_id") != self.app.client_id:
            raise SlackError("invalid_client_id")
        if args.get("client_secret") != self.app.client_secret:
            raise SlackError("bad_client_secret")
        if args.get("grant_type") == "refresh_token":
            return self._refreshed(str(args.get("refresh_token") or ""))
        grant = self._grants.pop(str(args.get("code") or ""), None)
        if grant is None or grant.expires_at <= self._now():
            raise SlackError("invalid_code")
        team = {"id": grant.team_id, "name": f"Team {grant.team_id}"} if grant.team_id else None
        org = grant.enterprise_id
        if not grant.scopes:
            # Only user scopes asked for (a person connecting their account): no bot token.
            return {
                "app_id": APP_ID,
                "authed_user": self._installer(grant),
                "team": team,
                "enterprise": {"id": org, "name": f"Org {org}"} if org else None,
                "is_enterprise_install": False,
            }
        # A workspace's token is bound to the workspace, an org-wide one to the org.
        org_wide = grant.team_id is None
        bot = self._issue(
            "xoxb",
            BOT_USER_ID,
            grant.scopes,
            team_id=grant.team_id,
            org=grant.enterprise_id if org_wide else None,
        )
        return {
            "app_id": APP_ID,
            "authed_user": self._installer(grant),
            "scope": ",".join(sorted(grant.scopes)),
            "token_type": "bot",
            "access_token": bot.value,
            "bot_user_id": BOT_USER_ID,
            "team": team,
            "enterprise": {"id": org, "name": f"Org {org}"} if org else None,
            "is_enterprise_install": org_wide,
            **self._rotation(bot),
        }

    def _installer(self, grant: Grant) -> dict[str, Any]:
        """The installer, with a user token when the app asked for user scopes."""
        if not grant.user_scopes:
            return {"id": grant.installer}
        user = self._issue(
            "xoxp", grant.installer, grant.user_scopes, team_id=grant.team_id, org=None
        )
        return {
            "id": grant.installer,
            "scope": ",".join(sorted(grant.user_scopes)),
            "access_token": user.value,
            "token_type": "user",
            **self._rotation(user),
        }

    def revoke(self, caller: Token) -> dict[str, Any]:
        """auth.revoke: the calling token (and the refresh token that renews it) stops working."""
        self._tokens.pop(caller.value, None)
        for refresh, token in list(self._refresh.items()):
            if token.value == caller.value:
                del self._refresh[refresh]
        return {"revoked": True}

    def uninstall(self, args: Args, caller: Token) -> dict[str, Any]:
        """apps.uninstall: every token of the caller's workspace (or org) stops working."""
        if self.app is None or (args.get("client_id"), args.get("client_secret")) != (
            self.app.client_id,
            self.app.client_secret,
        ):
            raise SlackError("invalid_client_id")
        self.revoke_all(team_id=caller.team_id, enterprise_id=caller.org)
        return {}

    def revoke_all(self, *, team_id: str | None, enterprise_id: str | None = None) -> None:
        """Forget every token and refresh token of one workspace (or one org-wide install)."""
        for table in (self._tokens, self._refresh):
            for value, token in list(table.items()):
                if (token.team_id, token.org) == (team_id, enterprise_id) or (
                    team_id is not None and token.team_id == team_id
                ):
                    del table[value]

    def working(self, team_id: str | None, org: str | None) -> list[str]:
        """Tokens issued over OAuth, oldest first, that are neither revoked nor expired."""
        found = [self._tokens.get(value) for value in self._issued]
        return [
            token.value
            for token in found
            if token is not None
            and (token.team_id, token.org) == (team_id, org)
            and (token.expires_at is None or token.expires_at > self._now())
        ]

    def _issue(
        self,
        prefix: str,
        user_id: str,
        scopes: frozenset[str],
        *,
        team_id: str | None,
        org: str | None,
    ) -> Token:
        rotated = self.app is not None and self.app.rotation
        value = f"{'xoxe.' if rotated else ''}{prefix}-{team_id or org}-{secrets.token_hex(6)}"
        expires_at = self._now() + ROTATED_LIFETIME if rotated else None
        token = Token(value, user_id, scopes, team_id=team_id, org=org, expires_at=expires_at)
        self._tokens[value] = token
        self._issued.append(value)
        self.secrets.append(value)
        return token

    def _rotation(self, token: Token) -> dict[str, Any]:
        if token.expires_at is None:
            return {}
        refresh = f"xoxe-1-{secrets.token_hex(10)}"
        self._refresh[refresh] = token
        self.secrets.append(refresh)
        return {"refresh_token": refresh, "expires_in": int(ROTATED_LIFETIME.total_seconds())}

    def _refreshed(self, refresh_token: str) -> dict[str, Any]:
        """Spend a refresh token (once) for a new access token and a new refresh token."""
        old = self._refresh.pop(refresh_token, None)
        if old is None:
            raise SlackError("invalid_refresh_token")
        kind = "bot" if old.is_bot else "user"
        prefix = "xoxb" if old.is_bot else "xoxp"
        new = self._issue(prefix, old.user_id, old.scopes, team_id=old.team_id, org=old.org)
        team = {"id": old.team_id} if old.team_id else None
        return {
            "app_id": APP_ID,
            "token_type": kind,
            "access_token": new.value,
            "scope": ",".join(sorted(new.scopes)),
            "team": team,
            "enterprise": {"id": old.org} if old.org else None,
            **self._rotation(new),
        }


def now_utc() -> datetime:
    """Real time, for a fake whose test does not move a clock."""
    return datetime.now(UTC)
