"""Admins change their workspace's types of absence and whether reasons are hidden by default."""

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.leave_types import LeaveType
from bot.core.workspace import Workspace
from bot.organisation.authority import actor_of, is_workspace_admin
from bot.organisation.settings import DEFAULTS, Settings, settings_from, types_to
from storage import setting_queries
from storage.db import begin_writing, session_scope

# The workspace's types as they are, to the types as they will be (LeaveTypeError: refused).
Change = Callable[[tuple[LeaveType, ...]], tuple[LeaveType, ...]]


class Refusal(StrEnum):
    """Why someone may not change a workspace's settings; the catalog words each one."""

    NOT_ADMIN = "not_admin"
    UNKNOWN_ASKER = "unknown_asker"


class Refused(Exception):
    """A change refused before anything was read or written."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def check_admin(client: WebClient, workspace: Workspace, user_id: str) -> None:
    """Refuse anyone but the workspace's admins and owners, as Slack says now (an admin group
    acts for people, it does not change the workspace's settings)."""
    try:
        actor = actor_of(client, workspace, user_id, DEFAULTS)
    except (SlackApiError, OSError):
        raise Refused(Refusal.UNKNOWN_ASKER) from None
    if not is_workspace_admin(actor):
        raise Refused(Refusal.NOT_ADMIN)


def change_types(
    engine: Engine,
    client: WebClient,
    *,
    workspace: Workspace,
    user_id: str,
    now: datetime,
    change: Change,
) -> tuple[LeaveType, ...]:
    """Change the workspace's types if an admin asks; the types after, or LeaveTypeError."""
    check_admin(client, workspace, user_id)
    with session_scope(engine) as session:
        begin_writing(session, "change_types")
        types = change(_settings(session, workspace).leave_types)
        setting_queries.change_workspace_setting(
            session, workspace, by=user_id, now=now, leave_types=types_to(types)
        )
    return types


def change_hiding(
    engine: Engine,
    client: WebClient,
    *,
    workspace: Workspace,
    user_id: str,
    now: datetime,
    hide: bool,
) -> None:
    """Hide every absence's reason by default, or let the types and people decide."""
    check_admin(client, workspace, user_id)
    with session_scope(engine) as session:
        begin_writing(session, "change_hiding")
        setting_queries.change_workspace_setting(
            session, workspace, by=user_id, now=now, hide_reasons=hide
        )


def _settings(session: Session, workspace: Workspace) -> Settings:
    row = setting_queries.workspace_setting(session, workspace.team_id)
    return DEFAULTS if row is None else settings_from(row)
