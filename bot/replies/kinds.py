"""The effects of a mention: the private reply (or its DM fallback), the forwarded copy, the
note to the backup and the nudge to an absent person who posts."""

from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.replies import (
    backup_note,
    forward_message,
    nudge_message,
    reply_as_owner,
    reply_message,
)
from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.responder_value import Responder
from bot.organisation.returns import back_of
from bot.organisation.settings import shown_type
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.post_once import post_once
from bot.replies.lookup import permalink_of, undeleted_responder_of
from bot.responders.targets import speaks_for
from storage import reply_queries
from storage.db import session_scope

# Each effect's key begins with its kind's name from before kinds were named `area.verb`, so
# no effect recorded before is recorded, and sent, again.
REPLY_KEY, FORWARD_KEY, NUDGE_KEY = "reply", "reply_forward", "reply_nudge"
BACKUP_KEY = "reply_backup"
# Where an ephemeral can't reach the sender: they left, or the bot was removed meanwhile.
UNREACHABLE = frozenset({"user_not_in_channel", "channel_not_found", "not_in_channel"})
# A group's or channel's responder whose owner left it no longer speaks for it.
OWNER_LEFT = "owner left"


def _on(responder: Responder | None, delivery: Delivery) -> Responder | None:
    """The responder if it still exists and is on as the effect goes out."""
    if responder is None:
        return None
    phase = phase_at(responder.starts_at, responder.ends_at, delivery.now)
    return responder if phase is Phase.ACTIVE else None


def _ephemeral(
    client: WebClient, delivery: Delivery, user: str, text: str, blocks: list[dict[str, Any]]
) -> bool:
    """Show a message privately where the mention was; False when Slack can't show it there."""
    place = delivery.payload
    try:
        client.chat_postEphemeral(
            channel=place["channel"],
            user=user,
            text=text,
            blocks=blocks,
            thread_ts=place.get("thread_ts"),
        )
    except SlackApiError as error:
        if error.response.get("error") in UNREACHABLE:
            return False
        raise
    return True


def send_reply(client: WebClient, delivery: Delivery) -> str:
    """Answer the sender privately in place, or in a DM when the place can't show it.

    ooo can show nothing in someone else's DM: a direct message is answered in a DM from ooo,
    or in that conversation as its owner (still connected) when they chose so, or when the
    sender is from another organization, whom ooo can't message.
    """
    responder = _on(undeleted_responder_of(delivery), delivery)
    if responder is None:
        return "responder off"
    if not speaks_for(client, delivery.services.directory, responder):
        return OWNER_LEFT
    place, sender = delivery.payload, delivery.payload["sender"]
    in_conversation = place.get("direct") and (responder.reply_as_me or place["external"])
    owner = delivery.as_owner() if in_conversation else None
    # The frame is the sender's to read, in their language; the owner's message is as written.
    with delivery.speaking_to(client, sender):
        return _answer(client, delivery, responder, owner)


def _answer(
    client: WebClient, delivery: Delivery, responder: Responder, owner: WebClient | None
) -> str:
    """Post the reply in the conversation as its owner, else privately, else in a DM."""
    place, sender = delivery.payload, delivery.payload["sender"]
    shown = shown_type(delivery.engine, delivery.workspace, responder)
    back = back_of(delivery.engine, responder)
    if owner is not None:
        text = reply_as_owner(responder, back=back, external=place["external"], shown=shown)
        channel, thread = place["channel"], place["thread_ts"]
        return "as owner " + post_once(
            owner, delivery, channel=channel, text=text, thread_ts=thread
        )
    wanted = {responder.owner_id, *([responder.backup_id] if responder.backup_id else [])}
    directory = delivery.services.directory
    names = directory.display_names(client, team_id=delivery.workspace.team_id, user_ids=wanted)
    text, blocks = reply_message(
        responder, back=back, place=place, external=place["external"], names=names, shown=shown
    )
    if not place.get("direct") and _ephemeral(client, delivery, sender, text, blocks):
        return "ephemeral"
    if place["external"]:
        return "unreachable"  # the app can't open a DM with someone from another organization
    return "dm " + post_once(client, delivery, channel=sender, text=text, blocks=blocks)


def _permalink(client: WebClient, delivery: Delivery) -> str | None:
    """The link to the message an effect is about, kept for the digest; None once deleted."""
    channel, ts = delivery.payload["channel"], delivery.payload["ts"]
    link = permalink_of(client, channel=channel, ts=ts, owner=delivery.as_owner)
    if link is None:
        return None
    with session_scope(delivery.engine) as session:
        reply_queries.keep_permalink(
            session,
            responder_id=delivery.payload["responder_id"],
            channel_id=channel,
            message_ts=ts,
            permalink=link,
        )
    return link


def forward_copy(client: WebClient, delivery: Delivery) -> str:
    """Send the forward target a link to the message, with who wrote it and where."""
    responder = undeleted_responder_of(delivery)
    if responder is None:
        return "responder deleted"
    if not speaks_for(client, delivery.services.directory, responder):
        return OWNER_LEFT
    place, link = delivery.payload, _permalink(client, delivery)
    if link is None:
        return "message deleted"
    names, in_channel = None, place["to"][:1] in ("C", "G")
    if in_channel:  # a copy in a channel names people, never pings them
        wanted = {place["sender"], responder.owner_id}
        directory, team_id = delivery.services.directory, delivery.workspace.team_id
        names = directory.display_names(client, team_id=team_id, user_ids=wanted)
    many, one = delivery.speaking_to_many, delivery.speaking_to
    with many(client, responder.owner_id) if in_channel else one(client, place["to"]):
        text = forward_message(
            responder,
            sender=place["sender"],
            channel=place["channel"],
            permalink=link,
            at=datetime.fromtimestamp(float(place["ts"]), UTC),
            names=names,
        )
    return post_once(client, delivery, channel=place["to"], text=text)


def notify_backup(client: WebClient, delivery: Delivery) -> str:
    """Tell the backup who is looking for the absent person, where, with a link."""
    responder = undeleted_responder_of(delivery)
    if responder is None:
        return "responder deleted"
    if not speaks_for(client, delivery.services.directory, responder):
        return OWNER_LEFT
    place = delivery.payload
    link = _permalink(client, delivery)
    if link is None:
        return "message deleted"
    with delivery.speaking_to(client, place["to"]):
        text = backup_note(
            responder,
            back=back_of(delivery.engine, responder),
            sender=place["sender"],
            channel=place["channel"],
            permalink=link,
        )
    return post_once(client, delivery, channel=place["to"], text=text)


def nudge_owner(client: WebClient, delivery: Delivery) -> str:
    """Remind an absent person who just posted that their responder is still on."""
    responder = _on(undeleted_responder_of(delivery), delivery)
    if responder is None:
        return "responder off"
    text, blocks = nudge_message(responder, back=back_of(delivery.engine, responder))
    shown = _ephemeral(client, delivery, responder.owner_id, text, blocks)
    return "ephemeral" if shown else "unreachable"


DELIVERERS: Deliverers = {
    EffectKind.REPLY_PRIVATE: send_reply,
    EffectKind.REPLY_FORWARD: forward_copy,
    EffectKind.REPLY_BACKUP: notify_backup,
    EffectKind.REPLY_NUDGE: nudge_owner,
}
