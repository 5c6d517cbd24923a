"""`/ooo` and its subcommands: open the form, list, turn off, digest, team, calendar, feed, help."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.dialogs import help_blocks
from bot.blocks.responder_list import list_message
from bot.listeners import admin, behalf, calendars, closures, feeds, team_views, workdays
from bot.listeners.refusals import REFUSED, text_answer
from bot.listeners.slash import Slash, Subcommand, route
from bot.organisation.returns import backs_of
from bot.organisation.settings import schedule_of, settings_of
from bot.replies.asks import digest_now
from bot.responders.drafting import blank_form, form_from_text, modal_of, with_account
from bot.responders.use_cases import turn_off, visible_to
from bot.services import Services
from bot.slack.modals import open_modal
from bot.texts import _, ngettext


def ooo_command(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Route `/ooo [text]` to its subcommand, or open the form prefilled from the text."""
    text = " ".join(command.get("text", "").split())
    routed = route(SUBCOMMANDS, text)
    subcommand, words = routed if routed else (None, text)
    slash = Slash(ack, words, command, client, context, services)
    (subcommand.answer if subcommand else _open_form)(slash)


def _help(slash: Slash) -> None:
    """Every subcommand with examples."""
    slash.ack(text=_("How to use /ooo"), blocks=help_blocks())


def _list(slash: Slash) -> None:
    """Answer privately with the person's responders, and those of their groups and channels."""
    services, now = slash.services, slash.services.clock()
    shown = visible_to(
        services.engine,
        slash.client,
        services.directory,
        workspace=slash.workspace,
        user_id=slash.user_id,
        now=now,
    )
    privacy = settings_of(services.engine, slash.workspace).privacy
    backs = backs_of(services.engine, shown)
    text, blocks = list_message(shown, now=now, backs=backs, viewer=slash.user_id, privacy=privacy)
    slash.ack(text=text, blocks=blocks, response_type="ephemeral")


def _digest(slash: Slash) -> None:
    """DM the digest of the responders on now, or of the one that ended last."""
    services = slash.services
    queued = digest_now(
        services.engine, workspace=slash.workspace, owner_id=slash.user_id, now=services.clock()
    )
    if not queued:
        slash.ack(text=_("You have no responder on or recently ended, so there is no digest yet."))
        return
    slash.ack(text=_(":incoming_envelope: Your digest is on its way to your DMs with me."))


def _turn_off(slash: Slash) -> None:
    """End every responder the person owns that is on now, theirs or a group's or channel's."""
    services, ack = slash.services, slash.ack
    try:
        ended = turn_off(
            services.engine,
            workspace=slash.workspace,
            owner_id=slash.user_id,
            now=services.clock(),
        )
    except REFUSED as refusal:
        ack(text=text_answer(refusal), response_type="ephemeral")
        return
    if not ended:
        ack(
            text=_("No responder is on right now. `/ooo list` shows the ones you have."),
            response_type="ephemeral",
        )
        return
    # One responder is not counted aloud; several are, in the reader's plural.
    text = _(":wave: Welcome back! Your responder is off.")
    if len(ended) > 1:
        text = ngettext(
            ":wave: Welcome back! Your {count} responder is off.",
            ":wave: Welcome back! Your {count} responders are off.",
            len(ended),
        )
    ack(text=text, response_type="ephemeral")
    # The welcome back DM comes with the off transition the scheduler applies.
    services.followups.changed(
        slash.client, workspace=slash.workspace, user_id=slash.user_id, origin=None
    )


def _open_form(slash: Slash) -> None:
    """Open the form, prefilled from the words when there are any."""
    services, client, user_id = slash.services, slash.client, slash.user_id
    person = services.directory.person(client, team_id=slash.workspace.team_id, user_id=user_id)
    tz, locale, now, guessed = person.tz, person.locale, services.clock(), person.guessed
    settings = settings_of(services.engine, slash.workspace)
    schedule = schedule_of(services.engine, slash.workspace, user_id)
    if slash.words:
        form, meta = form_from_text(
            slash.words,
            tz=tz,
            locale=locale,
            now=now,
            settings=settings,
            guessed=guessed,
            schedule=schedule,
        )
    else:
        form, meta = blank_form(
            tz=tz, locale=locale, now=now, settings=settings, guessed=guessed, schedule=schedule
        )
    account = services.accounts.view(slash.workspace, user_id)
    form, meta = with_account(form, meta, account, new=True)
    meta = behalf.offer_picker(meta, client, services, workspace=slash.workspace, user_id=user_id)
    if open_modal(client, slash.command["trigger_id"], modal_of(form, meta, settings)):
        slash.ack()
    else:
        slash.ack(
            text=_("Slack did not let me open the form in time. Please try again."),
            response_type="ephemeral",
        )


# Longest name first wins; anything else is dates for the form.
SUBCOMMANDS = (
    Subcommand(("help", "?"), _help),
    Subcommand(("list",), _list),
    Subcommand(("team",), team_views.team_command, takes_words=True),
    Subcommand(("calendar",), calendars.calendar_command, takes_words=True),
    Subcommand(("digest",), _digest),
    Subcommand(("feed",), feeds.feed_command, takes_words=True),
    Subcommand(("admin",), admin.admin_command, takes_words=True),
    Subcommand(("closure",), closures.closure_command, takes_words=True),
    Subcommand(("for",), behalf.for_command, takes_words=True),
    Subcommand(("off", "back", "stop", "end"), _turn_off),
    Subcommand(("week",), workdays.week_command, takes_words=True),
    Subcommand(("region",), workdays.region_command, takes_words=True),
)
