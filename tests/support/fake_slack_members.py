"""Who is in the fake workspace and its channels: users.list and conversations.members, paged."""

from __future__ import annotations

from typing import Any

from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import BOT_USER_ID, Args, Workspace, handles


def _page(ws: Workspace, args: Args, items: list[Any], default_limit: int) -> tuple[list[Any], str]:
    """One page of items and the cursor to the next ("" at the end), as Slack pages them."""
    limit = int(args.get("limit") or default_limit)
    if limit < 0 or limit > 1000:
        raise SlackError("invalid_limit")
    cursor = str(args.get("cursor") or "offset:0")
    if not cursor.startswith("offset:") or not cursor[7:].isdigit():
        raise SlackError("invalid_cursor")
    start = int(cursor[7:])
    size = min(limit or len(items) or 1, ws.page_size)
    more = start + size < len(items)
    return items[start : start + size], f"offset:{start + size}" if more else ""


@handles("users.list")
def users_list(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """The workspace's own people, bots and deactivated accounts included (with their flags)."""
    own = [u for u in ws.users.values() if u.home_team is None]
    include_locale = args.get("include_locale") in (True, "true", "1")
    page, cursor = _page(ws, args, own, default_limit=0)
    return {
        "members": [ws.user_json(u, include_locale=include_locale) for u in page],
        "response_metadata": {"next_cursor": cursor},
    }


@handles("conversations.members")
def conversations_members(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Members of a channel; a private one only for its members, as Slack hides it otherwise.

    Each kind of conversation needs its own scope, for a bot and a person alike.
    """
    channel = ws.conversation(args["channel"])
    needed = "mpim:read" if channel.is_mpim else "groups:read"
    if channel.is_private and not channel.im_user and needed not in caller.scopes:
        raise SlackError("missing_scope", needed=needed)
    if channel.is_private and caller.user_id not in channel.members:
        raise SlackError("channel_not_found")
    if channel.im_user:
        raise SlackError("method_not_supported_for_channel_type")
    members = sorted(channel.members, key=lambda u: (u == BOT_USER_ID, u))
    page, cursor = _page(ws, args, members, default_limit=100)
    return {"members": page, "response_metadata": {"next_cursor": cursor}}
