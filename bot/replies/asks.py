"""What people may ask of a reply, and the owner of their digest: each a short transaction."""

from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.replies.back import send_digest
from bot.replies.kinds import BACKUP_KEY
from storage import reply_queries, responder_queries
from storage.db import begin_writing, session_scope
from storage.effects_queries import enqueue_effect


class Back(Exception):
    """The absence is over: nobody is reminded or notified, the person can be asked directly."""

    def __init__(self, responder: Responder) -> None:
        super().__init__(responder.id)
        self.responder = responder


def _still_away(responder: Responder, now: datetime) -> Responder:
    """The responder, unless its absence ended (then Back): a button can outlive it by days."""
    if phase_at(responder.starts_at, responder.ends_at, now) is Phase.ENDED:
        raise Back(responder)
    return responder


def _answered(
    session: Session, *, workspace: Workspace, sender: str, place: dict[str, Any]
) -> Responder | None:
    """The responder of a reply's button, if it answered this sender for that very message: a
    button's value is the clicker's to forge, the ledger of mentions is not."""
    responder = reply_queries.responder_in(
        session, workspace=workspace, responder_id=place["responder_id"]
    )
    if responder is None:
        return None
    answered = reply_queries.answered(
        session,
        responder_id=responder.id,
        sender_id=sender,
        channel_id=place["channel"],
        message_ts=place["ts"],
    )
    return responder if answered else None


def notify_backup(
    engine: Engine, *, workspace: Workspace, sender: str, place: dict[str, Any], now: datetime
) -> tuple[Responder, bool] | None:
    """Queue the note to the backup, once per sender and message; None when there is no one to
    tell any more, Back when the absence ended. Tells whether this ask was the first."""
    with session_scope(engine) as session:
        begin_writing(session, "notify_backup")
        responder = _answered(session, workspace=workspace, sender=sender, place=place)
        if responder is None or not _still_away(responder, now).backup_id:
            return None
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
    return responder, new


def remind_when_back(
    engine: Engine, *, workspace: Workspace, sender: str, place: dict[str, Any], now: datetime
) -> Responder | None:
    """Remember to tell the sender when the absence ends; None if the responder is gone or never
    answered them for that message, Back if the absence already ended."""
    with session_scope(engine) as session:
        begin_writing(session, "remind_when_back")
        responder = _answered(session, workspace=workspace, sender=sender, place=place)
        if responder is not None:
            _still_away(responder, now)
            reply_queries.ask_reminder(
                session, responder_id=responder.id, sender_id=sender, now=now
            )
    return responder


def digest_now(engine: Engine, *, workspace: Workspace, owner_id: str, now: datetime) -> bool:
    """Queue the digest of the responders on now, or of the one that ended last; False if none."""
    with session_scope(engine) as session:
        begin_writing(session, "digest_now")
        mine = responder_queries.responders_of(
            session, workspace=workspace, owner_id=owner_id, now=now
        )
        on = [r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.ACTIVE]
        ended = [r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.ENDED]
        chosen = on or sorted(ended, key=lambda r: r.ends_at or now)[-1:]
        for responder in chosen:
            send_digest(session, responder=responder, now=now, key=f"asked:{now.isoformat()}")
    return bool(chosen)
