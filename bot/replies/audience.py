"""Who could have read a message: in a private conversation, only its members.

People's connected accounts show ooo every private conversation they are in. A mention there of
someone outside it, or of a group or channel whose responder's owner is outside it, is nothing
that owner could have seen: ooo neither answers it, nor forwards it, nor keeps it for their
digest. Anyone may read a public channel, and a DM's recipient is in it.
"""

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.accounts.connected import ConnectedAccounts
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.replies.direct import LOOKUP_TIMEOUT, seen_by
from bot.slack.directory import Directory

logger = logging.getLogger(__name__)
PRIVATE = frozenset({"group", "mpim"})


def readers_only(
    responders: list[Responder],
    *,
    workspace: Workspace,
    body: dict[str, Any],
    event: dict[str, Any],
    bot: WebClient,
    directory: Directory,
    accounts: ConnectedAccounts,
) -> list[Responder]:
    """The responders whose owner could read this message.

    Slack is asked (through a cache) with the token that delivered the event, whose owner is
    in the conversation; when it can't say, nobody outside it counts as a reader.
    """
    if event.get("channel_type") not in PRIVATE:
        return responders
    viewer = seen_by(body)
    known = {str(who) for who in (viewer, event.get("user")) if who}
    if all(r.owner_id in known for r in responders):
        return responders
    client = bot if viewer is None else accounts.user_client_for(workspace, viewer)
    if client is not None and viewer is not None:
        client.timeout = LOOKUP_TIMEOUT
    channel = str(event.get("channel") or "")
    members: frozenset[str] = frozenset()
    if client is not None:
        try:
            members = directory.members(client, team_id=workspace.team_id, target_id=channel)
        except (SlackApiError, OSError) as error:
            logger.warning("could not read who is in %s: %s", channel, error)
    readers = known | members
    return [r for r in responders if r.owner_id in readers]
