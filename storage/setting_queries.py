"""A workspace's and its people's settings: types of absence, hidden reasons, working weeks,
holiday regions and the admin group."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.db import begin_writing
from storage.models import PersonSetting, WorkspaceSetting

# Bound parameters per statement: well under SQLite's and PostgreSQL's limits.
CHUNK = 5000


def workspace_setting(session: Session, team_id: str) -> WorkspaceSetting | None:
    """What a workspace's admins chose, or None while they chose nothing."""
    return session.get(WorkspaceSetting, team_id)


def change_workspace_setting(
    session: Session, workspace: Workspace, *, by: str, now: datetime, **changes: Any
) -> WorkspaceSetting:
    """Set some of a workspace's settings (the row is made on the first change)."""
    _writing(session, "change_workspace_setting")
    row = session.get(WorkspaceSetting, workspace.team_id, with_for_update=True)
    if row is None:
        row = WorkspaceSetting(
            team_id=workspace.team_id, enterprise_id=workspace.enterprise_id, updated_at=now
        )
    for name, value in changes.items():
        if name not in WorkspaceSetting.model_fields or name in ("team_id", "enterprise_id"):
            raise ValueError(f"no workspace setting {name!r}")
        setattr(row, name, value)
    row.updated_by, row.updated_at = by, now
    session.add(row)
    session.flush()
    return row


def person_settings(
    session: Session, team_id: str, user_ids: Iterable[str]
) -> dict[str, PersonSetting]:
    """The settings of those of these people who chose any, by user id."""
    wanted = sorted(set(user_ids))
    found: dict[str, PersonSetting] = {}
    for i in range(0, len(wanted), CHUNK):
        query = select(PersonSetting).where(
            col(PersonSetting.team_id) == team_id,
            col(PersonSetting.user_id).in_(wanted[i : i + CHUNK]),
        )
        found.update((row.user_id, row) for row in session.exec(query))
    return found


def change_person_setting(
    session: Session, team_id: str, user_id: str, *, now: datetime, **changes: str | None
) -> PersonSetting:
    """Set a person's working week or holiday region (None: follow the workspace's)."""
    _writing(session, "change_person_setting")
    row = session.get(PersonSetting, (team_id, user_id), with_for_update=True)
    if row is None:
        row = PersonSetting(team_id=team_id, user_id=user_id, updated_at=now)
    for name, value in changes.items():
        if name not in ("week", "region"):
            raise ValueError(f"no person setting {name!r}")
        setattr(row, name, value)
    row.updated_at = now
    session.add(row)
    session.flush()
    return row


def _writing(session: Session, name: str) -> None:
    """Begin as a writer when the change opens the transaction: it reads, then writes."""
    if not session.in_transaction():
        begin_writing(session, name)


def forget_person(session: Session, team_id: str, user_id: str) -> int:
    """Delete a person's settings (their data deleted); how many rows went."""
    _writing(session, "forget_person")
    row = session.get(PersonSetting, (team_id, user_id))
    if row is None:
        return 0
    session.delete(row)
    return 1
