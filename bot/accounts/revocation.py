"""Slack took tokens back (app uninstalled, tokens revoked): forget them at once."""

import logging
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.texts import N_, _
from storage import account_queries as accounts
from storage import installation_queries as stored
from storage.db import begin_writing, session_scope
from storage.effects_queries import NewEffect, enqueue_effects

logger = logging.getLogger(__name__)


def forget_workspace(engine: Engine, *, workspace: Workspace, org_wide: bool) -> bool:
    """Delete the installation (bot and user tokens) serving a workspace or, org-wide, an org,
    and stop the side effects waiting to use them; whether there was one. Other workspaces
    keep theirs."""
    key = stored.installation_key(workspace, org_wide=org_wide)
    with session_scope(engine) as session:
        removed = stored.delete_installation(session, key=key)
        accounts.forget_workspace_accounts(session, workspace=workspace, org_wide=org_wide)
        stopped = stored.stop_effects(session, workspace=workspace, org_wide=org_wide)
    found = "deleted" if removed else "none stored"
    logger.info("forgot the installation %s (%s), stopped %d effects", key, found, stopped)
    return removed


def forget_user_tokens(
    engine: Engine, *, workspace: Workspace, org_wide: bool, user_ids: list[str], now: datetime
) -> None:
    """Erase the user tokens these people had granted (at install, or by connecting their
    account), keeping the bot's; whoever loses a connected account is told."""
    key = stored.installation_key(workspace, org_wide=org_wide)
    with session_scope(engine) as session:
        begin_writing(session, "forget_user_tokens")
        for user_id in user_ids:
            stored.forget_user_token(session, key=key, user_id=user_id)
            forget_account(session, workspace=workspace, user_id=user_id, now=now)


# What a person whose connected account stopped working is told, once.
FORGOTTEN = N_(
    "Slack no longer lets ooo act as you (the access you gave was revoked), so ooo has "
    "forgotten it: your status and notifications are left as they are. To have ooo set them "
    "again, connect your account from ooo's Home tab."
)


def forget_account(session: Session, *, workspace: Workspace, user_id: str, now: datetime) -> bool:
    """Delete a person's connected account that Slack refused, and tell them once (a DM and
    their Home tab, queued in the same transaction); whether there was one. It reads, then
    writes: its session must have begun as a writer."""
    account = accounts.account_of(session, workspace=workspace, user_id=user_id)
    if account is None:
        return False
    accounts.forget_account(session, workspace=workspace, user_id=user_id)
    key = f"account:{workspace.team_id}:{user_id}:{account.connected_at.timestamp():.0f}:forgotten"
    told = NewEffect(
        key,
        EffectKind.MESSAGE_POST,
        {"channel": user_id, "text": _(FORGOTTEN), "message": FORGOTTEN},
        workspace,
        user_id,
    )
    home = NewEffect(f"{key}:home", EffectKind.HOME_REFRESH, {}, workspace, user_id)
    enqueue_effects(session, effects=[told, home], now=now)
    logger.info("forgot the account %s connected in %s", user_id, workspace.team_id)
    return True
