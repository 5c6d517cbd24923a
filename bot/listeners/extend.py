"""The reminder's +1 day button: extend by one click, then say so in place of the question."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.blocks.dialogs import BUSY
from bot.blocks.transitions import extended_message
from bot.clock import Clock
from bot.core.responder import Invalid
from bot.responders.followups import Followups
from bot.responders.use_cases import NotYours, extend_by_a_day
from bot.slack.context import workspace_of
from storage import responder_queries
from storage.db import Busy, session_scope


def extend_one_day(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    followups: Followups,
) -> None:
    """Extend the responder by a day, re-checking overlaps, and update the reminder."""
    ack()
    user_id, now, workspace = body["user"]["id"], clock(), workspace_of(context)
    container = body.get("container") or {}
    reason: str | None = None
    try:
        if not str(action.get("value", "")).isdigit():
            raise NotYours
        with session_scope(engine) as session:
            responder_queries.lock_owner(session, workspace=workspace, owner_id=user_id)
            responder = extend_by_a_day(
                session,
                workspace=workspace,
                owner_id=user_id,
                responder_id=int(action["value"]),
                now=now,
            )
    except Invalid as refused:
        reason = next(iter(refused.errors.values()))
    except NotYours:
        reason = "That responder no longer exists, or it isn't yours."
    except Busy:
        reason = BUSY
    if reason is not None:
        client.chat_postEphemeral(channel=container["channel_id"], user=user_id, text=reason)
        return
    text, blocks = extended_message(responder)
    client.chat_update(
        channel=container["channel_id"], ts=container["message_ts"], text=text, blocks=blocks
    )
    followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
