"""The buttons of a reply and of the owner's nudge: notify the backup, remind me, end or keep."""

import json
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import Session

from bot.blocks.replies import who
from bot.clock import Clock
from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.workspace import Workspace
from bot.replies.back import send_digest
from bot.replies.kinds import BACKUP_KEY
from bot.responders.followups import Followups
from bot.responders.use_cases import NotYours, end_now
from bot.slack.context import workspace_of
from storage import reply_queries, responder_queries
from storage.db import session_scope
from storage.effects_queries import enqueue_effect
from storage.models import Responder

GONE = "That out-of-office responder is no longer on."


def _place(action: dict[str, Any]) -> dict[str, Any]:
    """The responder and message a reply's button is about."""
    value = json.loads(action.get("value") or "{}")
    return {"responder_id": int(value.get("r", 0)), "channel": value.get("c"), "ts": value.get("t")}


def _replied_for(session: Session, workspace: Workspace, place: dict[str, Any]) -> Responder | None:
    """The responder a reply's button is about, if it still exists in this workspace."""
    return reply_queries.responder_in(
        session, workspace=workspace, responder_id=place["responder_id"]
    )


def notify_backup(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
) -> None:
    """DM the backup who is looking for the absent person, once per sender and message."""
    ack()
    sender, place, now, workspace = (
        body["user"]["id"],
        _place(action),
        clock(),
        workspace_of(context),
    )
    with session_scope(engine) as session:
        responder = _replied_for(session, workspace, place)
        if responder is None or not responder.backup_id:
            respond(text=GONE, replace_original=False)
            return
        new = enqueue_effect(
            session,
            key=f"{BACKUP_KEY}:{responder.id}:{sender}:{place['channel']}:{place['ts']}",
            kind=EffectKind.REPLY_BACKUP,
            payload=place | {"sender": sender, "to": responder.backup_id},
            workspace=workspace,
            now=now,
            owner_id=responder.owner_id,
            responder_id=responder.id,
        )
    told = "I let" if new else "I had already let"
    respond(
        text=f"{told} <@{responder.backup_id}> know you are looking for {who(responder)}.",
        replace_original=False,
    )


def remind_me(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
) -> None:
    """Remember to DM the sender when the absence ends."""
    ack()
    sender, place, now, workspace = (
        body["user"]["id"],
        _place(action),
        clock(),
        workspace_of(context),
    )
    with session_scope(engine) as session:
        responder = _replied_for(session, workspace, place)
        if responder is None:
            respond(text=GONE, replace_original=False)
            return
        reply_queries.ask_reminder(
            session, responder_id=responder.id or 0, sender_id=sender, now=now
        )
    respond(text=f"I'll send you a message when {who(responder)} is back.", replace_original=False)


def end_from_nudge(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    followups: Followups,
) -> None:
    """End the responder from the nudge; only its owner can."""
    ack()
    user_id, now, workspace = body["user"]["id"], clock(), workspace_of(context)
    try:
        with session_scope(engine) as session:
            end_now(
                session,
                workspace=workspace,
                owner_id=user_id,
                responder_id=int(action["value"]),
                now=now,
            )
    except (NotYours, ValueError):
        respond(text=GONE, replace_original=True)
        return
    respond(text=":wave: Welcome back! Your responder is off.", replace_original=True)
    followups.changed(client, workspace=workspace, user_id=user_id, origin=None)


def keep_on(ack: Ack, respond: Respond) -> None:
    """Leave the responder on and put the nudge away."""
    ack()
    respond(delete_original=True)


def send_digest_now(
    ack: Ack,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    *,
    user_id: str,
) -> None:
    """`/ooo digest`: DM the digest of the responders on now, or of the one that ended last."""
    now, workspace = clock(), workspace_of(context)
    with session_scope(engine) as session:
        mine = responder_queries.responders_of(
            session, workspace=workspace, owner_id=user_id, now=now
        )
        on = [r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.ACTIVE]
        ended = [r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.ENDED]
        chosen = on or sorted(ended, key=lambda r: r.ends_at or now)[-1:]
        for responder in chosen:
            send_digest(session, responder=responder, now=now, key=f"asked:{now.isoformat()}")
    if not chosen:
        ack(text="You have no responder on or recently ended, so there is no digest yet.")
        return
    ack(text=":incoming_envelope: Your digest is on its way to your DMs with me.")
