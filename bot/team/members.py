"""Who is in a channel or user group, as people of this organization, and who may look."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.handles import NO_GROUPS_HERE, Handle
from bot.slack.roster_pages import RosterBusy
from bot.team.command import Target, shortened
from bot.texts import N_, _

PAGE = 1000


class Refusal(Exception):
    """A team that cannot be shown to this person; the text tells them why and what to do."""


class Busy(Refusal):
    """Slack can't say who is in a team just now; asking again in a minute will do."""


BUSY = N_("Slack is busy just now, so I can't see who is in that team: try again in a minute.")


class Roster(Protocol):
    """Who a workspace's active people are: no bots, no deactivated accounts, no strangers.

    RosterBusy when Slack can't list them just now and they were never listed before.
    """

    def roster(self, client: WebClient, *, team_id: str) -> frozenset[str]: ...


@dataclass(frozen=True)
class Team:
    """A channel or user group, resolved, with the people in it (bots and guests left out)."""

    id: str
    label: str
    people: list[str]
    # A private channel's absences are only for its members, and only posted in it.
    private: bool = False

    @property
    def mention(self) -> str:
        """How Slack renders it in a message."""
        return f"<!subteam^{self.id}>" if self.id.startswith("S") else f"<#{self.id}>"


def resolve(target: Target, handles: Sequence[Handle]) -> Target:
    """Give a typed `#name` or `@handle` its id, or a bare `<!subteam^S…>` its handle."""
    for handle in handles:
        if handle.id == target.id or (target.id is None and handle.label.lower() == target.name):
            return Target(handle.id, handle.label)
    if target.id is not None:
        return target
    if target.is_group:
        missing = _(
            "I can't find a user group called {name}. Pick it from the list Slack shows as you "
            "type, or check the spelling.",
            name=shortened(target.name),
        )
    else:
        missing = _(
            "I can't find a public channel called {name}. Pick it from the list Slack shows as "
            "you type, or check the spelling.",
            name=shortened(target.name),
        )
    raise Refusal(missing)


def team_of(
    client: WebClient, target: Target, *, team_id: str, asker: str | None, people: Roster
) -> Team:
    """Read a team's members; `asker` must be in a private channel to see it (None: no check).

    Only the workspace's active people count (`people`: who they are, cached).
    """
    assert target.id is not None
    private = False
    if target.is_group:
        label, members = _group(client, target)
    else:
        label, members, private = _channel(client, target)
        if private and asker is not None and asker not in members:
            raise Refusal(
                _(
                    "{channel} is a private channel you're not in, so I can't show who is "
                    "out there.",
                    channel=target.mention,
                )
            )
    try:
        active = people.roster(client, team_id=team_id)
    except RosterBusy:
        raise Busy(_(BUSY)) from None
    if asker is not None and asker not in active and not _own(client, asker, team_id):
        raise Refusal(_("Only this workspace's members can see its teams."))
    people_in = [m for m in dict.fromkeys(members) if m in active]
    return Team(target.id, label, people_in, private=private)


def _own(client: WebClient, user_id: str, team_id: str) -> bool:
    """Whether someone the roster does not list yet (it is read every few minutes) belongs to
    this workspace, as users.info says now: a guest from another organization does not."""
    return bool(client.users_info(user=user_id)["user"].get("team_id") == team_id)


def _group(client: WebClient, target: Target) -> tuple[str, list[str]]:
    try:
        users: list[str] = client.usergroups_users_list(usergroup=str(target.id))["users"]
    except SlackApiError as error:
        code = error.response.get("error")
        if code == NO_GROUPS_HERE:
            raise Refusal(_("This workspace has no user groups (Slack's free plan).")) from None
        if code == "no_such_subteam":
            raise Refusal(_("I can't find that user group: it may have been removed.")) from None
        raise
    return target.name if target.name.startswith("@") else target.mention, users


def _channel(client: WebClient, target: Target) -> tuple[str, list[str], bool]:
    channel = str(target.id)
    try:
        info = client.conversations_info(channel=channel)["channel"]
        members: list[str] = []
        cursor: str | None = None
        while True:
            page = client.conversations_members(channel=channel, limit=PAGE, cursor=cursor)
            members += page["members"]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except SlackApiError as error:
        if error.response.get("error") in ("channel_not_found", "not_in_channel"):
            raise Refusal(
                _(
                    "I can't see who is in {channel}: it's a private channel I'm not in, or "
                    "it no longer exists. Add me there with `/invite @ooo`, or use a user group.",
                    channel=target.mention,
                )
            ) from None
        raise
    if info.get("is_im") or info.get("is_mpim"):
        raise Refusal(_("Pick a channel or a user group, not a direct message."))
    return f"#{info['name']}", members, bool(info.get("is_private"))
