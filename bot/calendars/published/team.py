"""`/ooo team feed`: a team's feed, made once the asker may see that team, answered afterwards."""

from bot.blocks.feeds import feed_answer
from bot.calendars.published.feeds import PublishedFeeds, TeamTarget
from bot.team.answers import Asking
from bot.team.command import Target


def team_feed(asking: Asking, feeds: PublishedFeeds, *, target: Target, renew: bool) -> None:
    """Give the asker their feed of a team, under the team view's rules; or say why not."""
    team = asking.seen_team(target)
    if team is None:
        return
    person = asking.directory.person(
        asking.client, team_id=asking.workspace.team_id, user_id=asking.user_id
    )
    link, fresh = feeds.team(
        asking.workspace,
        asking.user_id,
        TeamTarget(team.id, team.label, team.private),
        locale=person.locale,
        renew=renew,
    )
    asking.reply(feed_answer(link, fresh=fresh))
    asking.homes.publish(asking.client, workspace=asking.workspace, user_id=asking.user_id)
