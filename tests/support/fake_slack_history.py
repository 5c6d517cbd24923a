"""Reading and joining conversations in the fake Slack: conversations.history, .replies and
.join."""

from __future__ import annotations

import copy
from typing import Any

from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import (
    Args,
    Channel,
    Workspace,
    channel_json,
    handles,
    truthy,
)


def _readable(ws: Workspace, channel_id: str, reader: str) -> Channel:
    """A conversation the caller may read: members only; a private one they are not in is
    unknown."""
    channel = ws.channels.get(channel_id)
    if channel is None or not channel.visible_to(reader):
        raise SlackError("channel_not_found")
    if reader not in channel.members:
        raise SlackError("not_in_channel")
    return channel


def _timestamp(raw: Any, error: str, default: float) -> float:
    if raw in (None, ""):
        return default
    try:
        return float(raw)
    except (TypeError, ValueError):
        raise SlackError(error) from None


def _is_reply(message: dict[str, Any]) -> bool:
    """A reply inside a thread (not its parent, not one also sent to the channel)."""
    thread = message.get("thread_ts")
    return bool(thread) and thread != message["ts"] and message.get("subtype") != "thread_broadcast"


def _page(found: list[dict[str, Any]], args: Args) -> dict[str, Any]:
    """One page of messages between `oldest` and `latest`; metadata only when asked for."""
    oldest = _timestamp(args.get("oldest"), "invalid_ts_oldest", 0.0)
    latest = _timestamp(args.get("latest"), "invalid_ts_latest", float("inf"))
    limit = int(args.get("limit") or 100)
    cursor = str(args.get("cursor") or "offset:0")
    if not cursor.startswith("offset:") or not cursor[7:].isdigit():
        raise SlackError("invalid_cursor")
    start = int(cursor[7:])
    found = [m for m in found if oldest < float(m["ts"]) < latest]
    page = [copy.deepcopy(m) for m in found[start : start + min(limit, 999)]]
    for message in page:
        message.pop("channel", None)
        if not truthy(args.get("include_all_metadata")):
            message.pop("metadata", None)
    more = start + limit < len(found)
    body: dict[str, Any] = {"messages": page, "has_more": more}
    if more:
        body["response_metadata"] = {"next_cursor": f"offset:{start + limit}"}
    return body


@handles("conversations.history")
def conversations_history(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """A conversation's messages newest first; replies in threads are not among them."""
    channel = _readable(ws, args["channel"], caller.user_id)
    found = [m for m in reversed(ws.messages.get(channel.id, [])) if not _is_reply(m)]
    return _page(found, args) | {
        "pin_count": 0,
        "channel_actions_ts": None,
        "channel_actions_count": 0,
    }


@handles("conversations.replies")
def conversations_replies(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """A thread, oldest first: its parent, then its replies."""
    channel = _readable(ws, args["channel"], caller.user_id)
    messages = ws.messages.get(channel.id, [])
    if not any(m["ts"] == args["ts"] for m in messages):
        raise SlackError("thread_not_found")
    thread = [m for m in messages if args["ts"] in (m["ts"], m.get("thread_ts"))]
    return _page(thread, args)


@handles("conversations.join")
def conversations_join(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Join a public channel; private ones and DMs cannot be joined this way."""
    channel = ws.channels.get(args["channel"])
    if channel is None:
        raise SlackError("channel_not_found")
    if channel.is_private or channel.im_user:
        raise SlackError("method_not_supported_for_channel_type")
    if channel.is_archived:
        raise SlackError("is_archived")
    body: dict[str, Any] = {}
    if caller.user_id in channel.members:
        body = {
            "warning": "already_in_channel",
            "response_metadata": {"warnings": ["already_in_channel"]},
        }
    channel.members.add(caller.user_id)
    return {"channel": channel_json(channel), **body}
