"""Who is in a channel or user group when an export is asked outside Slack (`ooo export`)."""

from slack_sdk import WebClient

from bot.clock import Clock
from bot.slack.directory import Directory
from bot.team.command import Target
from bot.team.members import team_of


def members_of(
    client: WebClient, *, team_id: str, target_id: str | None, clock: Clock
) -> tuple[list[str] | None, dict[str, str]]:
    """The team's active people (None: the whole workspace) and their full names, as Slack
    says now.

    Nobody asks, so no private channel is refused; Refusal when Slack can't show the team,
    RosterBusy when it would not list the workspace's people.
    """
    directory = Directory(clock)
    if target_id is None:
        directory.roster(client, team_id=team_id)
        return None, directory.roster_names(team_id=team_id, full=True)
    target = Target(target_id, target_id)
    team = team_of(client, target, team_id=team_id, asker=None, people=directory)
    return team.people, directory.roster_names(team_id=team_id, full=True)
