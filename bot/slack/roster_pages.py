"""A workspace's people read from users.list page by page, resuming where Slack stopped it."""

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

ROSTER_PAGE = 1000
SLACKBOT = "USLACKBOT"
# After a failed page, ask again this soon unless Slack said how long to wait.
PAGE_RETRY_AFTER = timedelta(seconds=10)


class RosterBusy(Exception):
    """Slack would not list a workspace's people just now, and none were listed before."""


@dataclass
class Paging:
    """A listing of people under way: who was read so far, and where and when to go on."""

    people: set[str] = field(default_factory=set)
    # What Slack shows of each of them (display name, else real name), for feeds to name them.
    names: dict[str, str] = field(default_factory=dict)
    # Their full names (real name, else display name), for exports HR reads.
    full_names: dict[str, str] = field(default_factory=dict)
    cursor: str | None = None
    retry_at: datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def wait_asked(error: Exception) -> timedelta:
    """How long Slack asked to wait (Retry-After on a 429), else the usual pause."""
    if isinstance(error, SlackApiError) and error.response.status_code == 429:
        headers = error.response.headers
        header = headers.get("Retry-After") or headers.get("retry-after")
        if str(header).isdigit():
            return timedelta(seconds=int(header))
    return PAGE_RETRY_AFTER


def name_of(user: dict[str, Any]) -> str:
    """What Slack shows of a user: display name, else real name, else handle."""
    profile = user.get("profile") or {}
    return str(profile.get("display_name") or user.get("real_name") or user.get("name") or "")


def full_name_of(user: dict[str, Any]) -> str:
    """A user's full name: real name, else what Slack shows of them."""
    profile = user.get("profile") or {}
    return str(profile.get("real_name") or user.get("real_name") or name_of(user))


def load_roster(client: WebClient, paging: Paging) -> frozenset[str]:
    """Read every person of the workspace from users.list, page by page, from `paging` on."""
    while True:
        page = client.users_list(limit=ROSTER_PAGE, cursor=paging.cursor)
        active = [
            u
            for u in page["members"]
            if not (u.get("is_bot") or u.get("deleted") or u.get("is_stranger"))
            and u["id"] != SLACKBOT
        ]
        paging.people |= {u["id"] for u in active}
        paging.names |= {u["id"]: name for u in active if (name := name_of(u))}
        paging.full_names |= {u["id"]: name for u in active if (name := full_name_of(u))}
        paging.cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not paging.cursor:
            return frozenset(paging.people)
