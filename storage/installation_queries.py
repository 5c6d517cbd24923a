"""Queries on installations and OAuth states: one row per workspace or org-wide install."""

from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.db import locked_first
from storage.effects_queries import FAILED, PENDING
from storage.models import Effect, Installation, OAuthState


def installation_key(workspace: Workspace, *, org_wide: bool) -> str:
    """The one key of an installation: its workspace, or its org for an org-wide install."""
    if org_wide:
        if not workspace.enterprise_id:
            raise ValueError("an org-wide installation needs an enterprise id")
        return f"enterprise:{workspace.enterprise_id}"
    return f"team:{workspace.team_id}"


def installation_for(
    session: Session, *, workspace: Workspace, org_wide: bool = False
) -> Installation | None:
    """The installation serving a workspace: its own, else its org's org-wide one."""
    keys = [installation_key(workspace, org_wide=org_wide)]
    if not org_wide and workspace.enterprise_id:
        keys.append(installation_key(workspace, org_wide=True))
    found = {
        row.key: row
        for row in session.exec(select(Installation).where(col(Installation.key).in_(keys)))
    }
    return next((found[key] for key in keys if key in found), None)


def locked_installation(session: Session, *, key: str) -> Installation | None:
    """Read an installation and hold it until the transaction ends (see `locked_first`)."""
    query = select(Installation).where(Installation.key == key)
    return locked_first(session, query, "locked_installation")


def save_installation(session: Session, *, installation: Installation) -> Installation:
    """Insert an installation, replacing the one with the same key (a reinstall)."""
    session.execute(delete(Installation).where(col(Installation.key) == installation.key))
    session.add(installation)
    session.flush()
    return installation


def delete_installation(session: Session, *, key: str) -> bool:
    """Remove an installation and its tokens; whether there was one."""
    removed = session.execute(delete(Installation).where(col(Installation.key) == key))
    return bool(removed.rowcount)  # type: ignore[attr-defined]


def forget_user_token(session: Session, *, key: str, user_id: str) -> bool:
    """Erase the user token an installer granted, keeping the bot's; whether there was one."""
    erased = session.execute(
        update(Installation)
        .where(
            col(Installation.key) == key,
            col(Installation.installer_id) == user_id,
            col(Installation.user_token).is_not(None),
        )
        .values(user_token=None, user_refresh_token=None, user_token_expires_at=None)
    )
    return bool(erased.rowcount)  # type: ignore[attr-defined]


def every_installation(session: Session) -> list[Installation]:
    """Every installation, for checking and rotating the key."""
    return list(session.exec(select(Installation).order_by(col(Installation.id))))


def add_state(session: Session, *, digest: str, expires_at: datetime, now: datetime) -> None:
    """Remember an issued OAuth state, and forget the ones that expired unused."""
    session.execute(delete(OAuthState).where(col(OAuthState.expires_at) <= now))
    session.add(OAuthState(digest=digest, expires_at=expires_at))
    session.flush()


def spend_state(session: Session, *, digest: str, now: datetime) -> bool:
    """Use an OAuth state up: true only once, and only before it expires."""
    spent = session.execute(
        delete(OAuthState).where(col(OAuthState.digest) == digest, col(OAuthState.expires_at) > now)
    )
    return bool(spent.rowcount)  # type: ignore[attr-defined]


def stop_effects(session: Session, *, workspace: Workspace, org_wide: bool) -> int:
    """Give up, for good, the pending side effects of a workspace (or of every workspace of an
    org) that lost its tokens; how many."""
    where = (
        col(Effect.enterprise_id) == workspace.enterprise_id
        if org_wide
        else col(Effect.team_id) == workspace.team_id
    )
    stopped = session.execute(
        update(Effect)
        .where(where, col(Effect.status) == PENDING)
        .values(status=FAILED, last_error="not_installed")
    )
    return int(stopped.rowcount)  # type: ignore[attr-defined]
