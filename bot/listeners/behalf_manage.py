"""Someone else's absences from `/ooo for @bob`'s list: edit one in the form, or end or delete
it once confirmed; their rights asked of Slack at each step."""

from dataclasses import replace
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.behalf import DELETE, EDIT, END, confirm_for, read_confirmed, refusal_modal
from bot.blocks.dialogs import not_found_modal
from bot.listeners.behalf import refused_view
from bot.listeners.refusals import REFUSED, view_answer
from bot.on_behalf.rights import Refused, check_rights
from bot.on_behalf.use_cases import absence_of, delete_for, end_for
from bot.organisation.returns import back_of
from bot.organisation.settings import settings_of
from bot.responders.changes import NotYours
from bot.responders.drafting import form_from_responder, modal_of, with_account
from bot.services import Services
from bot.slack.context import workspace_of
from bot.slack.modals import open_modal
from bot.texts.on_behalf import refusal


def menu_choice(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Edit, end or delete someone else's absence from `/ooo for @bob`'s list."""
    ack()
    verb, _colon, raw_id = ((action.get("selected_option") or {}).get("value") or "").partition(":")
    actor_id, workspace = body["user"]["id"], workspace_of(context)
    try:
        absence = absence_of(services.engine, workspace=workspace, responder_id=int(raw_id))
    except (NotYours, ValueError):
        open_modal(client, body["trigger_id"], not_found_modal())
        return
    try:
        check_rights(
            client,
            services.engine,
            workspace=workspace,
            actor_id=actor_id,
            person_id=absence.owner_id,
        )
    except Refused as refused:
        answer = refusal(refused.verdict, absence.owner_id)
        open_modal(client, body["trigger_id"], refusal_modal(answer))
        return
    if verb == EDIT:
        asker = services.directory.person(client, team_id=workspace.team_id, user_id=actor_id)
        owner = services.directory.person(
            client, team_id=workspace.team_id, user_id=absence.owner_id
        )
        settings = settings_of(services.engine, workspace)
        form, meta = form_from_responder(
            absence,
            tz=owner.tz,
            locale=asker.locale,
            now=services.clock(),
            settings=settings,
            guessed=owner.guessed,
        )
        account = services.accounts.view(workspace, absence.owner_id)
        form, meta = with_account(form, meta, account, new=False)
        view = modal_of(form, replace(meta, for_user=absence.owner_id), settings)
    elif verb in (END, DELETE):
        view = confirm_for(absence, verb=verb, back=back_of(services.engine, absence))
    else:
        view = not_found_modal()
    open_modal(client, body["trigger_id"], view)


def confirm_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """End or delete someone else's absence once confirmed, their rights asked again."""
    chosen, verb = read_confirmed(view["private_metadata"])
    actor_id, workspace, now = body["user"]["id"], workspace_of(context), services.clock()
    try:
        absence = absence_of(services.engine, workspace=workspace, responder_id=chosen)
    except NotYours as gone:
        ack(**view_answer(gone))
        return
    try:
        check_rights(
            client,
            services.engine,
            workspace=workspace,
            actor_id=actor_id,
            person_id=absence.owner_id,
        )
        change = delete_for if verb == DELETE else end_for
        change(
            services.engine,
            workspace=workspace,
            actor_id=actor_id,
            owner_id=absence.owner_id,
            responder_id=chosen,
            now=now,
        )
    except Refused as refused:
        ack(**refused_view(refusal(refused.verdict, absence.owner_id)))
        return
    except REFUSED as refusal_of_change:
        ack(**view_answer(refusal_of_change))
        return
    ack()
    services.followups.changed(client, workspace=workspace, user_id=absence.owner_id, origin=None)
