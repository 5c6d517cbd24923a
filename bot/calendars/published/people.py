"""Whose absences a feed shows when it is read, by the team view's rules, from cached lookups."""

from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.calendars.published.feeds import TEAM
from bot.slack.directory import Directory
from bot.slack.roster_pages import RosterBusy
from storage.models import PublishedFeed


class Hidden(Exception):
    """The feed is not for its owner to read any more (they left the private channel, or the
    workspace): it answers as if it did not exist."""


class Unavailable(Exception):
    """Slack can't say who is in the team just now: a calendar should ask again later."""


@dataclass(frozen=True)
class People:
    """Whose absences a feed shows, and the names to call them (and their backups) by."""

    ids: list[str]
    names: dict[str, str]


def people_of(feed: PublishedFeed, client: WebClient, directory: Directory) -> People:
    """The owner for their own feed; for a team's, its active members of this organization,
    only while the owner is active, and in the channel when it is private.

    Everything comes from the directory's caches (a minute for members, ten for the roster).
    """
    team_id = feed.team_id
    if feed.kind != TEAM:
        owner = directory.person(client, team_id=team_id, user_id=feed.owner_id)
        return People([feed.owner_id], {feed.owner_id: owner.name} if owner.name else {})
    assert feed.target_id is not None
    try:
        roster = directory.roster(client, team_id=team_id)
        members = directory.members(client, team_id=team_id, target_id=feed.target_id)
    except (RosterBusy, SlackApiError, OSError) as error:
        raise Unavailable from error
    if feed.owner_id not in roster or (feed.target_private and feed.owner_id not in members):
        raise Hidden
    return People(sorted(members & roster), directory.roster_names(team_id=team_id))


def backup_names(
    people: People, backups: set[str], client: WebClient, directory: Directory, *, team_id: str
) -> dict[str, str]:
    """The names of backups a feed names but that `people` does not know yet (a person's own
    feed knows only its owner), from the directory's five-minute cache."""
    missing = {b for b in backups if b not in people.names}
    return {**people.names, **directory.display_names(client, team_id=team_id, user_ids=missing)}
