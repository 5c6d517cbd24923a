"""The buttons of a reply and of the owner's nudge: notify the backup, remind me, end or keep."""

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.ids import reply_place, responder_id
from bot.blocks.replies import who
from bot.listeners.refusals import REFUSED
from bot.replies.asks import Back, remind_when_back
from bot.replies.asks import notify_backup as ask_backup
from bot.responders.changes import NotYours
from bot.responders.use_cases import end_by_owner
from bot.services import Services
from bot.slack.context import workspace_of
from bot.texts import N_, _

GONE = N_("That out-of-office responder is no longer on.")
BACK = N_("{name} is back: write to them directly.")


def notify_backup(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    services: Services,
) -> None:
    """DM the backup who is looking for the absent person, once per sender and message."""
    ack()
    place = reply_place(action.get("value"))
    try:
        asked = place and ask_backup(
            services.engine,
            workspace=workspace_of(context),
            sender=body["user"]["id"],
            place=place,
            now=services.clock(),
        )
    except Back as over:
        respond(text=_(BACK, name=who(over.responder)), replace_original=False)
        return
    if not asked:
        respond(text=_(GONE), replace_original=False)
        return
    responder, new = asked
    said = (
        N_("I let <@{backup}> know you are looking for {name}.")
        if new
        else N_("I had already let <@{backup}> know you are looking for {name}.")
    )
    respond(text=_(said, backup=responder.backup_id, name=who(responder)), replace_original=False)


def remind_me(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    services: Services,
) -> None:
    """Remember to DM the sender when the absence ends."""
    ack()
    place = reply_place(action.get("value"))
    try:
        responder = place and remind_when_back(
            services.engine,
            workspace=workspace_of(context),
            sender=body["user"]["id"],
            place=place,
            now=services.clock(),
        )
    except Back as over:
        respond(text=_(BACK, name=who(over.responder)), replace_original=False)
        return
    if not responder:
        respond(text=_(GONE), replace_original=False)
        return
    back = _("I'll send you a message when {name} is back.", name=who(responder))
    respond(text=back, replace_original=False)


def end_from_nudge(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """End the responder from the nudge; only its owner can."""
    ack()
    user_id, workspace = body["user"]["id"], workspace_of(context)
    chosen = responder_id(action.get("value"))
    try:
        if chosen is None:
            raise NotYours
        end_by_owner(
            services.engine,
            workspace=workspace,
            owner_id=user_id,
            responder_id=chosen,
            now=services.clock(),
        )
    except REFUSED:
        respond(text=_(GONE), replace_original=True)
        return
    respond(text=_(":wave: Welcome back! Your responder is off."), replace_original=True)
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)


def keep_on(ack: Ack, respond: Respond) -> None:
    """Leave the responder on and put the nudge away."""
    ack()
    respond(delete_original=True)
