"""Buttons and `…` menus on responders: new, edit, end now, delete, and their confirmation."""

from dataclasses import replace
from datetime import datetime
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.blocks.dialogs import (
    DELETE_BUTTON,
    EDIT_BUTTON,
    busy_modal,
    confirm_modal,
    not_found_modal,
    read_confirmation,
)
from bot.blocks.responder_list import DELETE, EDIT, END, menu_action
from bot.blocks.responder_modal import build_modal
from bot.blocks.transitions import END_BUTTON, EXTEND_MORE
from bot.clock import Clock
from bot.responders.drafting import blank_form, form_from_responder, with_account
from bot.responders.followups import Followups
from bot.responders.use_cases import NotYours, delete, end_now, owned
from bot.slack.context import workspace_of
from bot.slack.directory import Directory
from bot.slack.modals import open_modal
from storage import responder_queries
from storage.db import Busy, session_scope

VERB_OF_BUTTON = {EDIT_BUTTON: EDIT, EXTEND_MORE: EDIT, DELETE_BUTTON: DELETE, END_BUTTON: END}


def new_responder(
    ack: Ack,
    body: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    directory: Directory,
) -> None:
    """Open a blank form from the Home tab's button."""
    ack()
    person = directory.person(client, team_id=context.team_id or "", user_id=body["user"]["id"])
    form, meta = blank_form(tz=person.tz, locale=person.locale, now=clock())
    account = context["accounts"].view(workspace_of(context), body["user"]["id"])
    form, meta = with_account(form, meta, account, new=True)
    open_modal(client, body["trigger_id"], build_modal(form, meta))


def dm_button(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    directory: Directory,
) -> None:
    """Reopen the form, or ask before ending or deleting, from a DM or the Home tab."""
    ack()
    verb = VERB_OF_BUTTON[action["action_id"]]
    raw_id = action["value"]
    _open_for(client, context, engine, directory, body=body, verb=verb, raw_id=raw_id, now=clock())


def menu_choice(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    directory: Directory,
) -> None:
    """Act on an entry of a responder's `…` menu in the list or the Home tab."""
    ack()
    choice = menu_action(
        action["action_id"], (action.get("selected_option") or {}).get("value", "")
    )
    verb, raw_id = choice if choice else ("", "")
    _open_for(
        client, context, engine, directory, body=body, verb=verb, raw_id=str(raw_id), now=clock()
    )


def _open_for(
    client: WebClient,
    context: BoltContext,
    engine: Engine,
    directory: Directory,
    *,
    body: dict[str, Any],
    verb: str,
    raw_id: str,
    now: datetime,
) -> None:
    """Open the form or a confirmation for a responder, only if the clicker owns it."""
    user_id = body["user"]["id"]
    # Only a private `/ooo list` is refreshed in place; a DM keeps its confirmation.
    in_list = (body.get("container") or {}).get("is_ephemeral", False)
    origin = body.get("response_url") if in_list else None
    try:
        if not raw_id.isdigit():
            raise NotYours
        with session_scope(engine) as session:
            responder = owned(
                session, workspace=workspace_of(context), owner_id=user_id, responder_id=int(raw_id)
            )
    except NotYours:
        open_modal(client, body["trigger_id"], not_found_modal())
        return
    if verb == EDIT:
        person = directory.person(client, team_id=context.team_id or "", user_id=user_id)
        form, meta = form_from_responder(
            responder, tz=person.tz, locale=person.locale, now=now, guessed=person.guessed
        )
        account = context["accounts"].view(workspace_of(context), user_id)
        form, meta = with_account(form, meta, account, new=False)
        view = build_modal(form, replace(meta, origin=origin))
    else:
        view = confirm_modal(responder, verb=verb, origin=origin)
    open_modal(client, body["trigger_id"], view)


def confirm_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    followups: Followups,
) -> None:
    """End or delete a responder once its owner confirmed."""
    responder_id, verb, origin = read_confirmation(view["private_metadata"])
    user_id, now, workspace = body["user"]["id"], clock(), workspace_of(context)
    try:
        with session_scope(engine) as session:
            responder_queries.lock_owner(session, workspace=workspace, owner_id=user_id)
            if verb == DELETE:
                delete(
                    session,
                    workspace=workspace,
                    owner_id=user_id,
                    responder_id=responder_id,
                    now=now,
                )
            else:
                end_now(
                    session,
                    workspace=workspace,
                    owner_id=user_id,
                    responder_id=responder_id,
                    now=now,
                )
    except NotYours:
        ack(response_action="update", view=not_found_modal())
        return
    except Busy:
        ack(response_action="push", view=busy_modal())
        return
    ack()
    followups.changed(client, workspace=workspace, user_id=user_id, origin=origin)
