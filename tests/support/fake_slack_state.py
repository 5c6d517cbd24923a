"""The fake workspace's state and its Web API methods on people, conversations and groups."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.support.fake_slack_checks import SlackError, Token

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
APP_ID = "A0001"
Args = dict[str, Any]
Handler = Callable[["Workspace", Args, Token], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handles(method: str) -> Callable[[Handler], Handler]:
    """Register a function as the fake's implementation of a Web API method."""

    def register(handler: Handler) -> Handler:
        HANDLERS[method] = handler
        return handler

    return register


@dataclass
class User:
    """A person (or bot) in the workspace."""

    id: str
    name: str
    tz: str = "Europe/Paris"
    locale: str = "en-US"
    is_bot: bool = False
    real_name: str | None = None
    deleted: bool = False
    # Set for someone from another organization, met in a shared channel.
    home_team: str | None = None
    # "member", "admin", "owner" or "primary_owner", as users.info's is_* flags say.
    role: str = "member"
    # The Enterprise Grid org of someone from another workspace (None: this workspace's org).
    enterprise: str | None = None


@dataclass
class Channel:
    """A conversation: a channel, a private channel, a DM with the bot or between two people."""

    id: str
    name: str
    members: set[str] = field(default_factory=set)
    is_private: bool = False
    is_archived: bool = False
    im_user: str | None = None
    is_mpim: bool = False
    # The two people of a DM between people (the bot is not in it).
    im_pair: tuple[str, str] | None = None

    def other_member(self, viewer: str) -> str | None:
        """Whom a DM is with, as `viewer` sees it."""
        if self.im_pair is None:
            return self.im_user
        first, second = self.im_pair
        return second if viewer == first else first

    def visible_to(self, viewer: str) -> bool:
        """Whether a token acting as `viewer` may know the conversation exists."""
        return not self.is_private or viewer in self.members


@dataclass
class Workspace:
    """Everything the fake Slack remembers, guarded by FakeSlack's lock."""

    team_id: str
    enterprise_id: str | None = None
    trigger_ttl: float = 3.0
    # Slack may return fewer items than asked for; a small page makes paging observable.
    page_size: int = 1000
    users: dict[str, User] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    usergroups: dict[str, dict[str, Any]] = field(default_factory=dict)
    dms: dict[str, str] = field(default_factory=dict)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ephemerals: list[dict[str, Any]] = field(default_factory=list)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    stacks: dict[str, list[str]] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)
    triggers: dict[str, tuple[str, float, bool]] = field(default_factory=dict)
    socket_url: str | None = None
    # Where the fake serves itself, for the upload URLs it hands out; files by id (F…).
    base_url: str = ""
    files: dict[str, Any] = field(default_factory=dict)
    # Each person's status (text, emoji, expiration) and when their snooze ends (Unix time).
    statuses: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    snoozes: dict[str, int] = field(default_factory=dict)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    serial: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    last_micros: int = 0

    def next_ts(self) -> str:
        """A unique, increasing message timestamp like Slack's: the real time, in microseconds."""
        self.last_micros = max(self.last_micros + 1, int(time.time() * 1_000_000))
        return f"{self.last_micros // 1_000_000}.{self.last_micros % 1_000_000:06d}"

    def dm_with(self, user_id: str) -> Channel:
        """The bot's DM with a person, created on first use with a stable id."""
        if user_id not in self.users:
            raise SlackError("user_not_found")
        if user_id not in self.dms:
            dm = Channel(
                # Unique across workspaces, so a token used in the wrong one finds no such DM.
                f"D{self.team_id[-4:]}{len(self.dms) + 1:04d}",
                user_id,
                {user_id, BOT_USER_ID},
                True,
                im_user=user_id,
            )
            self.dms[user_id] = dm.id
            self.channels[dm.id] = dm
        return self.channels[self.dms[user_id]]

    def conversation(self, channel_id: str) -> Channel:
        """The conversation a `channel` argument names: a conversation id or a person's id (DM)."""
        if channel_id[:1] in ("U", "W") and channel_id in self.users:
            return self.dm_with(channel_id)
        if channel_id not in self.channels:
            raise SlackError("channel_not_found")
        return self.channels[channel_id]

    def user_json(self, user: User, *, include_locale: bool = False) -> dict[str, Any]:
        """A user object shaped like `users.info`'s."""
        now = datetime.now(ZoneInfo(user.tz))
        offset = now.utcoffset()
        body: dict[str, Any] = {
            "id": user.id,
            "team_id": user.home_team or self.team_id,
            "name": user.name,
            "deleted": user.deleted,
            "real_name": user.real_name or user.name.title(),
            "tz": user.tz,
            "tz_label": now.tzname(),
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "is_bot": user.is_bot,
            # Owners are admins too, as Slack reports them.
            "is_admin": user.role != "member",
            "is_owner": user.role in ("owner", "primary_owner"),
            "is_primary_owner": user.role == "primary_owner",
            "profile": {
                "real_name": user.real_name or user.name.title(),
                "display_name": user.name,
            },
        }
        # On Enterprise Grid, users.info says which org a person belongs to.
        org = user.enterprise or (None if user.home_team else self.enterprise_id)
        if org:
            body["enterprise_user"] = {
                "id": user.id,
                "enterprise_id": org,
                "enterprise_name": org,
                "is_admin": body["is_admin"],
                "is_owner": body["is_owner"],
                "teams": [body["team_id"]],
            }
        if include_locale:
            body["locale"] = user.locale
        return body


def truthy(value: Any) -> bool:
    """A boolean argument as Slack reads it from JSON, forms and query strings."""
    return value in (True, 1, "1", "true", "True")


def channel_json(channel: Channel, viewer: str = BOT_USER_ID) -> dict[str, Any]:
    """A conversation object shaped like `conversations.info`'s, as `viewer` sees it."""
    if channel.im_user or channel.im_pair:
        user = channel.other_member(viewer)
        return {"id": channel.id, "is_im": True, "user": user, "is_open": True}
    return {
        "id": channel.id,
        "name": channel.name,
        "is_channel": not channel.is_private,
        "is_group": channel.is_private,
        "is_im": False,
        "is_mpim": channel.is_mpim,
        "is_private": channel.is_private,
        "is_archived": channel.is_archived,
        "is_member": viewer in channel.members,
        "num_members": len(channel.members),
    }


@handles("auth.test")
def auth_test(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Who the token belongs to."""
    body = {
        "url": "https://ooo-test.slack.com/",
        "team": "ooo test",
        "user": ws.users[caller.user_id].name,
        "team_id": ws.team_id,
        "user_id": caller.user_id,
        "is_enterprise_install": False,
    }
    if caller.is_bot:
        body["bot_id"] = BOT_ID
    if ws.enterprise_id:
        body["enterprise_id"] = ws.enterprise_id
    return body


@handles("apps.connections.open")
def apps_connections_open(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """A Socket Mode WebSocket URL, for an app-level token only."""
    if not caller.value.startswith("xapp-"):
        raise SlackError("not_allowed_token_type")
    if ws.socket_url is None:
        raise SlackError("fake_not_implemented", ["call FakeSlack.serve_socket_mode first"])
    return {"url": ws.socket_url}


@handles("users.info")
def users_info(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """One person's profile, time zone and (on request) locale."""
    user = ws.users.get(args["user"])
    if user is None:
        raise SlackError("user_not_found")
    return {"user": ws.user_json(user, include_locale=truthy(args.get("include_locale")))}


CHANNEL_TYPES = ("public_channel", "private_channel", "mpim", "im")


def _type_of(channel: Channel) -> str:
    if channel.im_user:
        return "im"
    if channel.is_mpim:
        return "mpim"
    return "private_channel" if channel.is_private else "public_channel"


@handles("conversations.list")
def conversations_list(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Conversations of the requested types, a page at a time."""
    types = str(args.get("types") or "public_channel").split(",")
    if any(kind not in CHANNEL_TYPES for kind in types):
        raise SlackError("invalid_types")
    limit = int(args.get("limit") or 100)
    if not 1 <= limit <= 1000:
        raise SlackError("invalid_limit")
    cursor = str(args.get("cursor") or "offset:0")
    if not cursor.startswith("offset:") or not cursor[7:].isdigit():
        raise SlackError("invalid_cursor")
    start, limit = int(cursor[7:]), min(limit, ws.page_size)
    found = [
        channel_json(c)
        for c in ws.channels.values()
        if _type_of(c) in types
        and not (truthy(args.get("exclude_archived")) and c.is_archived)
        and (not c.is_private or c.im_user or BOT_USER_ID in c.members)
    ]
    page = found[start : start + limit]
    more = start + limit < len(found)
    return {
        "channels": page,
        "response_metadata": {"next_cursor": f"offset:{start + limit}" if more else ""},
    }


@handles("conversations.info")
def conversations_info(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """One conversation, if the caller may see it."""
    channel = ws.conversation(args["channel"])
    if not channel.visible_to(caller.user_id):
        raise SlackError("channel_not_found")
    return {"channel": channel_json(channel, caller.user_id)}


@handles("conversations.open")
def conversations_open(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """The DM with one person (group DMs are not modelled)."""
    users = [u for u in str(args.get("users") or "").split(",") if u]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) > 1:
        raise SlackError("fake_not_implemented", ["group DMs are not modelled by the fake"])
    dm = ws.dm_with(users[0])
    return {"channel": channel_json(dm) if truthy(args.get("return_im")) else {"id": dm.id}}


def _usergroup(ws: Workspace, usergroup_id: str) -> dict[str, Any]:
    if usergroup_id not in ws.usergroups:
        raise SlackError("no_such_subteam")
    return ws.usergroups[usergroup_id]


@handles("usergroups.list")
def usergroups_list(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Every user group, with members on request."""
    groups = []
    for group in ws.usergroups.values():
        shown = {k: v for k, v in group.items() if k != "users"}
        shown["user_count"] = len(group["users"])
        if truthy(args.get("include_users")):
            shown["users"] = list(group["users"])
        groups.append(shown)
    return {"usergroups": groups}


@handles("usergroups.users.list")
def usergroups_users_list(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """The members of one user group."""
    return {"users": list(_usergroup(ws, args["usergroup"])["users"])}
