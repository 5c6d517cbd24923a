"""The DMs that confirm a change to its owner: saved (with Edit and Delete), deleted, and ended
by another member of its group or channel.

Each is an effect recorded with the change it confirms, so it is sent once even when Slack or
ooo fails on the way, and drawn from the responder as it is when it goes out.
"""

from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from sqlmodel import Session

from bot.blocks.dialogs import deleted_message, saved_message, superseded_message
from bot.blocks.responder_list import handle_mention
from bot.core.effect_kinds import EffectKind
from bot.core.responder_value import Responder
from bot.organisation.returns import back_of
from bot.organisation.settings import settings_of
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.post_once import post_once
from bot.responders.kinds import SKIPPED, responder_of
from bot.texts import _
from storage import responder_queries
from storage.db import session_scope
from storage.effects_queries import effects_with_key_prefix, enqueue_effect


def confirm_saved(
    session: Session, *, responder: Responder, updated: bool, now: datetime, by: str | None = None
) -> None:
    """Record the saved DM with the save; keyed by revision, so one per save. `by`: who
    changed it for its owner, whom the DM names."""
    payload = {"updated": updated, **({"by": by} if by else {})}
    _record(session, responder, "saved", EffectKind.RESPONDER_SAVED, payload, now)


def confirm_deleted(
    session: Session, *, responder: Responder, now: datetime, by: str | None = None
) -> None:
    """Record the deleted DM with the deletion (`by`: who deleted it for its owner)."""
    _record(
        session, responder, "deleted", EffectKind.RESPONDER_DELETED, {"by": by} if by else {}, now
    )


def confirm_ended_by(
    session: Session, *, responder: Responder, member_id: str, now: datetime
) -> None:
    """Record, with the change, a DM telling the owner which member of the group or channel
    ended their responder for it."""
    member, target = f"<@{member_id}>", handle_mention(responder) or ""
    text = _(
        ":information_source: {member} ended your responder for {target}.",
        member=member,
        target=target,
    )
    enqueue_effect(
        session,
        key=f"responder:{responder.id}:ended-by:{responder.revision}",
        kind=EffectKind.MESSAGE_POST,
        payload={"channel": responder.owner_id, "text": text},
        workspace=responder.workspace,
        now=now,
        owner_id=responder.owner_id,
        responder_id=responder.id,
    )


def _record(
    session: Session,
    responder: Responder,
    name: str,
    kind: EffectKind,
    payload: dict[str, Any],
    now: datetime,
) -> None:
    enqueue_effect(
        session,
        key=f"responder:{responder.id}:{name}:{responder.revision}",
        kind=kind,
        payload=payload,
        workspace=responder.workspace,
        now=now,
        owner_id=responder.owner_id,
        responder_id=responder.id,
    )


def tell_saved(client: WebClient, delivery: Delivery) -> str:
    """DM what was saved, and remember where, so a deletion can retire it.

    Only the newest confirmation keeps its buttons: the one it replaces points to it instead.
    """
    responder = responder_of(delivery)
    if responder.deleted_at is not None or _saved_again(delivery):
        return SKIPPED  # a stale confirmation: the deletion's or the newer save's DM says it
    privacy = settings_of(delivery.engine, delivery.workspace).privacy
    back = back_of(delivery.engine, responder)
    updated, by = bool(delivery.payload["updated"]), delivery.payload.get("by")
    text, blocks = saved_message(responder, back=back, updated=updated, by=by, privacy=privacy)
    where = post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)
    channel, ts = where.split(":", 1)
    # Recorded already by an attempt cut short afterwards: it is the newest, not one to retire.
    if (responder.dm_channel, responder.dm_ts) != (channel, ts):
        _rewrite_saved_dm(client, responder, superseded_message(responder))
        with session_scope(delivery.engine) as session:
            responder_queries.record_dm(
                session,
                workspace=delivery.workspace,
                responder_id=responder.id,
                channel=channel,
                ts=ts,
            )
    return where


def _saved_again(delivery: Delivery) -> bool:
    """Whether the responder was saved again after the save this delivery confirms."""
    prefix = f"responder:{delivery.responder_id}:saved:"
    with session_scope(delivery.engine) as session:
        saves = effects_with_key_prefix(session, prefix=prefix)
    return any(int(e.key.removeprefix(prefix)) > _revision(delivery.key) for e in saves)


def _revision(key: str) -> int:
    """The revision a confirmation's key names (`responder:<id>:saved:<revision>`)."""
    return int(key.rsplit(":", 1)[1])


def tell_deleted(client: WebClient, delivery: Delivery) -> str:
    """Take the buttons off the DM that confirmed the save, then confirm the deletion."""
    responder = responder_of(delivery)
    back = back_of(delivery.engine, responder)
    # Who deleted it is news told once, in the new DM; the old one only stops offering buttons.
    _rewrite_saved_dm(client, responder, deleted_message(responder, back=back))
    text, blocks = deleted_message(responder, back=back, by=delivery.payload.get("by"))
    return post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)


def _rewrite_saved_dm(
    client: WebClient, responder: Responder, message: tuple[str, list[dict[str, Any]]]
) -> None:
    """Replace the responder's last saved-confirmation DM, if there is one, buttons and all."""
    if responder.dm_channel and responder.dm_ts:
        text, blocks = message
        client.chat_update(
            channel=responder.dm_channel, ts=responder.dm_ts, text=text, blocks=blocks
        )


DELIVERERS: Deliverers = {
    EffectKind.RESPONDER_SAVED: tell_saved,
    EffectKind.RESPONDER_DELETED: tell_deleted,
}
