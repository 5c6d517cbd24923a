"""Who may act for others: Slack's admins and owners, asked fresh, and the admin group."""

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.on_behalf import Actor, Person
from bot.core.workspace import Workspace
from bot.organisation.settings import Settings
from bot.slack.memberships import load_members

# What users.info answers for a user id no one has.
UNKNOWN_USER = frozenset({"user_not_found", "user_not_visible"})


def actor_of(client: WebClient, workspace: Workspace, user_id: str, settings: Settings) -> Actor:
    """Who asks, as users.info says now (never cached: a demoted admin loses rights at once).

    Raises SlackApiError or OSError when Slack can't say; callers refuse rather than guess.
    """
    user = client.users_info(user=user_id)["user"]
    group = settings.admin_group_id
    in_group = bool(group) and user_id in load_members(client, str(group))
    return Actor(
        user_id=user_id,
        team_id=str(user.get("team_id") or workspace.team_id),
        enterprise_id=(user.get("enterprise_user") or {}).get("enterprise_id"),
        is_admin=bool(user.get("is_admin")),
        is_owner=bool(user.get("is_owner") or user.get("is_primary_owner")),
        in_admin_group=in_group,
        deleted=bool(user.get("deleted")),
    )


def is_workspace_admin(actor: Actor) -> bool:
    """Whether they may change the workspace's settings: its admins and owners only."""
    return actor.is_admin or actor.is_owner


def person_of(client: WebClient, user_id: str) -> Person:
    """Whom an action is for, as users.info says; `found` False when no such user exists."""
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        if error.response.get("error") in UNKNOWN_USER:
            return Person(user_id=user_id, found=False)
        raise
    return Person(
        user_id=user_id,
        team_id=str(user.get("team_id") or ""),
        enterprise_id=(user.get("enterprise_user") or {}).get("enterprise_id"),
        deleted=bool(user.get("deleted")),
        is_bot=bool(user.get("is_bot")) or user_id == "USLACKBOT",
    )
