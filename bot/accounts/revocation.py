"""Slack took tokens back (app uninstalled, tokens revoked): forget them at once."""

import logging

from sqlalchemy import Engine

from storage import installation_queries as stored
from storage.db import session_scope
from storage.queries import Workspace

logger = logging.getLogger(__name__)


def forget_workspace(engine: Engine, *, workspace: Workspace, org_wide: bool) -> bool:
    """Delete the installation (bot and user tokens) serving a workspace or, org-wide, an org,
    and stop the side effects waiting to use them; whether there was one. Other workspaces
    keep theirs."""
    key = stored.installation_key(workspace, org_wide=org_wide)
    with session_scope(engine) as session:
        removed = stored.delete_installation(session, key=key)
        stopped = stored.stop_effects(session, workspace=workspace, org_wide=org_wide)
    found = "deleted" if removed else "none stored"
    logger.info("forgot the installation %s (%s), stopped %d effects", key, found, stopped)
    return removed


def forget_user_tokens(
    engine: Engine, *, workspace: Workspace, org_wide: bool, user_ids: list[str]
) -> None:
    """Erase the user tokens these people had granted, keeping the bot's."""
    key = stored.installation_key(workspace, org_wide=org_wide)
    with session_scope(engine) as session:
        for user_id in user_ids:
            stored.forget_user_token(session, key=key, user_id=user_id)
