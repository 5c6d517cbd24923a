"""`/ooo` and its subcommands: open the form, list, turn off, help."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.blocks.dialogs import BUSY, help_blocks
from bot.blocks.responder_list import list_message
from bot.blocks.responder_modal import build_modal
from bot.clock import Clock
from bot.listeners.replies import send_digest_now
from bot.listeners.team_views import team_command
from bot.responders.drafting import blank_form, form_from_text, with_account
from bot.responders.followups import Followups
from bot.responders.use_cases import end
from bot.slack.context import workspace_of
from bot.slack.directory import Directory
from bot.slack.modals import open_modal
from storage import responder_queries
from storage.db import Busy, session_scope

OFF_WORDS = frozenset({"off", "back", "stop", "end"})


def ooo_command(
    ack: Ack,
    command: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    clock: Clock,
    engine: Engine,
    directory: Directory,
    followups: Followups,
) -> None:
    """Route `/ooo [text]` to the form, the list, the digest, turning off, or the help."""
    text = " ".join(command.get("text", "").split())
    word = text.lower()
    user_id = command["user_id"]
    if word in ("help", "?"):
        ack(text="How to use /ooo", blocks=help_blocks())
    elif word == "list":
        _list(ack, context, engine, user_id=user_id, clock=clock)
    elif word.split(" ")[0] == "team":
        team_command(
            ack, text[4:].strip(), command, client, context, clock, engine, directory, followups
        )
    elif word == "digest":
        send_digest_now(ack, context, clock, engine, user_id=user_id)
    elif word in OFF_WORDS:
        _turn_off(ack, client, context, engine, followups, user_id=user_id, clock=clock)
    else:
        person = directory.person(client, team_id=context.team_id or "", user_id=user_id)
        now = clock()
        if text:
            form, meta = form_from_text(
                text, tz=person.tz, locale=person.locale, now=now, guessed=person.guessed
            )
        else:
            form, meta = blank_form(
                tz=person.tz, locale=person.locale, now=now, guessed=person.guessed
            )
        account = context["accounts"].view(workspace_of(context), user_id)
        form, meta = with_account(form, meta, account, new=True)
        if open_modal(client, command["trigger_id"], build_modal(form, meta)):
            ack()
        else:
            ack(
                text="Slack did not let me open the form in time. Please try again.",
                response_type="ephemeral",
            )


def _list(ack: Ack, context: BoltContext, engine: Engine, *, user_id: str, clock: Clock) -> None:
    """Answer privately with the person's responders."""
    now = clock()
    with session_scope(engine) as session:
        mine = responder_queries.responders_of(
            session, workspace=workspace_of(context), owner_id=user_id, now=now
        )
    text, blocks = list_message(mine, now=now)
    ack(text=text, blocks=blocks, response_type="ephemeral")


def _turn_off(
    ack: Ack,
    client: WebClient,
    context: BoltContext,
    engine: Engine,
    followups: Followups,
    *,
    user_id: str,
    clock: Clock,
) -> None:
    """End every responder the person owns that is on now, theirs or a group's or channel's."""
    now, workspace = clock(), workspace_of(context)
    try:
        with session_scope(engine) as session:
            responder_queries.lock_owner(session, workspace=workspace, owner_id=user_id)
            active = responder_queries.responders_on(
                session, workspace=workspace, owner_id=user_id, now=now
            )
            for responder in active:
                end(session, responder=responder, now=now)
    except Busy:
        ack(text=BUSY, response_type="ephemeral")
        return
    if not active:
        ack(
            text="No responder is on right now. `/ooo list` shows the ones you have.",
            response_type="ephemeral",
        )
        return
    which = "Your responder is" if len(active) == 1 else f"Your {len(active)} responders are"
    ack(text=f":wave: Welcome back! {which} off.", response_type="ephemeral")
    # The welcome back DM comes with the off transition the scheduler applies.
    followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
