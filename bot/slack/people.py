"""People's display names for button labels (which can't mention anyone), cached briefly."""

import threading
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

TTL = 300.0
_lock = threading.Lock()
_names: dict[tuple[str, str], tuple[float, str]] = {}


def display_names(client: WebClient, *, team_id: str, user_ids: set[str]) -> dict[str, str]:
    """Each person's display name; one Slack can't give is left out (callers say something else)."""
    found: dict[str, str] = {}
    for user_id in user_ids:
        name = _name(client, team_id, user_id)
        if name:
            found[user_id] = name
    return found


def _name(client: WebClient, team_id: str, user_id: str) -> str | None:
    with _lock:
        hit = _names.get((team_id, user_id))
    if hit and time.monotonic() - hit[0] < TTL:
        return hit[1]
    try:
        user = client.users_info(user=user_id)["user"]
    except (SlackApiError, OSError):
        return None
    profile = user.get("profile") or {}
    name = str(profile.get("display_name") or user.get("real_name") or user.get("name") or "")
    with _lock:
        _names[(team_id, user_id)] = (time.monotonic(), name)
    return name or None
