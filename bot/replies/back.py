"""When an absence ends: tell who asked, and give the owner the digest of what they missed.

The lifecycle's off transition plans it (a `reply.back` step), so it comes with the welcome back.
"""

from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlmodel import Session

from bot.blocks.missed_digest import digest_message, shown
from bot.blocks.replies import back_note
from bot.core.effect_kinds import EffectKind
from bot.core.responder_value import Responder
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.post_once import post_once
from bot.replies.lookup import message_link
from storage import reply_queries, responder_queries
from storage.db import begin_writing, session_scope
from storage.effects_queries import enqueue_effect

# Keys begin with the kinds' names from before kinds were named `area.verb`: nothing recorded
# before is recorded again.
REMIND_KEY, DIGEST_KEY = "reply_remind", "reply_digest"


def _end(responder: Responder) -> str:
    """The end an absence had, naming one absence among a responder's edits."""
    end = responder.ends_at
    return end.astimezone(UTC).isoformat() if end else "open"


def _enqueue(
    session: Session,
    responder: Responder,
    *,
    kind: EffectKind,
    key: str,
    now: datetime,
    not_before: datetime | None = None,
    **extra: object,
) -> bool:
    return enqueue_effect(
        session,
        key=key,
        kind=kind,
        payload={"responder_id": responder.id, **extra},
        workspace=responder.workspace,
        now=now,
        owner_id=responder.owner_id,
        responder_id=responder.id,
        not_before=not_before,
    )


def send_digest(session: Session, *, responder: Responder, now: datetime, key: str) -> bool:
    """Queue the owner's digest DM; False when this one was already queued."""
    key = f"{DIGEST_KEY}:{responder.id}:{key}"
    return _enqueue(session, responder, kind=EffectKind.REPLY_DIGEST, key=key, now=now)


def _ended(delivery: Delivery) -> Responder | None:
    """The responder whose absence ended, deleted ones too: deleting one that is on ends it."""
    with session_scope(delivery.engine) as session:
        return responder_queries.responder_by_id(
            session, responder_id=delivery.payload["responder_id"]
        )


def absence_ended(client: WebClient, delivery: Delivery) -> str:
    """The absence ended: queue the reminders, and the digest if the owner keeps one."""
    with session_scope(delivery.engine) as session:
        # It reads, then queues: on SQLite a reader cannot wait for the write lock later.
        begin_writing(session, "absence_ended")
        responder = responder_queries.responder_by_id(session, responder_id=delivery.responder_id)
        if responder is None:
            return "responder gone"
        end = _end(responder)
        for sender in reply_queries.reminded(session, responder_id=responder.id):
            key = f"{REMIND_KEY}:{responder.id}:{sender}:{end}"
            remind = EffectKind.REPLY_REMIND
            _enqueue(session, responder, kind=remind, key=key, now=delivery.now, to=sender)
        mentions = reply_queries.mentions_of(session, responder_id=responder.id)
        if responder.keep_digest and mentions:
            send_digest(session, responder=responder, now=delivery.now, key=end)
    return "planned"


def remind(client: WebClient, delivery: Delivery) -> str:
    """Tell someone who asked that the absent person is back."""
    responder = _ended(delivery)
    if responder is None:
        return "responder gone"
    with delivery.speaking_to(client, delivery.payload["to"]):
        text = back_note(responder)
    return post_once(client, delivery, channel=delivery.payload["to"], text=text)


def digest(client: WebClient, delivery: Delivery) -> str:
    """DM the owner who wrote, where and when, with links, and what ooo answered."""
    responder = _ended(delivery)
    if responder is None:
        return "responder gone"
    with session_scope(delivery.engine) as session:
        mentions = reply_queries.mentions_of(session, responder_id=responder.id)
        counted = reply_queries.counts(session, responder_id=responder.id)
    unlinked = [mention for mention in shown(mentions) if mention.permalink is None]
    if unlinked:
        # Built as Slack writes them, not asked one by one: hundreds of chat.getPermalink
        # calls would take most of a lease. Kept, so a second digest builds none.
        workspace_url = str(client.auth_test()["url"])
        with session_scope(delivery.engine) as session:
            for mention in unlinked:
                mention.permalink = message_link(
                    workspace_url,
                    channel=mention.channel_id,
                    ts=mention.message_ts,
                    thread_ts=mention.thread_ts,
                )
                reply_queries.keep_permalink(
                    session,
                    responder_id=responder.id,
                    channel_id=mention.channel_id,
                    message_ts=mention.message_ts,
                    permalink=mention.permalink,
                )
    text, blocks = digest_message(
        responder,
        mentions,
        replied=counted.get(reply_queries.REPLIED, 0),
        held=counted.get(reply_queries.HELD, 0),
    )
    return post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)


DELIVERERS: Deliverers = {
    EffectKind.REPLY_BACK: absence_ended,
    EffectKind.REPLY_REMIND: remind,
    EffectKind.REPLY_DIGEST: digest,
}
