"""The reminder's +1 day button: extend by one click, then say so in place of the question."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.ids import responder_id
from bot.blocks.transitions import extended_message
from bot.core.responder import Invalid
from bot.listeners.refusals import REFUSED, text_answer
from bot.organisation.returns import back_of
from bot.responders.changes import NotYours
from bot.responders.targets import owner_named
from bot.responders.use_cases import one_more_day
from bot.services import Services
from bot.slack.context import workspace_of
from bot.texts.problems import word


def extend_one_day(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Extend the responder by a day, re-checking overlaps, and update the reminder."""
    ack()
    user_id, workspace = body["user"]["id"], workspace_of(context)
    container = body.get("container") or {}
    reason: str | None = None
    chosen = responder_id(action.get("value"))
    try:
        if chosen is None:
            raise NotYours
        responder = one_more_day(
            services.engine,
            workspace=workspace,
            owner_id=user_id,
            responder_id=chosen,
            now=services.clock(),
        )
    except Invalid as refused:
        problem = next(iter(refused.errors.values()))
        reason = word(owner_named(problem, client, services.directory, team_id=workspace.team_id))
    except REFUSED as refusal:
        reason = text_answer(refusal)
    if reason is not None:
        client.chat_postEphemeral(channel=container["channel_id"], user=user_id, text=reason)
        return
    back = back_of(services.engine, responder)
    text, blocks = extended_message(responder, back=back)
    try:
        client.chat_update(
            channel=container["channel_id"], ts=container["message_ts"], text=text, blocks=blocks
        )
    except SlackApiError:
        # The reminder is gone (deleted, or too old to edit): say it in a new message instead.
        client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
