"""`/ooo team …` and its Show more button: answered at once, the view drawn right after."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.team_view import read_state, team_help
from bot.core.problems import Refused
from bot.core.team import DEFAULT_COVERAGE, coverage_from_text
from bot.exports.answers import export_team, preparing
from bot.home.followups import Followups
from bot.listeners.feeds import team_feed_command
from bot.listeners.slash import Slash
from bot.listeners.team_digests import asking_for, digest_command
from bot.services import Services
from bot.team import answers, command
from bot.team.answers import Asking
from bot.texts import N_, _
from bot.texts.problems import word

NO_TEAM = N_(
    "You haven't saved a team yet. `/ooo team set @design` saves one; `/ooo team #channel` or "
    "`/ooo team @group` shows any team."
)


def team_command(slash: Slash) -> None:
    """Route the words after `/ooo team`; anything that waits on Slack is answered right after."""
    ack, services = slash.ack, slash.services
    followups = services.followups
    asking = asking_for(
        services,
        slash.client,
        slash.context,
        user_id=slash.user_id,
        response_url=slash.command["response_url"],
    )
    request = command.read(slash.words)
    if isinstance(request, command.Unclear):
        ack(text=request.problem or _("How to use /ooo team"), blocks=team_help(request.problem))
    elif isinstance(request, command.Show):
        _show(ack, asking, followups, request)
    elif isinstance(request, command.Save):
        _save(ack, asking, followups, request)
    elif isinstance(request, command.Feed):
        team_feed_command(ack, asking, followups, services, request)
    elif isinstance(request, command.Export):
        _export(ack, asking, followups, request)
    else:
        digest_command(ack, asking, followups, request)


def _show(ack: Ack, asking: Asking, followups: Followups, request: command.Show) -> None:
    target, coverage = request.target, DEFAULT_COVERAGE
    if target is None:
        mine = asking.saved_team()
        if mine is None:
            ack(text=_(NO_TEAM), response_type="ephemeral")
            return
        target, coverage = command.Target(mine.target_id, mine.target_label), mine.coverage
    ack()
    followups.later(
        answers.show_team,
        asking,
        target=target,
        window_text=request.window,
        coverage=coverage,
        saved=request.target is None,
    )


def _export(ack: Ack, asking: Asking, followups: Followups, request: command.Export) -> None:
    target = request.target
    if target is None:
        mine = asking.saved_team()
        if mine is None:
            ack(text=_(NO_TEAM), response_type="ephemeral")
            return
        target = command.Target(mine.target_id, mine.target_label)
    ack(text=preparing(target.name), response_type="ephemeral")
    followups.later(export_team, asking, target=target, words=request.period)


def _save(ack: Ack, asking: Asking, followups: Followups, request: command.Save) -> None:
    try:
        coverage = coverage_from_text(request.coverage) if request.coverage else None
    except Refused as refused:
        ack(text=word(refused.problem), response_type="ephemeral")
        return
    mine = asking.saved_team()
    if request.target is not None:
        kept = mine.coverage if mine else DEFAULT_COVERAGE
        ack()
        followups.later(answers.save_team, asking, target=request.target, coverage=coverage or kept)
    elif coverage is None:
        ack(text=_("Say which team: `/ooo team set @design`."), response_type="ephemeral")
    elif mine is None:
        ack(text=_(NO_TEAM), response_type="ephemeral")
    else:
        asking.keep_team(
            target_id=mine.target_id, target_label=mine.target_label, coverage=coverage, tz=mine.tz
        )
        said = _("Coverage for {team} set to {share}%.", team=mine.target_label, share=coverage)
        ack(text=said, response_type="ephemeral")


def show_more(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Replace a team view with its next page."""
    ack()
    state = read_state(str(action.get("value") or ""))
    if state is None:
        return
    asking = asking_for(
        services, client, context, user_id=body["user"]["id"], response_url=body["response_url"]
    )
    services.followups.later(
        answers.show_page,
        asking,
        target=command.Target(state.target_id, state.target_label),
        window=state.window,
        coverage=state.coverage,
        page=state.page,
        saved=state.saved,
    )
