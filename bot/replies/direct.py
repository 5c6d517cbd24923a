"""Whom a direct message was sent to, when ooo sees it through someone's connected account.

Slack names one authorization per event: the person whose account let ooo see it. When that
is the recipient, the event says everything; when it is the sender (both connected), the DM's
other member is asked of Slack once, with the sender's token, and remembered: a DM's two
members never change. Only DMs to someone who connected their account are answered: their
account is what lets ooo answer their direct messages.
"""

import logging
import threading
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.accounts.connected import ConnectedAccounts
from bot.core.workspace import Workspace

logger = logging.getLogger(__name__)
# Enough for every DM a busy workspace writes in between restarts; past it, start over.
REMEMBERED = 50_000
# Asked while Slack waits for the event's answer: rather unanswered than late.
LOOKUP_TIMEOUT = 2


def seen_by(body: dict[str, Any]) -> str | None:
    """The person (not the bot) whose connected account delivered this event."""
    for authorization in body.get("authorizations") or []:
        if not authorization.get("is_bot") and authorization.get("user_id"):
            return str(authorization["user_id"])
    return None


class DirectRecipients:
    """Finds the recipient of a person-to-person DM, asking Slack at most once per DM."""

    def __init__(self, accounts: ConnectedAccounts) -> None:
        self._accounts = accounts
        self._lock = threading.Lock()
        self._other: dict[tuple[str, str, str], str] = {}

    def recipient(
        self, workspace: Workspace, *, body: dict[str, Any], event: dict[str, Any]
    ) -> str | None:
        """Who a DM was sent to; None when ooo can't tell (then nobody answers it)."""
        viewer, sender = seen_by(body), event.get("user")
        if viewer is None or not sender:
            return None  # a DM with ooo itself, or no person wrote it
        if viewer != sender:
            return viewer
        other = self._other_member(workspace, viewer, str(event.get("channel") or ""))
        return other if other and self._accounts.connected(workspace, other) else None

    def _other_member(self, workspace: Workspace, viewer: str, channel: str) -> str | None:
        key = (workspace.team_id, viewer, channel)
        with self._lock:
            known = self._other.get(key)
        if known is not None:
            return known
        client = self._accounts.user_client_for(workspace, viewer)
        if client is None:
            return None
        client.timeout = LOOKUP_TIMEOUT
        try:
            other = client.conversations_info(channel=channel)["channel"].get("user")
        except (SlackApiError, OSError) as error:
            logger.warning("could not tell whom a direct message was for: %s", error)
            return None
        if not other:
            return None
        with self._lock:
            if len(self._other) >= REMEMBERED:
                self._other.clear()
            self._other[key] = str(other)
        return str(other)
