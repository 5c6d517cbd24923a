"""Whom a closure is for, as Slack says now: a channel's or user group's members, or everyone,
each with their zone and whether they are a bot or deactivated (one users.list pass)."""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.closures import Member, Scope
from bot.slack.handles import NO_GROUPS_HERE, Handle
from bot.slack.roster_pages import ROSTER_PAGE, SLACKBOT, wait_asked
from bot.team.command import Target
from bot.team.members import Refusal, resolve
from bot.texts import _

PAGE = 1000
# users.list is Tier 2: a large workspace may be asked to wait between pages, a few times.
PATIENCE = 5
UNREADABLE_CHANNEL = frozenset({"channel_not_found", "not_in_channel"})


class Unreadable(Exception):
    """ooo cannot tell who is in that channel or user group; the text says why and what to do."""


@dataclass(frozen=True)
class Listing:
    """Whom a closure reaches: its target's id and label (None for everyone), and its members."""

    target_id: str | None
    label: str | None
    members: tuple[Member, ...]

    @property
    def people(self) -> int:
        """How many members are people who can be away: no bots, no deactivated accounts."""
        return sum(1 for m in self.members if not (m.is_bot or m.deleted))


def listing(
    client: WebClient,
    scope: Scope,
    target: Target | None,
    *,
    asker: str,
    handles: Callable[[], Sequence[Handle]],
) -> Listing:
    """Everyone a closure of this scope reaches; Unreadable when ooo cannot see who that is, or
    `asker` may not (a private channel they are not in)."""
    if scope is Scope.EVERYONE or target is None:
        return Listing(None, None, tuple(_people(client, None)))
    if target.id is None or not target.name:  # a bare `<!subteam^S…>` gets its handle too
        try:
            target = resolve(target, handles())
        except Refusal as refusal:
            raise Unreadable(str(refusal)) from None
    if scope is Scope.GROUP:
        ids, label = _group(client, target)
    else:
        ids, label = _channel(client, target, asker)
    return Listing(target.id, label, tuple(_people(client, ids)))


def _group(client: WebClient, target: Target) -> tuple[list[str], str]:
    try:
        users: list[str] = client.usergroups_users_list(usergroup=str(target.id))["users"]
    except SlackApiError as error:
        code = error.response.get("error")
        if code == NO_GROUPS_HERE:
            raise Unreadable(_("This workspace has no user groups (Slack's free plan).")) from None
        if code == "no_such_subteam":
            raise Unreadable(_("I can't find that user group: it may have been removed.")) from None
        raise
    # Never the `<!subteam^…>` token: shown to the author, it would ping the whole group.
    return users, target.name or "@" + str(target.id)


def _channel(client: WebClient, target: Target, asker: str) -> tuple[list[str], str]:
    channel, members, cursor = str(target.id), [], None
    try:
        info = client.conversations_info(channel=channel)["channel"]
        while True:
            page = client.conversations_members(channel=channel, limit=PAGE, cursor=cursor)
            members += page["members"]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except SlackApiError as error:
        if error.response.get("error") in UNREADABLE_CHANNEL:
            raise Unreadable(
                _(
                    "I can't see who is in {channel}: it's a private channel I'm not in, or "
                    "it no longer exists. Add me there with `/invite @ooo`, or use a user group.",
                    channel=f"<#{channel}>",
                )
            ) from None
        raise
    if info.get("is_im") or info.get("is_mpim"):
        raise Unreadable(_("Pick a channel or a user group, not a direct message."))
    if info.get("is_private") and asker not in members:
        # As the team view: who is in a private channel is only for its members to learn.
        raise Unreadable(
            _(
                "{channel} is a private channel you're not in, so you can't close it.",
                channel=f"<#{channel}>",
            )
        )
    return members, f"<#{channel}>"


def _people(client: WebClient, only: list[str] | None) -> list[Member]:
    """The workspace's own people from users.list (those in `only`, if given), in its order."""
    wanted = None if only is None else set(only)
    found: list[Member] = []
    cursor: str | None = None
    while True:
        page = _page(client, cursor)
        found += [
            _member(u)
            for u in page["members"]
            if not u.get("is_stranger") and (wanted is None or u["id"] in wanted)
        ]
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return found


def _page(client: WebClient, cursor: str | None) -> Any:
    """One page of users.list, waiting as long as Slack asks when it limits the listing."""
    waits = 0
    while True:
        try:
            return client.users_list(limit=ROSTER_PAGE, cursor=cursor, include_locale=True)
        except SlackApiError as error:
            waits += 1
            if error.response.status_code != 429 or waits >= PATIENCE:
                raise
            # After Slack's answer, on a follow-up's thread: nobody waits on this but the asker.
            time.sleep(wait_asked(error).total_seconds())


def _member(user: dict[str, Any]) -> Member:
    return Member(
        user_id=str(user["id"]),
        tz=str(user.get("tz") or ""),
        locale=str(user.get("locale") or ""),
        is_bot=bool(user.get("is_bot")) or user["id"] == SLACKBOT,
        deleted=bool(user.get("deleted")),
    )
