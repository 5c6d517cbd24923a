"""`/ooo feed`, `/ooo team feed` and the Home tab's Revoke: published calendar feeds."""

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.feeds import feed_answer, revoked_answer
from bot.calendars.published.team import team_feed
from bot.home.followups import Followups
from bot.listeners.slash import Slash
from bot.services import Services
from bot.slack.context import workspace_of
from bot.team import command
from bot.team.answers import Asking
from bot.texts import N_, _

NO_PUBLIC_URL = N_(
    "This server has no public address yet, so no calendar could read a feed. Ask whoever runs "
    "ooo to set OOO_PUBLIC_URL."
)
NO_TEAM = N_("Say which team: `/ooo team feed #channel` or `/ooo team feed @group`.")
OWN_WORDS = N_("Try `/ooo feed` (your calendar feed), `/ooo feed new` or `/ooo feed off`.")


def feed_command(slash: Slash) -> None:
    """`/ooo feed [new|off]`: the person's own feed, answered at once."""
    services, word = slash.services, slash.words.lower()
    workspace, user_id = slash.workspace, slash.user_id
    if word in command.FEED_OFF:
        revoked = services.feeds.revoke(workspace, user_id)
        slash.ack(text=revoked_answer(revoked), response_type="ephemeral")
        services.followups.changed(slash.client, workspace=workspace, user_id=user_id, origin=None)
    elif word not in ("", "new"):
        slash.ack(text=_(OWN_WORDS), response_type="ephemeral")
    elif not services.feeds.available:
        slash.ack(text=_(NO_PUBLIC_URL), response_type="ephemeral")
    else:
        person = services.directory.person(slash.client, team_id=workspace.team_id, user_id=user_id)
        link, fresh = services.feeds.own(
            workspace, user_id, locale=person.locale, renew=word == "new"
        )
        slash.ack(text=feed_answer(link, fresh=fresh), response_type="ephemeral")
        if fresh:
            services.followups.changed(
                slash.client, workspace=workspace, user_id=user_id, origin=None
            )


def team_feed_command(
    ack: Ack, asking: Asking, followups: Followups, services: Services, request: command.Feed
) -> None:
    """`/ooo team feed [new|off] [#channel|@group]`: the saved team's unless one is named."""
    target = request.target
    if target is None:
        mine = asking.saved_team()
        target = command.Target(mine.target_id, mine.target_label) if mine else None
    if target is None:
        ack(text=_(NO_TEAM), response_type="ephemeral")
    elif request.action == "off":
        revoked = services.feeds.revoke(
            asking.workspace, asking.user_id, team=(target.id, target.name)
        )
        ack(text=revoked_answer(revoked), response_type="ephemeral")
        followups.later(
            asking.homes.publish, asking.client, workspace=asking.workspace, user_id=asking.user_id
        )
    elif not services.feeds.available:
        ack(text=_(NO_PUBLIC_URL), response_type="ephemeral")
    else:
        ack()
        followups.later(
            team_feed, asking, services.feeds, target=target, renew=request.action == "new"
        )


def revoke_clicked(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, services: Services
) -> None:
    """Revoke the feed whose button was clicked (only its owner's), then redraw the Home tab."""
    ack()
    workspace, user_id = workspace_of(context), body["user"]["id"]
    value = str((body.get("actions") or [{}])[0].get("value") or "")
    if value.isdigit():
        services.feeds.revoke(workspace, user_id, feed_id=int(value))
    services.followups.changed(client, workspace=workspace, user_id=user_id, origin=None)
