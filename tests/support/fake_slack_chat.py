"""Messages in the fake Slack: posting, editing, deleting, ephemeral messages and their limits."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from tests.support.fake_slack_blocks import check_blocks, with_ids
from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import (
    APP_ID,
    BOT_ID,
    BOT_USER_ID,
    Args,
    Channel,
    Workspace,
    handles,
)


def _message_content(args: Args) -> dict[str, Any]:
    """Text and blocks of a message, checked against Slack's message limits."""
    text, blocks = args.get("text"), args.get("blocks")
    if not text and not blocks and not args.get("attachments"):
        raise SlackError("no_text")
    if text and len(str(text)) > 40_000:
        raise SlackError("msg_too_long")
    content: dict[str, Any] = {"text": text or ""}
    if blocks is not None:
        problems = check_blocks(blocks, max_blocks=50)
        if problems:
            raise SlackError("invalid_blocks", problems)
        content["blocks"] = with_ids(copy.deepcopy(blocks))
    if args.get("attachments"):
        content["attachments"] = args["attachments"]
    return content


def postable(ws: Workspace, channel_id: str, poster: str) -> Channel:
    channel = ws.conversation(channel_id)
    if channel.is_archived:
        raise SlackError("is_archived")
    if poster not in channel.members:
        raise SlackError("channel_not_found" if channel.is_private else "not_in_channel")
    return channel


# What notifies people in a posted message: a person, a user group's members, or everyone.
PING = re.compile(
    r"<(?:@([UW][A-Z0-9]+)|!subteam\^(S[A-Z0-9]+)|!(here|channel|everyone))(?:\|[^>]*)?>"
)


def _mrkdwn(node: Any) -> Iterator[str]:
    """Every text of a message that Slack reads as markup: its `text` and mrkdwn in blocks."""
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            yield from _mrkdwn(value)
    elif isinstance(node, list):
        for value in node:
            yield from _mrkdwn(value)


def notified(ws: Workspace, message: dict[str, Any]) -> set[str]:
    """Whom a message posted in a conversation notifies, as Slack's mention links do."""
    texts = [str(message.get("text") or ""), *_mrkdwn(message.get("blocks") or [])]
    channel = ws.channels.get(str(message.get("channel")))
    people: set[str] = set()
    for person, group, broadcast in (m for text in texts for m in PING.findall(text)):
        if person:
            people.add(person)
        elif group:
            people |= set(ws.usergroups.get(group, {}).get("users", []))
        elif broadcast and channel is not None:
            people |= set(channel.members)
    return people


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in message.items() if k != "channel"}


@handles("chat.postMessage")
def chat_post_message(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Post a message; a person's id posts into the bot's DM with them. A user token posts
    as its person, like a message they typed."""
    channel = postable(ws, args["channel"], caller.user_id)
    message: dict[str, Any] = {"type": "message", "user": caller.user_id}
    if caller.is_bot:
        message |= {"bot_id": BOT_ID, "app_id": APP_ID}
    message |= _message_content(args) | {
        "ts": ws.next_ts(),
        "team": ws.team_id,
        "channel": channel.id,
    }
    if args.get("thread_ts"):
        message["thread_ts"] = args["thread_ts"]
    if args.get("metadata") is not None:
        message["metadata"] = _metadata(args["metadata"])
    ws.messages.setdefault(channel.id, []).append(message)
    return {"channel": channel.id, "ts": message["ts"], "message": _public(message)}


def _metadata(raw: Any) -> dict[str, Any]:
    """Message metadata as Slack checks it: an event_type name and an event_payload object."""
    if not isinstance(raw, dict):
        raise SlackError("invalid_metadata_format")
    event_type, payload = raw.get("event_type"), raw.get("event_payload")
    if not isinstance(event_type, str) or not event_type or not isinstance(payload, dict):
        raise SlackError("invalid_metadata_schema")
    return {"event_type": event_type, "event_payload": copy.deepcopy(payload)}


def _find_message(ws: Workspace, args: Args) -> tuple[Channel, dict[str, Any]]:
    channel = ws.conversation(args["channel"])
    for message in ws.messages.get(channel.id, []):
        if message["ts"] == args["ts"]:
            return channel, message
    raise SlackError("message_not_found")


@handles("chat.update")
def chat_update(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Replace a message's text and blocks."""
    channel, message = _find_message(ws, args)
    message.pop("blocks", None)
    message |= _message_content(args) | {"edited": {"user": BOT_USER_ID, "ts": ws.next_ts()}}
    return {
        "channel": channel.id,
        "ts": message["ts"],
        "text": message["text"],
        "message": _public(message),
    }


@handles("chat.delete")
def chat_delete(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Delete a message."""
    channel, message = _find_message(ws, args)
    ws.messages[channel.id].remove(message)
    return {"channel": channel.id, "ts": message["ts"]}


@handles("chat.postEphemeral")
def chat_post_ephemeral(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Show a message to one member of a conversation; it never enters the history.

    With `thread_ts` it shows only inside that thread, and only if the thread exists.
    """
    channel = postable(ws, args["channel"], caller.user_id)
    if args["user"] not in channel.members:
        raise SlackError("user_not_in_channel")
    ts = ws.next_ts()
    thread_ts = args.get("thread_ts") or None
    shown = thread_ts is None or any(m["ts"] == thread_ts for m in ws.messages.get(channel.id, []))
    ws.ephemerals.append(
        {"channel": channel.id, "user": args["user"], "message_ts": ts, "thread_ts": thread_ts}
        | {"shown": shown}
        | _message_content(args)
    )
    return {"message_ts": ts}


@handles("chat.getPermalink")
def chat_get_permalink(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """A link to a message the caller may see, in a thread when it is a reply."""
    if not ws.conversation(args["channel"]).visible_to(caller.user_id):
        raise SlackError("channel_not_found")
    channel, message = _find_message(ws, {"channel": args["channel"], "ts": args["message_ts"]})
    link = f"https://ooo-test.slack.com/archives/{channel.id}/p{message['ts'].replace('.', '')}"
    if message.get("thread_ts") and message["thread_ts"] != message["ts"]:
        link += f"?thread_ts={message['thread_ts']}&cid={channel.id}"
    return {"channel": channel.id, "permalink": link}
