"""Reading what a shared responder can answer for: a workspace's user groups and channels."""

import logging
import threading
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

# conversations.list is rate-limited (Tier 2); ten pages of 1,000 cover large workspaces.
CHANNEL_PAGES = 10
# Free workspaces have no user groups: a fact about the workspace, not a failure.
NO_GROUPS_HERE = "plan_upgrade_required"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Handle:
    """Something a shared responder can answer for: a user group or a channel."""

    id: str
    label: str
    words: str


class HandleLoad:
    """One load under way: what it found so far, and whether it is done."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self._found: list[Handle] = []
        self._lock = threading.Lock()

    def add(self, handles: list[Handle]) -> None:
        """Record more handles as soon as a page of them arrives."""
        with self._lock:
            self._found.extend(handles)

    def so_far(self) -> list[Handle]:
        """What this load has found until now."""
        with self._lock:
            return list(self._found)


def load_handles(client: WebClient, load: HandleLoad) -> bool:
    """Read user groups, then channels, into `load`; False if any list could not be read."""
    groups = _load_groups(client, load)
    channels = _load_channels(client, load)
    return groups and channels


def _load_groups(client: WebClient, load: HandleLoad) -> bool:
    try:
        groups: list[dict[str, str]] = client.usergroups_list().get("usergroups", [])
    except (SlackApiError, OSError) as error:
        if isinstance(error, SlackApiError) and error.response.get("error") == NO_GROUPS_HERE:
            return True
        logger.warning("could not list user groups: %s", error)
        return False
    load.add(
        [
            Handle(g["id"], f"@{g['handle']}", f"{g['handle']} {g.get('name', '')}".lower())
            for g in groups
        ]
    )
    return True


def _load_channels(client: WebClient, load: HandleLoad) -> bool:
    cursor = ""
    try:
        for _ in range(CHANNEL_PAGES):
            page = client.conversations_list(
                types="public_channel", exclude_archived=True, limit=1000, cursor=cursor or None
            )
            channels: list[dict[str, str]] = page.get("channels", [])
            load.add([Handle(c["id"], f"#{c['name']}", c["name"].lower()) for c in channels])
            cursor = (page.get("response_metadata") or {}).get("next_cursor", "")
            if not cursor:
                break
    except (SlackApiError, OSError) as error:
        logger.warning("could not list channels: %s", error)
        return False
    return True
