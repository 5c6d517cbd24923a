"""Queries on connected accounts: one person's own (sealed) user token per workspace."""

import json
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.db import locked_first
from storage.models import ConnectedAccount, ResponderRow


def account_of(session: Session, *, workspace: Workspace, user_id: str) -> ConnectedAccount | None:
    """The account a person connected in a workspace, if any."""
    query = select(ConnectedAccount).where(
        ConnectedAccount.team_id == workspace.team_id, ConnectedAccount.user_id == user_id
    )
    return session.exec(query).first()


def locked_account(session: Session, *, account_id: int) -> ConnectedAccount | None:
    """Read an account and hold it until the transaction ends (see `locked_first`)."""
    query = select(ConnectedAccount).where(ConnectedAccount.id == account_id)
    return locked_first(session, query, "locked_account")


def save_account(session: Session, *, account: ConnectedAccount) -> ConnectedAccount:
    """Keep a newly connected account, replacing the person's earlier one in that workspace."""
    workspace = Workspace(account.team_id, account.enterprise_id)
    forget_account(session, workspace=workspace, user_id=account.user_id)
    session.add(account)
    session.flush()
    return account


def forget_account(session: Session, *, workspace: Workspace, user_id: str) -> bool:
    """Delete a person's connected account; whether there was one."""
    removed = session.execute(
        delete(ConnectedAccount).where(
            col(ConnectedAccount.team_id) == workspace.team_id,
            col(ConnectedAccount.user_id) == user_id,
        )
    )
    return bool(removed.rowcount)  # type: ignore[attr-defined]


def forget_workspace_accounts(session: Session, *, workspace: Workspace, org_wide: bool) -> int:
    """Delete every account connected in a workspace (or, org-wide, in an org); how many."""
    where = (
        col(ConnectedAccount.enterprise_id) == workspace.enterprise_id
        if org_wide
        else col(ConnectedAccount.team_id) == workspace.team_id
    )
    return int(session.execute(delete(ConnectedAccount).where(where)).rowcount)  # type: ignore[attr-defined]


def every_account(session: Session) -> list[ConnectedAccount]:
    """Every connected account, for checking and rotating the key."""
    return list(session.exec(select(ConnectedAccount).order_by(col(ConnectedAccount.id))))


def keep_saved_status(
    session: Session, *, responder_id: int, theirs: dict[str, Any] | None, ours: dict[str, Any]
) -> None:
    """Save the owner's status and ooo's about to be set; theirs saved already (by an attempt
    cut short after its set, or an absence not yet put back) stays theirs."""
    fresh = json.dumps({"theirs": theirs, "ours": ours})
    session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.id) == responder_id, col(ResponderRow.saved_status).is_(None))
        .values(saved_status=fresh)
    )
    kept = session.exec(
        select(ResponderRow.saved_status).where(ResponderRow.id == responder_id)
    ).first()
    if kept is not None and kept != fresh:
        replace_saved_ours(session, responder_id=responder_id, was=kept, ours=ours)


def replace_saved_ours(
    session: Session, *, responder_id: int, was: str, ours: dict[str, Any]
) -> None:
    """Record ooo's status as set now, keeping theirs, unless the saved one changed since read."""
    saved = json.dumps({"theirs": json.loads(was)["theirs"], "ours": ours})
    session.execute(
        update(ResponderRow)
        .where(col(ResponderRow.id) == responder_id, col(ResponderRow.saved_status) == was)
        .values(saved_status=saved)
    )


def clear_saved_status(session: Session, *, responder_id: int) -> None:
    """Forget a responder's saved status once it was put back (or left as the owner made it)."""
    session.execute(
        update(ResponderRow).where(col(ResponderRow.id) == responder_id).values(saved_status=None)
    )
