"""`/ooo team digest …`: set one up (answered right after), list them, stop one."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.team_digest import digest_list, removed_text
from bot.blocks.team_digest_form import CHANNEL, digest_form, read_form
from bot.core.team import DEFAULT_COVERAGE
from bot.home.followups import Followups
from bot.services import Services
from bot.slack.modals import open_modal
from bot.team import answers, command, digests
from bot.team.answers import Asking
from bot.team.members import Refusal


def digest_command(
    ack: Ack, asking: Asking, followups: Followups, request: command.Request
) -> None:
    """Set up, list or stop the asker's digests."""
    if isinstance(request, command.ListDigests):
        text, blocks = digest_list(*digests.listed(asking))
        ack(text=text, blocks=blocks, response_type="ephemeral")
    elif isinstance(request, command.Unsubscribe):
        _remove(ack, asking, request.words)
    elif isinstance(request, command.Subscribe):
        mine = asking.saved_team()
        team, coverage = request.target, DEFAULT_COVERAGE
        if mine is not None and (team is None or team.id == mine.target_id):
            team, coverage = command.Target(mine.target_id, mine.target_label), mine.coverage
        ack()
        followups.later(digests.subscribe, asking, request=request, team=team, coverage=coverage)


def _remove(ack: Ack, asking: Asking, named: str) -> None:
    """Stop the digests named, or say why none was."""
    chosen = digests.remove_named(asking, named)
    text = chosen if isinstance(chosen, str) else removed_text(chosen)
    ack(text=text, response_type="ephemeral")


def open_form(
    ack: Ack,
    body: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Open the digest form for the saved team, from the Home tab."""
    ack()
    asking = asking_for(services, client, context, user_id=body["user"]["id"], after_answer=False)
    mine = asking.saved_team()
    if mine is not None:
        view = digest_form(target_id=mine.target_id, target_label=mine.target_label)
        open_modal(client, body["trigger_id"], view)


def submit_form(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Set the digest up, or point at the channel with what is wrong; confirm it in a DM."""
    form = read_form(view)
    asking = asking_for(services, client, context, user_id=body["user"]["id"], after_answer=False)
    mine = asking.saved_team()
    try:
        digests.set_up(
            asking,
            channel=command.Target(form.channel_id, f"<#{form.channel_id}>"),
            at=form.at,
            team=command.Target(form.target_id, form.target_label),
            cadence=form.cadence,
            coverage=mine.coverage
            if mine and mine.target_id == form.target_id
            else DEFAULT_COVERAGE,
            confirm_in_dm=True,
        )
    except Refusal as error:
        ack(response_action="errors", errors={CHANNEL: str(error)})
        return
    ack()


def asking_for(
    services: Services,
    client: WebClient,
    context: BoltContext,
    *,
    user_id: str,
    response_url: str = "",
    after_answer: bool = True,
) -> Asking:
    """What a team answer needs from a request; from the Home tab it is answered in the modal
    (no response_url, Slack's 1 s timeout)."""
    return answers.asking(
        client,
        context,
        engine=services.engine,
        directory=services.directory,
        homes=services.homes,
        user_id=user_id,
        response_url=response_url,
        now=services.clock(),
        after_answer=after_answer,
    )
