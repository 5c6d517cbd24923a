"""Buttons and `…` menus on responders: new, edit, end now, delete, and their confirmation."""

from dataclasses import replace
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.dialogs import (
    DELETE_BUTTON,
    EDIT_BUTTON,
    confirm_modal,
    not_found_modal,
    read_confirmation,
)
from bot.blocks.ids import responder_id
from bot.blocks.responder_list import DELETE, EDIT, END, menu_action
from bot.blocks.transitions import END_BUTTON, EXTEND_MORE
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.listeners.behalf import offer_picker
from bot.listeners.refusals import REFUSED, view_answer
from bot.organisation.returns import back_of
from bot.organisation.settings import schedule_of, settings_of
from bot.responders.changes import NotYours
from bot.responders.drafting import blank_form, form_from_responder, modal_of, with_account
from bot.responders.targets import member_of
from bot.responders.use_cases import (
    delete_by_owner,
    end_by_member,
    end_by_owner,
    owned_now,
    spoken_for,
)
from bot.services import Services
from bot.slack.context import workspace_of
from bot.slack.modals import open_modal

VERB_OF_BUTTON = {EDIT_BUTTON: EDIT, EXTEND_MORE: EDIT, DELETE_BUTTON: DELETE, END_BUTTON: END}


def new_responder(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Open a blank form from the Home tab's button."""
    ack()
    user_id = body["user"]["id"]
    person = services.directory.person(client, team_id=context.team_id or "", user_id=user_id)
    workspace = workspace_of(context)
    settings = settings_of(services.engine, workspace)
    schedule = schedule_of(services.engine, workspace, user_id)
    form, meta = blank_form(
        tz=person.tz,
        locale=person.locale,
        now=services.clock(),
        settings=settings,
        schedule=schedule,
    )
    account = services.accounts.view(workspace, user_id)
    form, meta = with_account(form, meta, account, new=True)
    meta = offer_picker(meta, client, services, workspace=workspace_of(context), user_id=user_id)
    open_modal(client, body["trigger_id"], modal_of(form, meta, settings))


def dm_button(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Reopen the form, or ask before ending or deleting, from a DM or the Home tab."""
    ack()
    verb = VERB_OF_BUTTON[action["action_id"]]
    _open_for(client, context, services, body=body, verb=verb, raw_id=action["value"])


def menu_choice(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Act on an entry of a responder's `…` menu in the list or the Home tab."""
    ack()
    choice = menu_action(
        action["action_id"], (action.get("selected_option") or {}).get("value", "")
    )
    verb, raw_id = choice if choice else ("", "")
    _open_for(client, context, services, body=body, verb=verb, raw_id=str(raw_id))


def _open_for(
    client: WebClient,
    context: BoltContext,
    services: Services,
    *,
    body: dict[str, Any],
    verb: str,
    raw_id: str,
) -> None:
    """Open the form or a confirmation for a responder, only if the clicker owns it."""
    user_id, now = body["user"]["id"], services.clock()
    # Only a private `/ooo list` is refreshed in place; a DM keeps its confirmation.
    in_list = (body.get("container") or {}).get("is_ephemeral", False)
    origin = body.get("response_url") if in_list else None
    chosen = responder_id(raw_id)
    try:
        if chosen is None:
            raise NotYours
        responder = _chosen(client, context, services, user_id=user_id, chosen=chosen, verb=verb)
    except NotYours:
        open_modal(client, body["trigger_id"], not_found_modal())
        return
    if verb == EDIT:
        person = services.directory.person(client, team_id=context.team_id or "", user_id=user_id)
        settings = settings_of(services.engine, workspace_of(context))
        form, meta = form_from_responder(
            responder,
            tz=person.tz,
            locale=person.locale,
            now=now,
            settings=settings,
            guessed=person.guessed,
            schedule=schedule_of(services.engine, responder.workspace, responder.owner_id),
        )
        account = services.accounts.view(workspace_of(context), user_id)
        form, meta = with_account(form, meta, account, new=False)
        view = modal_of(form, replace(meta, origin=origin), settings)
    else:
        back = back_of(services.engine, responder)
        view = confirm_modal(responder, back=back, verb=verb, origin=origin)
    open_modal(client, body["trigger_id"], view)


def _chosen(
    client: WebClient,
    context: BoltContext,
    services: Services,
    *,
    user_id: str,
    chosen: int,
    verb: str,
) -> Responder:
    """The clicker's own responder; or, to end it, one another member of their group or
    channel set for it. NotYours otherwise."""
    workspace = workspace_of(context)
    try:
        return owned_now(
            services.engine, workspace=workspace, owner_id=user_id, responder_id=chosen
        )
    except NotYours:
        if verb != END:
            raise
    found = spoken_for(services.engine, workspace=workspace, user_id=user_id, responder_id=chosen)
    if not member_of(client, services.directory, user_id=user_id)(found):
        raise NotYours
    return found


def _end_or_delete(
    client: WebClient,
    services: Services,
    *,
    workspace: Workspace,
    user_id: str,
    chosen: int,
    verb: str,
) -> None:
    """Delete or end the clicker's own responder; or end one set for their group or channel."""
    now = services.clock()
    if verb == DELETE:
        delete_by_owner(
            services.engine, workspace=workspace, owner_id=user_id, responder_id=chosen, now=now
        )
        return
    try:
        end_by_owner(
            services.engine, workspace=workspace, owner_id=user_id, responder_id=chosen, now=now
        )
    except NotYours:
        belongs = member_of(client, services.directory, user_id=user_id)
        end_by_member(
            services.engine,
            workspace=workspace,
            member_id=user_id,
            responder_id=chosen,
            now=now,
            belongs=belongs,
        )


def confirm_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """End or delete a responder once its owner (or, to end it, a member of its group or
    channel) confirmed."""
    chosen, verb, origin = read_confirmation(view["private_metadata"])
    user_id, workspace = body["user"]["id"], workspace_of(context)
    try:
        _end_or_delete(
            client, services, workspace=workspace, user_id=user_id, chosen=chosen, verb=verb
        )
    except REFUSED as refusal:
        ack(**view_answer(refusal))
        return
    ack()
    # The DM confirming it is in the outbox, recorded with the change.
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=origin)
