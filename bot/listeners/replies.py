"""The buttons of a reply and of the owner's nudge: notify the backup, remind me, end or keep."""

from collections.abc import Callable
from typing import Any, TypeVar

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
T = TypeVar("T")


def _for_sender(
    use_case: Callable[..., T | None],
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    services: Services,
) -> T | None:
    """Run a reply button's use case for the sender who clicked; None once answered why not."""
    place = reply_place(action.get("value"))
    try:
        done = place and use_case(
            services.engine,
            workspace=workspace_of(context),
            sender=body["user"]["id"],
            place=place,
            now=services.clock(),
        )
    except Back as over:
        respond(text=_(BACK, name=who(over.responder)), replace_original=False)
        return None
    if not done:
        respond(text=_(GONE), replace_original=False)
        return None
    return done


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
    asked = _for_sender(ask_backup, body, action, respond, context, services)
    if asked is None:
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
    responder = _for_sender(remind_when_back, body, action, respond, context, services)
    if responder is None:
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
