"""A message event's way in: find the responders it concerns, decide, keep it, plan effects."""

from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.core.mentions import Message
from bot.core.policy import (
    HOURLY_CAP,
    Decision,
    Reason,
    Responding,
    owner_nudge_due,
    refusal,
    should_reply,
    window_key,
)
from bot.core.responder import Kind, Target
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.replies.kinds import FORWARD_KEY, NUDGE_KEY, REPLY_KEY
from storage import reply_queries
from storage.db import session_scope
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import Mention

# Slack's user ids begin so; channels' with C or G.
PERSON_PREFIXES = ("U", "W")
# An effect to enqueue: for which responder, its kind, its idempotency key, its payload.
Planned = tuple[Responder, EffectKind, str, dict[str, Any]]
OUTCOMES = {
    Reason.REPLY: reply_queries.REPLIED,
    Reason.ALREADY_ANSWERED: reply_queries.ALREADY,
    Reason.HELD_BACK: reply_queries.HELD,
    Reason.EXTERNAL_SILENT: reply_queries.SILENT,
}


def responding(responder: Responder) -> Responding:
    """The policy's view of a stored responder."""
    return Responding(
        id=responder.id,
        owner_id=responder.owner_id,
        kind=Kind(responder.kind),
        starts_at=responder.starts_at,
        ends_at=responder.ends_at,
        again=responder.again,
        target_id=responder.target_id,
        target=Target(responder.target_kind) if responder.target_kind else None,
        has_external_message=bool(responder.external_message),
        revision=responder.revision,
    )


def take(
    engine: Engine,
    *,
    workspace: Workspace,
    event_id: str,
    message: Message,
    responders: list[Responder],
    now: datetime,
    app_user_id: str | None,
    cap: int = HOURLY_CAP,
) -> int:
    """Handle a message once, whatever the retries: record it and enqueue what answers it.

    Give it the responders on now that the message could concern. One transaction of a
    handful of statements whatever the responders: on SQLite each one in the write lock is a
    turn the other writers wait for.
    """
    if message.user is None or refusal(message, app_user_id=app_user_id) is not None:
        return 0
    with session_scope(engine) as session:
        keys = [str(responder.id) for responder in responders]
        reply_queries.lock_for_replies(session, workspace=workspace, keys=keys)
        team_id = workspace.team_id
        if not reply_queries.claim_event(session, event_id=event_id, team_id=team_id, now=now):
            return 0
        kept: list[tuple[Mention, list[Planned]]] = []
        for responder in responders:
            policy = responding(responder)
            if message.user == responder.owner_id:
                kept += _nudge(session, responder, message, now=now)
                continue
            sent = reply_queries.sent_to(
                session,
                responder_id=policy.id,
                sender_id=message.user,
                window_key=window_key(policy),
                now=now,
            )
            decision = should_reply(
                message, policy, sent, now, team_id=team_id, app_user_id=app_user_id, cap=cap
            )
            if not decision.addressed:
                continue
            mention = _mention(
                responder, message, OUTCOMES[decision.reason], decision.window_key, now
            )
            kept.append((mention, _effects(responder, message, decision)))
        new = reply_queries.record_mentions(session, mentions=[mention for mention, _ in kept])
        effects = [
            NewEffect(key, kind, payload, workspace, responder.owner_id, responder.id)
            for mention, planned in kept
            if mention.responder_id in new
            for responder, kind, key, payload in planned
        ]
        enqueue_effects(session, effects=effects, now=now)
        return len(effects)


def _mention(
    responder: Responder, message: Message, outcome: str, window: str, now: datetime
) -> Mention:
    """The record of what a responder did about a message: ids and times, never its text."""
    return Mention(
        team_id=responder.workspace.team_id,
        enterprise_id=responder.workspace.enterprise_id,
        responder_id=responder.id,
        sender_id=message.user or "",
        channel_id=message.channel,
        message_ts=message.ts,
        thread_ts=None if message.top_level else message.thread_ts,
        outcome=outcome,
        window_key=window,
        at=now,
    )


def _place(responder: Responder, message: Message) -> dict[str, Any]:
    """Where a message was, as every effect payload names it."""
    return {
        "responder_id": responder.id,
        "channel": message.channel,
        "ts": message.ts,
        "thread_ts": None if message.top_level else message.thread_ts,
        "sender": message.user,
        "direct": message.direct,
    }


def _effects(responder: Responder, message: Message, decision: Decision) -> list[Planned]:
    """The reply (when due) and the forwarded copy (when asked for) of one addressed message."""
    place = _place(responder, message)
    where = f"{responder.id}:{message.channel}:{message.ts}"
    planned: list[Planned] = []
    if decision.reply:
        payload = place | {"external": decision.external}
        planned.append((responder, EffectKind.REPLY_PRIVATE, f"{REPLY_KEY}:{where}", payload))
    # Only its members may read a private conversation: a copy may go to a person, never to a
    # channel whose readers could not have read the original.
    to_person = (responder.forward_to or "")[:1] in PERSON_PREFIXES
    if responder.forward_to and (to_person or not message.private):
        payload = place | {"to": responder.forward_to}
        planned.append((responder, EffectKind.REPLY_FORWARD, f"{FORWARD_KEY}:{where}", payload))
    return planned


def _nudge(
    session: Session, responder: Responder, message: Message, *, now: datetime
) -> list[tuple[Mention, list[Planned]]]:
    """Tell an absent person who posts that their responder is still on, once a day.

    Not from a direct message: ooo can show nothing there, and the owner wrote to one person.
    """
    if responder.kind != Kind.PERSONAL or message.subtype is not None or message.direct:
        return []
    if not owner_nudge_due(reply_queries.last_nudge(session, responder_id=responder.id), now):
        return []
    mention = _mention(responder, message, reply_queries.NUDGED, "", now)
    key = f"{NUDGE_KEY}:{responder.id}:{message.channel}:{message.ts}"
    return [(mention, [(responder, EffectKind.REPLY_NUDGE, key, _place(responder, message))])]
