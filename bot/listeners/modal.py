"""The responder modal: live date preview, type switch, target options, and saving."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.blocks.dialogs import busy_modal, not_found_modal
from bot.blocks.responder_form import (
    WHEN,
    Meta,
    field_errors,
    read_form,
    redrawn,
    target_kind_of,
)
from bot.blocks.responder_modal import build_modal
from bot.clock import Clock
from bot.core.responder import Field, Invalid, Target
from bot.responders.drafting import apply_pickers, apply_when, read_draft
from bot.responders.followups import Followups
from bot.responders.forwarding import forward_problem
from bot.responders.use_cases import NotYours, booked, save
from bot.slack.context import workspace_of
from bot.slack.directory import Directory
from bot.slack.redraws import Redraws
from storage import responder_queries
from storage.db import Busy, session_scope

# Slack shows at most 100 options in all.
OPTIONS_PER_GROUP = 50


def preview_dates(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    clock: Clock,
    redraws: Redraws,
) -> None:
    """Preview typed dates (setting the pickers) or picked ones (clearing the typed words)."""
    ack()
    apply = apply_when if action["action_id"] == WHEN else apply_pickers

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        entered = read_form(view["state"]["values"])
        form, meta = apply(entered, Meta.load(view["private_metadata"]), now=clock())
        return build_modal(form, redrawn(entered, form, meta))

    redraws.redraw(client, body["view"], action["action_id"], draw)


def switch_kind(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, redraws: Redraws
) -> None:
    """Show or hide the group/channel fields when the type changes."""
    ack()

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        meta = Meta.load(view["private_metadata"])
        return build_modal(read_form(view["state"]["values"]), meta)

    redraws.redraw(client, body["view"], action["action_id"], draw)


def target_options(
    ack: Ack, payload: dict[str, Any], client: WebClient, context: BoltContext, directory: Directory
) -> None:
    """Offer user groups and channels whose name matches what was typed."""
    query = payload.get("value", "").lower().lstrip("@#")
    found = [
        h for h in directory.handles(client, team_id=context.team_id or "") if query in h.words
    ]
    groups = (
        ("User groups", [h for h in found if target_kind_of(h.label) is Target.USERGROUP]),
        ("Channels", [h for h in found if target_kind_of(h.label) is Target.CHANNEL]),
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
    clock: Clock,
    engine: Engine,
    followups: Followups,
) -> None:
    """Validate and save the responder, then confirm it everywhere it shows."""
    meta, form = Meta.load(view["private_metadata"]), read_form(view["state"]["values"])
    user_id, now, workspace = body["user"]["id"], clock(), workspace_of(context)
    # Asked before the owner's lock is taken, so Slack's answer time never holds it.
    problem = forward_problem(client, person=form.forward_person, channel=form.forward_channel)
    refused = {Field.FORWARD: problem} if problem else {}
    try:
        with session_scope(engine) as session:
            responder_queries.lock_owner(session, workspace=workspace, owner_id=user_id)
            others = booked(
                session,
                workspace=workspace,
                owner_id=user_id,
                now=now,
                tz=meta.tz,
                skip=meta.responder_id,
            )
            draft = read_draft(form, meta, now=now, booked=others)
            if refused:
                raise Invalid(refused)
            save(
                session,
                workspace=workspace,
                owner_id=user_id,
                draft=draft,
                tz=meta.tz,
                label=form.target_label,
                responder_id=meta.responder_id,
                now=now,
            )
    except Invalid as invalid:
        errors = {**refused, **invalid.errors}
        ack(response_action="errors", errors=field_errors(errors, meta, form))
        return
    except NotYours:
        ack(response_action="update", view=not_found_modal())
        return
    except Busy:
        ack(response_action="push", view=busy_modal())
        return
    ack()
    followups.changed(client, workspace=workspace, user_id=user_id, origin=meta.origin)
