"""ooo marks every message it posts, so a delivery cut short is found again, not repeated."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.effect_kinds import EffectKind
from bot.outbox.delivery import Deliverers, Delivery
from bot.texts import _

EVENT_TYPE = "ooo_message"
# Slack timestamps of the bot's own clock can trail ours a little.
LOOKBACK_SECONDS = 120
# What one history read returns to an app distributed outside the Marketplace (which may make
# one such call a minute): ooo reads one page, and only after a delivery was cut short.
HISTORY_ITEMS = 15
UNREADABLE = ("not_in_channel", "channel_not_found")


def metadata_for(key: str) -> dict[str, Any]:
    """The message metadata naming ooo and the effect a message delivers."""
    return {"event_type": EVENT_TYPE, "event_payload": {"effect": key}}


def effect_key_of(message: dict[str, Any]) -> str | None:
    """The effect key a message carries, if ooo posted it."""
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != EVENT_TYPE:
        return None
    key = (metadata.get("event_payload") or {}).get("effect")
    return str(key) if key else None


def is_ooo_message(message: dict[str, Any]) -> bool:
    """Whether a message (an event, or one from history) is one ooo posted."""
    return effect_key_of(message) is not None


def post_once(
    client: WebClient,
    delivery: Delivery,
    *,
    channel: str,
    text: str,
    blocks: Sequence[dict[str, Any]] | None = None,
    thread_ts: str | None = None,
) -> str:
    """Post the effect's message unless an attempt cut short already did; return `channel:ts`."""
    found = posted_earlier(client, delivery, channel=channel, thread_ts=thread_ts)
    if found:
        return found
    answer = client.chat_postMessage(
        channel=channel,
        text=text,
        blocks=blocks,
        thread_ts=thread_ts,
        metadata=metadata_for(delivery.key),
    )
    return f"{answer['channel']}:{answer['ts']}"


def posted_earlier(
    client: WebClient, delivery: Delivery, *, channel: str, thread_ts: str | None = None
) -> str | None:
    """The message an attempt cut short posted (`channel:ts`), if one may have and did."""
    if not delivery.maybe_sent:
        return None
    since = delivery.created_at
    return find_posted(client, channel=channel, key=delivery.key, since=since, thread=thread_ts)


def find_posted(
    client: WebClient, *, channel: str, key: str, since: datetime, thread: str | None = None
) -> str | None:
    """Look among a conversation's (or a thread's) recent messages for one carrying this key."""
    conversation = channel
    if channel[:1] in ("U", "W"):
        conversation = client.conversations_open(users=channel)["channel"]["id"]
    recent: dict[str, Any] = {
        "channel": conversation,
        "oldest": f"{since.timestamp() - LOOKBACK_SECONDS:.6f}",
        "limit": HISTORY_ITEMS,
        "include_all_metadata": True,
    }
    try:
        if thread:  # replies in a thread are not in the conversation's history
            page = client.conversations_replies(ts=thread, **recent)
        else:
            page = client.conversations_history(**recent)
    except SlackApiError as error:
        if error.response.get("error") in UNREADABLE:
            return None
        raise
    for message in page["messages"]:
        if effect_key_of(message) == key:
            return f"{conversation}:{message['ts']}"
    return None


def post_message(client: WebClient, delivery: Delivery) -> str:
    """Post a message: payload `channel`, `text` rendered when it was enqueued, maybe `blocks`;
    or a catalog `message` (no parameters) rendered now, for the reader the outbox speaks to
    (`text` beside it is what a replica that predates `message` posts)."""
    payload = delivery.payload
    text = _(payload["message"]) if payload.get("message") else payload["text"]
    return post_once(
        client,
        delivery,
        channel=payload["channel"],
        text=text,
        blocks=payload.get("blocks"),
    )


DELIVERERS: Deliverers = {EffectKind.MESSAGE_POST: post_message}
