"""`/ooo admin close …`, `/ooo admin closures`, `/ooo closure optout` and the closures'
buttons: who asks is checked, the words read, the answer given; Slack's slow parts come after."""

import logging
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.blocks.closures import closure_list, days
from bot.closures import answers, closing, command
from bot.closures.answers import Asker
from bot.closures.ending import opt_out
from bot.core.closures import may_close
from bot.core.dates import time_zone
from bot.core.workspace import Workspace
from bot.listeners.refusals import REFUSED, text_answer
from bot.listeners.slash import Slash
from bot.organisation.authority import actor_of
from bot.organisation.settings import settings_of
from bot.services import Services
from bot.slack.context import patient, workspace_of
from bot.texts import _

logger = logging.getLogger(__name__)


def _refusal(
    services: Services, client: WebClient, workspace: Workspace, user_id: str
) -> str | None:
    """Why this person may not close, or None: asked of Slack now, never remembered."""
    settings = settings_of(services.engine, workspace)
    try:
        actor = actor_of(client, workspace, user_id, settings)
    except (SlackApiError, OSError) as error:
        logger.warning("could not tell whether %s may close: %s", user_id, error)
        return _(
            "Slack didn't say whether you may close the office just now: try again in a minute."
        )
    if may_close(actor, workspace):
        return None
    return _("Only workspace admins and owners, and the admin group, can close the office.")


def _asker(
    services: Services, client: WebClient, workspace: Workspace, user_id: str, response_url: str
) -> Asker:
    """Who closes, with their zone and language, for the work after the answer."""
    person = services.directory.person(client, team_id=workspace.team_id, user_id=user_id)
    return Asker(
        patient(client),
        services.engine,
        services.directory,
        workspace,
        user_id,
        response_url,
        person.tz,
        person.locale,
        services.clock(),
    )


def close_command(slash: Slash) -> None:
    """`/ooo admin close <whom> <dates> [message]` or `close end <id>`: counted, then confirmed."""
    services, workspace = slash.services, slash.workspace
    refused = _refusal(services, slash.client, workspace, slash.user_id)
    if refused:
        slash.ack(text=refused, response_type="ephemeral")
        return
    asker = _asker(services, slash.client, workspace, slash.user_id, slash.command["response_url"])
    try:
        request = command.read(
            slash.words,
            here=str(slash.command.get("channel_id") or ""),
            now=asker.now,
            tz=asker.tz,
            locale=asker.locale,
        )
    except command.Unclear as unclear:
        slash.ack(text=str(unclear), response_type="ephemeral")
        return
    if isinstance(request, command.End):
        slash.ack(text=_("Ending closure {id}…", id=request.closure_id), response_type="ephemeral")
        services.followups.later(answers.end, asker, request.closure_id)
        return
    slash.ack(
        text=_("Counting who is in it, {days}…", days=days(request.first, request.last)),
        response_type="ephemeral",
    )
    services.followups.later(answers.propose, asker, request)


def closures_command(slash: Slash) -> None:
    """`/ooo admin closures`: the latest closures, with End."""
    services, workspace = slash.services, slash.workspace
    refused = _refusal(services, slash.client, workspace, slash.user_id)
    if refused:
        slash.ack(text=refused, response_type="ephemeral")
        return
    person = services.directory.person(
        slash.client, team_id=workspace.team_id, user_id=slash.user_id
    )
    today = services.clock().astimezone(time_zone(person.tz)).date()
    text, blocks = closure_list(closing.listed(services.engine, workspace=workspace), today=today)
    slash.ack(text=text, blocks=blocks, response_type="ephemeral")


def closure_command(slash: Slash) -> None:
    """`/ooo closure optout [id]`: leave a closure (or every one you are in)."""
    words = slash.words.split()
    if [w.lower() for w in words[:2]] == ["opt", "out"]:  # "opt out", as people say it
        words = ["optout", *words[2:]]
    if not words or words[0].lower() not in ("optout", "opt-out", "out") or len(words) > 2:
        slash.ack(
            text=_("`/ooo closure optout` takes you out of the office's closures."),
            response_type="ephemeral",
        )
        return
    named = words[1].lstrip("#") if len(words) == 2 else None
    if named is not None and not named.isdigit():
        slash.ack(
            text=_("Say which closure by its number: `/ooo closure optout 3`."),
            response_type="ephemeral",
        )
        return
    slash.ack(
        **_opted_out(slash.services, slash.workspace, slash.user_id, int(named) if named else None)
    )


def _opted_out(
    services: Services, workspace: Workspace, user_id: str, closure_id: int | None
) -> dict[str, Any]:
    """Opt out, and the answer to say so."""
    try:
        left = opt_out(
            services.engine,
            workspace=workspace,
            user_id=user_id,
            closure_id=closure_id,
            now=services.clock(),
        )
    except REFUSED as refusal:
        return {"text": text_answer(refusal), "response_type": "ephemeral"}
    if not left:
        return {"text": _("You're not in any closure to opt out of."), "response_type": "ephemeral"}
    return {
        "text": _(":white_check_mark: You opted out: the office closure no longer marks you away."),
        "response_type": "ephemeral",
    }


def _clicked(body: dict[str, Any], action: dict[str, Any]) -> tuple[str, int | None]:
    """Who clicked, and the closure their button names (None when it names none)."""
    value = str(action.get("value") or "")
    head = value.split(":", 1)[0]
    return body["user"]["id"], int(head) if head.isdigit() else None


def _permitted_click(
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> tuple[Asker, int] | None:
    """Who clicked Close or End and the closure it names, or None once they were told why not."""
    user_id, closure_id = _clicked(body, action)
    workspace = workspace_of(context)
    asker = _asker(services, client, workspace, user_id, body["response_url"])
    refused = _refusal(services, client, workspace, user_id)
    if refused or closure_id is None:
        asker.reply(refused or _("That button no longer works."))
        return None
    return asker, closure_id


def close_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Close: apply the closure after the answer; the confirmation becomes "Closing…"."""
    ack()
    if permitted := _permitted_click(body, action, client, context, services):
        asker, closure_id = permitted
        people = str(action.get("value") or "").partition(":")[2]
        services.followups.later(answers.close, asker, closure_id, people=int(people or 0))


def cancel_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, services: Services
) -> None:
    """Cancel: forget the closure before anyone got it."""
    ack()
    _user, closure_id = _clicked(body, action)
    workspace = workspace_of(context)
    dropped = closure_id is not None and closing.cancel(
        services.engine, workspace=workspace, closure_id=closure_id, now=services.clock()
    )
    text = (
        _("Cancelled: nobody was told, nothing changed.")
        if dropped
        else _("This closure was already applied or cancelled.")
    )
    respond_to(body, text, replace_original=dropped)


def end_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """End: end the closure early for everyone who did not edit theirs."""
    ack()
    if permitted := _permitted_click(body, action, client, context, services):
        services.followups.later(answers.end, *permitted)


def opt_out_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, services: Services
) -> None:
    """Opt out, from the closure's DM."""
    ack()
    user_id, closure_id = _clicked(body, action)
    if closure_id is None:  # no closure named: never read as "every closure I'm in"
        respond_to(body, _("That button no longer works."))
        return
    answer = _opted_out(services, workspace_of(context), user_id, closure_id)
    respond_to(body, answer["text"], replace_original=True)


def respond_to(body: dict[str, Any], text: str, *, replace_original: bool = False) -> None:
    """Answer a click privately through its response_url."""
    WebhookClient(body["response_url"]).send(
        text=text, response_type="ephemeral", replace_original=replace_original
    )
