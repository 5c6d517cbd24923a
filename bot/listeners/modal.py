"""The responder modal: live date preview, type switch, target options, and saving."""

from dataclasses import replace
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.responder_form import (
    LEAVE_TYPE,
    WHEN,
    Meta,
    field_errors,
    read_form,
    redrawn,
    target_kind_of,
)
from bot.core.responder import Field, Invalid, Kind, Target
from bot.listeners import behalf
from bot.listeners.refusals import REFUSED, view_answer
from bot.on_behalf.use_cases import submit_for
from bot.organisation.settings import settings_of
from bot.responders.drafting import apply_pickers, apply_type, apply_when, modal_of
from bot.responders.forwarding import forward_problem
from bot.responders.picked import announce_problem, backup_problem
from bot.responders.targets import check_target, owner_named
from bot.responders.use_cases import submit
from bot.services import Services
from bot.slack.context import workspace_of
from bot.texts import _

# Slack shows at most 100 options in all.
OPTIONS_PER_GROUP = 50


def preview_dates(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Preview typed dates (setting the pickers) or picked ones (clearing the typed words)."""
    ack()
    apply = apply_when if action["action_id"] == WHEN else apply_pickers
    settings = settings_of(services.engine, workspace_of(context))

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        entered = read_form(view["state"]["values"])
        form, meta = apply(entered, Meta.load(view["private_metadata"]), now=services.clock())
        return modal_of(form, redrawn(entered, form, meta), settings)

    services.redraws.redraw(client, body["view"], action["action_id"], draw)


def switch_kind(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Show or hide the group/channel fields when the type changes."""
    ack()
    settings = settings_of(services.engine, workspace_of(context))

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        meta = Meta.load(view["private_metadata"])
        return modal_of(read_form(view["state"]["values"]), meta, settings)

    services.redraws.redraw(client, body["view"], action["action_id"], draw)


def switch_leave_type(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """A type or privacy chosen: the type's privacy default, and a message suggested to match."""
    ack()
    settings = settings_of(services.engine, workspace_of(context))
    chose_type = action["action_id"] == LEAVE_TYPE

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        entered, meta = read_form(view["state"]["values"]), Meta.load(view["private_metadata"])
        now = services.clock()
        form, meta = apply_type(entered, meta, now=now, settings=settings, chose_type=chose_type)
        return modal_of(form, redrawn(entered, form, meta), settings)

    services.redraws.redraw(client, body["view"], action["action_id"], draw)


def target_options(
    ack: Ack, payload: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Offer user groups and channels whose name matches what was typed."""
    query = payload.get("value", "").lower().lstrip("@#")
    known = services.directory.handles(client, team_id=context.team_id or "")
    found = [h for h in known if query in h.words]
    groups = (
        (_("User groups"), [h for h in found if target_kind_of(h.label) is Target.USERGROUP]),
        (_("Channels"), [h for h in found if target_kind_of(h.label) is Target.CHANNEL]),
    )
    ack(
        option_groups=[
            {
                "label": {"type": "plain_text", "text": label},
                "options": [_option(h.id, h.label) for h in handles[:OPTIONS_PER_GROUP]],
            }
            for label, handles in groups
            if handles
        ]
    )


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": label[:75]}, "value": value}


def submit_responder(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Validate and save the responder, then confirm it everywhere it shows."""
    meta, form = Meta.load(view["private_metadata"]), read_form(view["state"]["values"])
    actor_id, team_id = body["user"]["id"], context.team_id or ""
    owner_id = meta.for_user or actor_id
    # Rights may have changed since the form opened: asked again, before anything is kept.
    if owner_id != actor_id and (
        refused_answer := behalf.refused_for(client, services, context, actor_id, owner_id)
    ):
        ack(**refused_answer)
        return
    # Asked before the owner's lock is taken, so Slack's answer time never holds it.
    problem = forward_problem(client, person=form.forward_person, channel=form.forward_channel)
    refused = {Field.FORWARD: problem} if problem else {}
    if backup := backup_problem(client, form.backup_id):
        refused[Field.BACKUP] = backup
    announce = announce_problem(
        client, services.directory, team_id=team_id, owner_id=owner_id, channels=form.announce_in
    )
    if announce:
        refused[Field.ANNOUNCE] = announce
    shared = form.target_id if form.kind is Kind.SHARED else None
    target = check_target(
        client, services.directory, team_id=team_id, owner_id=owner_id, target_id=shared
    )
    if target.problem:
        refused[Field.TARGET] = target.problem
    # The label the option showed is the sender's to forge; Slack's is kept.
    form = replace(form, target_label=target.label or form.target_label)
    try:
        if owner_id != actor_id:
            submit_for(
                services.engine,
                workspace=workspace_of(context),
                actor_id=actor_id,
                owner_id=owner_id,
                form=form,
                meta=meta,
                now=services.clock(),
                refused=refused,
            )
        else:
            submit(
                services.engine,
                workspace=workspace_of(context),
                owner_id=owner_id,
                form=form,
                meta=meta,
                now=services.clock(),
                refused=refused,
                members=target.members,
            )
    except Invalid as invalid:
        errors = {
            field: owner_named(found, client, services.directory, team_id=team_id)
            for field, found in {**refused, **invalid.errors}.items()
        }
        ack(response_action="errors", errors=field_errors(errors, meta, form))
        return
    except REFUSED as refusal:
        ack(**view_answer(refusal))
        return
    ack()
    # The DM confirming it is in the outbox, recorded with the change.
    services.followups.changed(
        client, workspace=workspace_of(context), user_id=actor_id, origin=meta.origin
    )
    if owner_id != actor_id:
        services.followups.changed(
            client, workspace=workspace_of(context), user_id=owner_id, origin=None
        )
