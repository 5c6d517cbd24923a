"""Who is in a channel or user group when an export is asked outside Slack (`ooo export`)."""

from slack_sdk import WebClient

from bot.clock import Clock
from bot.slack.directory import Directory
from bot.team.command import Target
from bot.team.members import team_of


def members_of(
    client: WebClient, *, team_id: str, target_id: str, clock: Clock
) -> tuple[list[str], dict[str, str]]:
    """The team's active people and their display names, as Slack says now.

    Nobody asks, so no private channel is refused; Refusal when Slack can't show the team.
    """
    people = Directory(clock)
    team = team_of(client, Target(target_id, target_id), team_id=team_id, asker=None, people=people)
    return team.people, people.roster_names(team_id=team_id)
