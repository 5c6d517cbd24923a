"""`/ooo week`, `/ooo region`, their admin defaults, and the Home tab's Working days form."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.working_days import (
    FOLLOW,
    NO_HOLIDAYS,
    REGION,
    WEEK,
    follow_option,
    none_option,
    read_form,
    region_option,
    workdays_form,
)
from bot.core.holiday_regions import Region, RegionCode, RegionError, parse_region
from bot.core.working_days import WeekError, checked_week, read_week
from bot.listeners.slash import Slash
from bot.organisation.authority import actor_of, is_workspace_admin
from bot.organisation.settings import settings_of
from bot.services import Services
from bot.slack.context import workspace_of
from bot.slack.modals import open_modal
from bot.texts import _
from bot.texts.working_days import (
    day_names,
    region_refusal,
    region_words,
    week_refusal,
    week_words,
)
from bot.workdays import changes
from bot.workdays.changes import Follow
from bot.workdays.reads import workdays_of
from bot.workdays.region_choices import matching, named

# Words that mean "the workspace's" and "no public holidays", beside region codes.
DEFAULT_WORDS = ("default", FOLLOW)
NONE_WORDS = (NO_HOLIDAYS, "off")


def week_command(slash: Slash) -> None:
    """`/ooo week [mon-thu|default]`: say the person's week, or change it."""
    words, services = slash.words.strip().lower(), slash.services
    if not words:
        _say_schedule(slash)
        return
    week: frozenset[int] | Follow = changes.FOLLOW
    if words not in DEFAULT_WORDS:
        try:
            week = read_week(words, day_names())
        except WeekError as error:
            slash.ack(text=week_refusal(error), response_type="ephemeral")
            return
    changes.set_own(
        services.engine, slash.workspace, slash.user_id, now=services.clock(), week=week
    )
    _say_schedule(slash, saved=True)


def region_command(slash: Slash) -> None:
    """`/ooo region [DE-BY|none|default]`: say the person's region, or change it."""
    words, services = slash.words.strip(), slash.services
    if not words:
        _say_schedule(slash)
        return
    region: Region | Follow | None = changes.FOLLOW
    if words.lower() not in DEFAULT_WORDS:
        try:
            region = _region(words)
        except RegionError as error:
            slash.ack(text=region_refusal(error), response_type="ephemeral")
            return
    changes.set_own(
        services.engine, slash.workspace, slash.user_id, now=services.clock(), region=region
    )
    _say_schedule(slash, saved=True)


def admin_week(slash: Slash) -> None:
    """`/ooo admin week mon-fri`: the week of everyone who chose none; admins and owners only."""
    try:
        week = read_week(slash.words, day_names())
    except WeekError as error:
        slash.ack(text=week_refusal(error), response_type="ephemeral")
        return
    if _refused(slash):
        return
    services = slash.services
    changes.set_default(
        services.engine, slash.workspace, by=slash.user_id, now=services.clock(), week=week
    )
    text = _("Saved: people who chose no week of their own work {days}.", days=week_words(week))
    slash.ack(text=text, response_type="ephemeral")


def admin_region(slash: Slash) -> None:
    """`/ooo admin region DE-BY|none`: the holidays of everyone who chose none; admins only."""
    try:
        region = _region(slash.words)
    except RegionError as error:
        slash.ack(text=region_refusal(error), response_type="ephemeral")
        return
    if _refused(slash):
        return
    services = slash.services
    changes.set_default(
        services.engine, slash.workspace, by=slash.user_id, now=services.clock(), region=region
    )
    text = _(
        "Saved: people who chose no region of their own have public holidays of {region}.",
        region=region_words(region),
    )
    slash.ack(text=text, response_type="ephemeral")


def open_form(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Open the Working days form, filled in with the person's week and region."""
    ack()
    workspace, user_id = workspace_of(context), body["user"]["id"]
    person = services.directory.person(client, team_id=workspace.team_id, user_id=user_id)
    today = services.clock().date()
    view = workdays_of(services.engine, workspace, user_id, today=today, locale=person.locale)
    open_modal(client, body["trigger_id"], workdays_form(view))


def submit_form(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Store the week and region; a week without a day or an unknown region is refused."""
    ticked, chosen = read_form(view["state"]["values"])
    errors: dict[str, str] = {}
    try:
        week = checked_week(ticked)
    except WeekError as error:
        week, errors[WEEK] = frozenset(), week_refusal(error)
    region: Region | Follow | None = changes.FOLLOW
    if chosen != FOLLOW:
        try:
            region = _region(chosen)
        except RegionError as error:
            errors[REGION] = region_refusal(error)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    workspace, user_id = workspace_of(context), body["user"]["id"]
    changes.set_own(
        services.engine, workspace, user_id, now=services.clock(), week=week, region=region
    )
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)


def region_options(
    ack: Ack, payload: dict[str, Any], context: BoltContext, services: Services
) -> None:
    """Offer the regions whose name or code contains what was typed, after the two choices."""
    settings = settings_of(services.engine, workspace_of(context))
    options = [follow_option(settings.region), none_option()]
    options += [region_option(value, label) for value, label in matching(payload.get("value", ""))]
    ack(options=options)


def _region(words: str) -> Region | None:
    """A region typed or picked: a code, a name in the reader's language or English, or none
    (no public holidays)."""
    if words.strip().lower() in NONE_WORDS:
        return None
    try:
        return parse_region(words)
    except RegionError as error:
        if error.code is not RegionCode.UNKNOWN_COUNTRY:
            raise
        return named(words)


def _say_schedule(slash: Slash, *, saved: bool = False) -> None:
    """Answer with the person's week and region as they are now."""
    services = slash.services
    person = services.directory.person(
        slash.client, team_id=slash.workspace.team_id, user_id=slash.user_id
    )
    view = workdays_of(
        services.engine,
        slash.workspace,
        slash.user_id,
        today=services.clock().date(),
        locale=person.locale,
    )
    text = _(
        "You work {days}. Public holidays: {region}.",
        days=week_words(view.week),
        region=region_words(view.region),
    )
    if saved:
        text = _("Saved. {schedule}", schedule=text)
        services.followups.changed(
            slash.client, workspace=slash.workspace, user_id=slash.user_id, origin=None
        )
    slash.ack(text=text, response_type="ephemeral")


def _refused(slash: Slash) -> bool:
    """Refuse, answering why, anyone but the workspace's admins and owners (asked of Slack)."""
    settings = settings_of(slash.services.engine, slash.workspace)
    try:
        actor = actor_of(slash.client, slash.workspace, slash.user_id, settings)
    except (SlackApiError, OSError):
        slash.ack(text=_("Slack could not check this right now. Please try again."))
        return True
    if is_workspace_admin(actor):
        return False
    slash.ack(
        text=_("Only the workspace's admins and owners can change this."),
        response_type="ephemeral",
    )
    return True
