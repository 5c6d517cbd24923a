"""slack-sdk's InstallationStore on ooo's own database, every token sealed by the vault."""

import logging
from datetime import UTC, datetime

from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from sqlalchemy import Engine

from bot.accounts.vault import Vault
from bot.clock import Clock
from bot.core.workspace import Workspace
from storage import installation_queries as stored
from storage.db import session_scope
from storage.models import Installation as Row

logger = logging.getLogger(__name__)


class SealedInstallations(InstallationStore):
    """One installation per workspace or org; reinstalling replaces it."""

    def __init__(self, engine: Engine, vault: Vault, clock: Clock) -> None:
        self.engine, self.vault, self._clock = engine, vault, clock

    @property
    def logger(self) -> logging.Logger:
        """The logger slack-sdk expects every store to have."""
        return logger

    def save(self, installation: Installation) -> None:
        """Keep an installation, tokens sealed."""
        row = self.row(installation)
        with session_scope(self.engine) as session:
            stored.save_installation(session, installation=row)
        logger.info("installed in %s by %s", row.key, row.installer_id)

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        """The bot serving a workspace (or, for an org-wide install, its org)."""
        installation = self.find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return installation.to_bot() if installation and installation.bot_token else None

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The installation serving a workspace, with its tokens opened."""
        row = self.row_for(
            Workspace(team_id or "", enterprise_id),
            org_wide=_org_wide(team_id, is_enterprise_install),
        )
        if row is None or (user_id is not None and row.installer_id != user_id):
            return None
        return self.opened(row)

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget a workspace's installation: without its bot it serves nothing."""
        self.delete_all(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """Forget an installation, or only this installer's user token."""
        if user_id is None:
            self.delete_all(enterprise_id=enterprise_id, team_id=team_id)
            return
        workspace = Workspace(team_id or "", enterprise_id)
        with session_scope(self.engine) as session:
            stored.forget_user_token(
                session,
                key=stored.installation_key(workspace, org_wide=not team_id),
                user_id=user_id,
            )

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget an installation and every token in it."""
        workspace = Workspace(team_id or "", enterprise_id)
        key = stored.installation_key(workspace, org_wide=not team_id)
        with session_scope(self.engine) as session:
            stored.delete_installation(session, key=key)

    def row_for(self, workspace: Workspace, *, org_wide: bool = False) -> Row | None:
        """The stored (sealed) installation serving a workspace."""
        with session_scope(self.engine) as session:
            return stored.installation_for(session, workspace=workspace, org_wide=org_wide)

    def row(self, installation: Installation) -> Row:
        """An installation as stored: tokens sealed, times UTC-aware."""
        workspace = Workspace(installation.team_id or "", installation.enterprise_id)
        org_wide = bool(installation.is_enterprise_install)
        return Row(
            key=stored.installation_key(workspace, org_wide=org_wide),
            team_id=None if org_wide else installation.team_id,
            enterprise_id=installation.enterprise_id,
            is_enterprise_install=org_wide,
            app_id=installation.app_id,
            team_name=installation.team_name,
            enterprise_name=installation.enterprise_name,
            enterprise_url=installation.enterprise_url,
            bot_id=installation.bot_id,
            bot_user_id=installation.bot_user_id,
            bot_scopes=",".join(installation.bot_scopes or []),
            bot_token=self._seal(installation.bot_token),
            bot_refresh_token=self._seal(installation.bot_refresh_token),
            bot_token_expires_at=_moment(installation.bot_token_expires_at),
            installer_id=installation.user_id,
            user_scopes=",".join(installation.user_scopes or []),
            user_token=self._seal(installation.user_token),
            user_refresh_token=self._seal(installation.user_refresh_token),
            user_token_expires_at=_moment(installation.user_token_expires_at),
            installed_at=self._clock(),
        )

    def opened(self, row: Row) -> Installation:
        """A stored installation as slack-sdk models it, tokens opened."""
        return Installation(
            app_id=row.app_id,
            enterprise_id=row.enterprise_id,
            enterprise_name=row.enterprise_name,
            enterprise_url=row.enterprise_url,
            team_id=row.team_id,
            team_name=row.team_name,
            bot_token=self._open(row.bot_token),
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            bot_scopes=row.bot_scopes,
            bot_refresh_token=self._open(row.bot_refresh_token),
            bot_token_expires_at=_unix(row.bot_token_expires_at),
            user_id=row.installer_id,
            user_token=self._open(row.user_token),
            user_scopes=row.user_scopes or "",
            user_refresh_token=self._open(row.user_refresh_token),
            user_token_expires_at=_unix(row.user_token_expires_at),
            is_enterprise_install=row.is_enterprise_install,
            installed_at=row.installed_at.timestamp(),
        )

    def _seal(self, secret: str | None) -> str | None:
        return self.vault.seal(secret) if secret else None

    def _open(self, sealed: str | None) -> str | None:
        return self.vault.open(sealed) if sealed else None


def _org_wide(team_id: str | None, is_enterprise_install: bool | None) -> bool:
    """Bolt asks for an org-wide install with the flag, or with no team at all."""
    return bool(is_enterprise_install) or not team_id


def _moment(unix: int | None) -> datetime | None:
    return datetime.fromtimestamp(unix, UTC) if unix else None


def _unix(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None
