"""The admin group: the user group whose members may act for others, as its admins choose it."""

from dataclasses import dataclass
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from bot.organisation.authority import actor_of, is_workspace_admin
from bot.organisation.settings import settings_of
from storage import setting_queries
from storage.db import begin_writing, session_scope

# Free workspaces have no user groups; a group Slack does not know is the same to the asker.
NO_GROUPS = frozenset({"plan_upgrade_required", "no_such_subteam"})


@dataclass(frozen=True)
class Group:
    """A user group as ooo names it: its id and its `@handle`."""

    id: str
    label: str


class NotAdmin(Exception):
    """Only the workspace's admins and owners choose the admin group."""


def current_group(engine: Engine, workspace: Workspace) -> Group | None:
    """The admin group chosen, if any."""
    settings = settings_of(engine, workspace)
    if not settings.admin_group_id:
        return None
    return Group(settings.admin_group_id, settings.admin_group_label or settings.admin_group_id)


def find_group(client: WebClient, *, group_id: str | None, handle: str | None) -> Group | None:
    """The user group with this id or `@handle`, as Slack knows it now; None if none."""
    try:
        groups = client.usergroups_list()["usergroups"]
    except SlackApiError as error:
        if error.response.get("error") in NO_GROUPS:
            return None
        raise
    wanted = (handle or "").lstrip("@").lower()
    for group in groups:
        if group.get("date_delete"):
            continue
        if group["id"] == group_id or (wanted and str(group.get("handle", "")).lower() == wanted):
            return Group(group["id"], f"@{group.get('handle') or group['id']}")
    return None


def choose_group(
    client: WebClient,
    engine: Engine,
    *,
    workspace: Workspace,
    actor_id: str,
    group: Group | None,
    now: datetime,
) -> None:
    """Name the admin group (None: no group); NotAdmin unless Slack says the actor is an admin
    or owner now. SlackApiError or OSError when Slack can't say."""
    settings = settings_of(engine, workspace)
    if not is_workspace_admin(actor_of(client, workspace, actor_id, settings)):
        raise NotAdmin
    with session_scope(engine) as session:
        begin_writing(session, "choose_group")
        setting_queries.change_workspace_setting(
            session,
            workspace,
            by=actor_id,
            now=now,
            admin_group_id=group.id if group else None,
            admin_group_label=group.label if group else None,
        )
