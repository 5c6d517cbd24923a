"""Whether the form's pickers sent what they offer: a person as backup, channels to announce in."""

from functools import partial

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.problems import Code, Problem
from bot.responders.forwarding import asked, person_problem
from bot.slack.directory import Directory


def backup_problem(client: WebClient, backup_id: str | None) -> Problem | None:
    """What keeps the backup from being a person ooo can write to, or None."""
    if not backup_id:
        return None
    problem = asked(client, backup_id, person_problem)
    # The forwarding wording of a bot offers a channel, which this field doesn't.
    return Problem(Code.NOT_A_PERSON) if problem == Problem(Code.FORWARD_BOT) else problem


def announce_problem(
    client: WebClient,
    directory: Directory,
    *,
    team_id: str,
    owner_id: str,
    channels: tuple[str, ...],
) -> Problem | None:
    """The first channel the owner may not announce in: one not public, unless they are in it."""
    check = partial(_channel_problem, directory=directory, team_id=team_id, owner_id=owner_id)
    problems = (asked(client, channel_id, check) for channel_id in channels)
    return next((problem for problem in problems if problem), None)


def _channel_problem(
    client: WebClient, channel_id: str, *, directory: Directory, team_id: str, owner_id: str
) -> Problem | None:
    if channel_id[:1] not in ("C", "G"):
        return Problem(Code.ANNOUNCE_ELSEWHERE)
    try:
        channel = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as error:
        # Slack hides a private channel ooo is not in: nothing can be posted there, and the
        # start says so on the owner's Home tab.
        if error.response.get("error") == "channel_not_found":
            return None
        raise
    if channel.get("is_im") or channel.get("is_mpim"):
        return Problem(Code.ANNOUNCE_ELSEWHERE)
    if not channel.get("is_private"):
        return None
    members = directory.members(client, team_id=team_id, target_id=channel_id)
    if owner_id in members:
        return None
    return Problem(Code.ANNOUNCE_NOT_MEMBER, name=channel.get("name", channel_id))
