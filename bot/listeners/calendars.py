"""`/ooo calendar …` and the Home tab's Calendar form: answered at once, the feed read after."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.blocks.calendar import URL, calendar_form, read_form
from bot.calendars.connected import answers
from bot.calendars.connected.refresh import Reader
from bot.calendars.connected.subscriptions import Person, feed_of
from bot.calendars.connected.sync import default_message
from bot.calendars.connected.words import NO_ENCRYPTION_KEY, why
from bot.calendars.fetching.fetch import FeedError, feed_url, refused_at_once
from bot.listeners.slash import Slash
from bot.services import Services
from bot.slack.context import patient, workspace_of
from bot.slack.modals import open_modal
from bot.texts import _, speaking

OFF = ("off", "disconnect", "remove", "stop")
ONLY_MARKED = ("only-ooo", "ooo-only", "only")
ALL = ("all", "all-absences")


def calendar_command(slash: Slash) -> None:
    """Route the words after `/ooo calendar`: nothing, off, only-ooo, all, or an address."""
    services, words = slash.services, slash.words.strip()
    reader = services.calendars
    person = _person(services, slash.client, slash.workspace, slash.user_id)
    lowered = words.lower()
    if not words:
        text = answers.describe(services.engine, person, now=services.clock())
        slash.ack(text=text, response_type="ephemeral")
        return
    if reader is None:
        slash.ack(text=_(NO_ENCRYPTION_KEY), response_type="ephemeral")
        return
    say = _responding(slash.command["response_url"])
    redraw = _redraw(services, slash.client, person)
    now = services.clock()
    if lowered in OFF:
        slash.ack()
        services.followups.later(
            answers.disconnect_and_say, services.engine, person, say, redraw, now=now
        )
        return
    if lowered in (*ONLY_MARKED, *ALL):
        slash.ack(text=_("Reading your calendar again…"), response_type="ephemeral")
        choice, job = lowered in ONLY_MARKED, answers.choose_and_say
        services.followups.later(
            job, services.engine, reader, person, say, redraw, marked_only=choice, now=now
        )
        return
    slash.ack(text=_(":hourglass: Reading your calendar…"), response_type="ephemeral")
    services.followups.later(
        answers.connect_and_say, services.engine, reader, person, say, redraw, typed=words, now=now
    )


def open_form(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Open the Calendar form, filled in with the connected feed's choices."""
    ack()
    person = _person(services, client, workspace_of(context), body["user"]["id"])
    feed = feed_of(services.engine, person)
    with speaking(person.locale):
        status = None if feed is None else answers.status_of(feed)
        view = calendar_form(status, default_message=default_message(person.locale))
    open_modal(client, body["trigger_id"], view)


def submit_form(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Check the address at once (field errors), then read it and DM what it found."""
    form, reader = read_form(view), services.calendars
    person = _person(services, client, workspace_of(context), body["user"]["id"])
    with speaking(person.locale):
        problem = _(NO_ENCRYPTION_KEY) if reader is None else _address_problem(form.url, reader)
    if reader is None or problem:
        ack(response_action="errors", errors={URL: problem})
        return
    ack()
    services.followups.later(
        answers.connect_and_say,
        services.engine,
        reader,
        person,
        _dm(client, person.user_id),
        _redraw(services, client, person),
        typed=form.url,
        now=services.clock(),
        marked_only=form.marked_only,
        message=form.message,
    )


def disconnect_clicked(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Disconnect the feed from the Home tab, and say what became of its responders."""
    ack()
    person = _person(services, client, workspace_of(context), body["user"]["id"])
    now = services.clock()
    say, redraw = _dm(client, person.user_id), _redraw(services, client, person)
    services.followups.later(
        answers.disconnect_and_say, services.engine, person, say, redraw, now=now
    )


def _address_problem(typed: str, reader: Reader) -> str:
    """Why a typed address can't be a feed's, or "" (empty keeps the connected one)."""
    if not typed:
        return ""
    try:
        refused_at_once(feed_url(typed), reader.allow_hosts)
    except FeedError as error:
        return why(error.code, error.params)
    return ""


def _person(services: Services, client: WebClient, workspace: Any, user_id: str) -> Person:
    found = services.directory.person(client, team_id=workspace.team_id, user_id=user_id)
    return Person(workspace=workspace, user_id=user_id, tz=found.tz, locale=found.locale)


def _responding(response_url: str) -> answers.Say:
    """Answer privately where the command was typed."""

    def say(text: str) -> None:
        """Send one sentence to the command's response_url."""
        WebhookClient(response_url).send(text=text, response_type="ephemeral")

    return say


def _dm(client: WebClient, user_id: str) -> answers.Say:
    """Answer in a DM: a form's answer has nowhere else to go once it closed."""

    def say(text: str) -> None:
        """DM one sentence."""
        patient(client).chat_postMessage(channel=user_id, text=text)

    return say


def _redraw(services: Services, client: WebClient, person: Person) -> answers.Redraw:
    """Bring the person's Home tab up to date (its Calendar section and list)."""

    def redraw() -> None:
        """Publish the Home tab as the database is now."""
        services.homes.publish(patient(client), workspace=person.workspace, user_id=person.user_id)

    return redraw
