"""Whether ooo's bot can forward copies where a person asked: to a person or a channel it is in."""

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.problems import Code, Problem
from bot.texts import _

logger = logging.getLogger(__name__)
UNKNOWN = ("user_not_found", "channel_not_found")


def forward_problem(
    client: WebClient, *, person: str | None, channel: str | None
) -> Problem | None:
    """Say what is wrong with a forward destination, or None if the bot can post there."""
    if person and channel:
        return Problem(Code.FORWARD_BOTH)
    chosen = person or channel
    return _problem(client, chosen) if chosen else None


def _problem(client: WebClient, chosen: str) -> Problem | None:
    """Ask Slack about a person or a channel; anything else can never be posted to."""
    try:
        if chosen[:1] in ("U", "W"):
            return _person_problem(client, chosen)
        if chosen[:1] in ("C", "G"):
            return _channel_problem(client, chosen)
    except (SlackApiError, OSError) as error:
        unknown = isinstance(error, SlackApiError) and error.response.get("error") in UNKNOWN
        if unknown:
            return Problem(Code.FORWARD_UNKNOWN)
        logger.warning("could not check where to forward: %s", error)
        return Problem(Code.FORWARD_UNCHECKED)
    return Problem(Code.FORWARD_DIRECT if chosen[:1] == "D" else Code.FORWARD_ELSEWHERE)


def _person_problem(client: WebClient, user_id: str) -> Problem | None:
    user = client.users_info(user=user_id)["user"]
    if user.get("is_bot") or user_id == "USLACKBOT":
        return Problem(Code.FORWARD_BOT)
    if user.get("deleted"):
        return Problem(Code.FORWARD_DEACTIVATED)
    return None


def _channel_problem(client: WebClient, channel_id: str) -> Problem | None:
    channel = client.conversations_info(channel=channel_id)["channel"]
    if channel.get("is_im"):
        return Problem(Code.FORWARD_DIRECT)
    if channel.get("is_mpim"):
        return Problem(Code.FORWARD_GROUP_DM)
    if channel.get("is_ext_shared"):
        return Problem(Code.FORWARD_EXTERNAL)
    if not channel.get("is_member"):
        return Problem(Code.FORWARD_NOT_MEMBER, name=channel.get("name", _("that channel")))
    return None
