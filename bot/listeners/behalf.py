"""Acting for someone else: `/ooo for @bob [dates]`, the form's "For someone else" picker, and
refusing a form saved for someone by a person no longer allowed to. Rights are asked of Slack at
every step, the last one included (bot/on_behalf/rights.py); bot/listeners/behalf_manage.py
edits, ends and deletes their absences."""

import re
from dataclasses import replace
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.behalf import absences_message, refusal_modal
from bot.blocks.responder_form import Form, Meta, read_form
from bot.core.on_behalf import Verdict
from bot.core.responder import Kind
from bot.core.workspace import Workspace
from bot.listeners.slash import Slash
from bot.on_behalf.rights import Refused, check_rights, may_act
from bot.on_behalf.use_cases import absences_of
from bot.organisation.authority import person_of
from bot.organisation.returns import backs_of
from bot.organisation.settings import settings_of
from bot.responders.drafting import (
    apply_pickers,
    apply_when,
    blank_form,
    form_from_text,
    modal_of,
    with_account,
)
from bot.services import Services
from bot.slack.context import workspace_of
from bot.slack.modals import open_modal
from bot.texts import _
from bot.texts.on_behalf import NAME_ONE_PERSON, refusal

# How Slack escapes a person named in a command: `<@U123>` or `<@U123|bob>`.
PERSON = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*(.*)$", re.DOTALL)
# Dates never start like a try at naming someone that Slack did not send as one person: a typed
# `@bob` (Slack escapes only names it knows), or a group, channel or broadcast.
NOT_A_PERSON = re.compile(r"^[@<]")
# A user id typed bare; only Slack can tell "UBOB tomorrow" from "UNTIL Friday".
BARE_ID = re.compile(r"^([UW][A-Z0-9]{2,})(?:\s|$)")


def for_command(slash: Slash) -> None:
    """`/ooo for @bob [dates]`: the form for Bob prefilled, or Bob's absences to change."""
    found = PERSON.match(slash.words)
    if _names_no_single_person(slash.client, found.group(2) if found else slash.words):
        # Never the asker's own absence, nor a guess at whom they meant.
        slash.ack(text=_(NAME_ONE_PERSON), response_type="ephemeral")
        return
    if found is None:
        # "for 3 days" names nobody: those are dates for one's own form.
        _open_form(slash, words=" ".join(slash.command.get("text", "").split()), person_id=None)
        return
    person_id, words = found.group(1), found.group(2).strip()
    services, workspace = slash.services, slash.workspace
    try:
        verdict = check_rights(
            slash.client,
            services.engine,
            workspace=workspace,
            actor_id=slash.user_id,
            person_id=person_id,
        )
    except Refused as refused:
        slash.ack(text=refusal(refused.verdict, person_id), response_type="ephemeral")
        return
    whose = None if verdict is Verdict.SELF else person_id
    if words or whose is None:
        _open_form(slash, words=words, person_id=whose)
        return
    now = services.clock()
    absences = absences_of(services.engine, workspace=workspace, owner_id=person_id, now=now)
    backs = backs_of(services.engine, absences)
    text, blocks = absences_message(person_id, absences, now=now, backs=backs)
    slash.ack(text=text, blocks=blocks, response_type="ephemeral")


def _names_no_single_person(client: WebClient, words: str) -> bool:
    """Whether the words try to name someone whom Slack did not send as one person."""
    if NOT_A_PERSON.match(words):
        return True
    bare = BARE_ID.match(words)
    if bare is None:
        return False
    try:
        return person_of(client, bare.group(1)).found
    except (SlackApiError, OSError):
        return True  # Slack can't say: refusing beats guessing it was dates for oneself


def _open_form(slash: Slash, *, words: str, person_id: str | None) -> None:
    """Open a new form for the person (None: the asker), dates read in their zone."""
    services, client, team_id = slash.services, slash.client, slash.workspace.team_id
    asker = services.directory.person(client, team_id=team_id, user_id=slash.user_id)
    whose = asker
    if person_id is not None:
        whose = services.directory.person(client, team_id=team_id, user_id=person_id)
    tz, now, guessed = whose.tz, services.clock(), whose.guessed
    settings = settings_of(services.engine, slash.workspace)
    locale = asker.locale
    if words:
        form, meta = form_from_text(
            words, tz=tz, locale=locale, now=now, settings=settings, guessed=guessed
        )
    else:
        form, meta = blank_form(tz=tz, locale=locale, now=now, settings=settings, guessed=guessed)
    account = services.accounts.view(slash.workspace, person_id or slash.user_id)
    form, meta = with_account(form, meta, account, new=True)
    if person_id is None:
        meta = offer_picker(
            meta, client, services, workspace=slash.workspace, user_id=slash.user_id
        )
    else:
        meta = replace(meta, for_user=person_id, may_act=True)
    if open_modal(client, slash.command["trigger_id"], modal_of(form, meta, settings)):
        slash.ack()
    else:
        slash.ack(
            text=_("Slack did not let me open the form in time. Please try again."),
            response_type="ephemeral",
        )


def offer_picker(
    meta: Meta, client: WebClient, services: Services, *, workspace: Workspace, user_id: str
) -> Meta:
    """A new form offers "For someone else" to those who may act for others."""
    allowed = may_act(client, services.engine, workspace=workspace, actor_id=user_id)
    return replace(meta, may_act=allowed)


def pick_person(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Draw the form again for the person chosen, or say why they can't be chosen."""
    ack()
    actor_id, workspace = body["user"]["id"], workspace_of(context)
    chosen = action.get("selected_user") or actor_id
    settings = settings_of(services.engine, workspace)
    try:
        verdict = check_rights(
            client, services.engine, workspace=workspace, actor_id=actor_id, person_id=chosen
        )
    except Refused as refused:
        note = refusal(refused.verdict, chosen)

        def refuse(view: dict[str, Any]) -> dict[str, Any]:
            meta = Meta.load(view["private_metadata"])
            # A new version shows the picker as it was, the refused person no longer in it.
            meta = replace(meta, behalf_note=note, version=meta.version + 1)
            return modal_of(read_form(view["state"]["values"]), meta, settings)

        services.redraws.redraw(client, body["view"], action["action_id"], refuse)
        return
    person_id = None if verdict is Verdict.SELF else chosen
    whose = services.directory.person(
        client, team_id=workspace.team_id, user_id=person_id or actor_id
    )
    account = services.accounts.view(workspace, person_id or actor_id)

    def draw(view: dict[str, Any]) -> dict[str, Any]:
        meta = Meta.load(view["private_metadata"])
        form: Form = read_form(view["state"]["values"])
        if person_id is not None:
            form = replace(form, kind=Kind.PERSONAL)
        meta = replace(
            meta,
            tz=whose.tz,
            tz_guessed=whose.guessed,
            for_user=person_id,
            behalf_note="",
            version=meta.version + 1,
        )
        form, meta = with_account(form, meta, account, new=True)
        # The dates are read again in the zone of whom it is for now.
        apply = apply_when if form.when else apply_pickers
        form, meta = apply(form, meta, now=services.clock())
        return modal_of(form, meta, settings)

    services.redraws.redraw(client, body["view"], action["action_id"], draw)


def refused_view(text: str) -> dict[str, Any]:
    """The answer to a submission refused: the refusal in the form's place, nothing saved."""
    return {"response_action": "update", "view": refusal_modal(text)}


def refused_for(
    client: WebClient, services: Services, context: BoltContext, actor_id: str, person_id: str
) -> dict[str, Any] | None:
    """The answer refusing a form submitted for someone else, or None when it may be saved."""
    try:
        check_rights(
            client,
            services.engine,
            workspace=workspace_of(context),
            actor_id=actor_id,
            person_id=person_id,
        )
    except Refused as refused:
        return refused_view(refusal(refused.verdict, person_id))
    return None
