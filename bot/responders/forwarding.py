"""Whether ooo's bot can forward copies where a person asked: to a person or a channel it is in."""

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.problems import Code, Problem
from bot.texts import _

logger = logging.getLogger(__name__)
UNKNOWN = ("user_not_found", "channel_not_found")


def forward_problem(
    client: WebClient, *, person: str | None, channel: str | None
) -> Problem | None:
    """Say what is wrong with a forward destination, or None if the bot can post there; each
    field is held to what it offers, a person or a public channel, whatever was submitted."""
    if person and channel:
        return Problem(Code.FORWARD_BOTH)
    if person:
        return asked(client, person, person_problem)
    if channel:
        return asked(client, channel, _channel_problem)
    return None


def asked(
    client: WebClient, chosen: str, check: Callable[[WebClient, str], Problem | None]
) -> Problem | None:
    """Ask Slack about what a picker sent; one it doesn't know, or can't say, is refused."""
    try:
        return check(client, chosen)
    except (SlackApiError, OSError) as error:
        unknown = isinstance(error, SlackApiError) and error.response.get("error") in UNKNOWN
        if unknown:
            return Problem(Code.FORWARD_UNKNOWN)
        logger.warning("could not check %s: %s", chosen, error)
        return Problem(Code.FORWARD_UNCHECKED)


def person_problem(client: WebClient, user_id: str) -> Problem | None:
    """What keeps a person picker's value from being someone ooo can write to, or None."""
    if user_id[:1] not in ("U", "W"):
        return Problem(Code.NOT_A_PERSON)
    user = client.users_info(user=user_id)["user"]
    if user.get("is_bot") or user_id == "USLACKBOT":
        return Problem(Code.FORWARD_BOT)
    if user.get("deleted"):
        return Problem(Code.FORWARD_DEACTIVATED)
    return None


def _channel_problem(client: WebClient, channel_id: str) -> Problem | None:
    if channel_id[:1] not in ("C", "G"):
        return Problem(Code.FORWARD_DIRECT if channel_id[:1] == "D" else Code.FORWARD_ELSEWHERE)
    channel = client.conversations_info(channel=channel_id)["channel"]
    if channel.get("is_im") or channel.get("is_mpim"):
        return Problem(Code.FORWARD_DIRECT if channel.get("is_im") else Code.FORWARD_GROUP_DM)
    # Copies reach everyone in the channel: the form offers public ones only.
    if channel.get("is_private"):
        return Problem(Code.FORWARD_PRIVATE)
    if channel.get("is_ext_shared"):
        return Problem(Code.FORWARD_EXTERNAL)
    if not channel.get("is_member"):
        return Problem(Code.FORWARD_NOT_MEMBER, name=channel.get("name", _("that channel")))
    return None
