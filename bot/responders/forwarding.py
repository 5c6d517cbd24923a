"""Whether ooo's bot can forward copies where a person asked: to a person or a channel it is in."""

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)
DIRECT = "ooo can't post in someone else's direct messages. Choose the person instead."
UNKNOWN = ("user_not_found", "channel_not_found")
GROUP_DM = "ooo can't post in a group DM. Choose one person, or a channel."


def forward_problem(client: WebClient, *, person: str | None, channel: str | None) -> str | None:
    """Say what is wrong with a forward destination, or None if the bot can post there."""
    if person and channel:
        return "Choose a person or a channel, not both."
    chosen = person or channel
    return _problem(client, chosen) if chosen else None


def _problem(client: WebClient, chosen: str) -> str | None:
    """Ask Slack about a person or a channel; anything else can never be posted to."""
    try:
        if chosen[:1] in ("U", "W"):
            return _person_problem(client, chosen)
        if chosen[:1] in ("C", "G"):
            return _channel_problem(client, chosen)
    except (SlackApiError, OSError) as error:
        unknown = isinstance(error, SlackApiError) and error.response.get("error") in UNKNOWN
        if unknown:
            return "Slack doesn't know that person or channel. Choose another one."
        logger.warning("could not check where to forward: %s", error)
        return "Slack could not check this right now. Please try again."
    return DIRECT if chosen[:1] == "D" else "That is not a person or a channel ooo knows."


def _person_problem(client: WebClient, user_id: str) -> str | None:
    user = client.users_info(user=user_id)["user"]
    if user.get("is_bot") or user_id == "USLACKBOT":
        return "That is a bot. Choose a person, or a channel."
    if user.get("deleted"):
        return "That account is deactivated. Choose someone else."
    return None


def _channel_problem(client: WebClient, channel_id: str) -> str | None:
    channel = client.conversations_info(channel=channel_id)["channel"]
    if channel.get("is_im"):
        return DIRECT
    if channel.get("is_mpim"):
        return GROUP_DM
    if channel.get("is_ext_shared"):
        return "That channel is shared with another organization. Choose an internal one."
    if not channel.get("is_member"):
        name = channel.get("name", "that channel")
        return f"ooo is not in #{name}. Type /invite @ooo there first, or choose another one."
    return None
