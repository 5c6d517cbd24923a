"""The fake's people's own settings: their status and their snooze, as their user tokens see them.

A status past its expiration reads as cleared and a snooze past its end as off, by the fake's
clock, as Slack does.
"""

from __future__ import annotations

from typing import Any

from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import Args, Workspace, handles

STATUS_MAX = 100
# Slack gives no figure in the method reference; the fake refuses snoozes over a day, so ooo
# must re-snooze a longer absence.
SNOOZE_MAX_MINUTES = 24 * 60


def status_of(ws: Workspace, user_id: str) -> tuple[str, str, int]:
    """A person's status now: text, emoji and expiration (0: none); an expired one is cleared."""
    text, emoji, expiration = ws.statuses.get(user_id, ("", "", 0))
    if expiration and expiration <= ws.now().timestamp():
        return "", "", 0
    return text, emoji, expiration


def snooze_end(ws: Workspace, user_id: str) -> int | None:
    """When a person's snooze ends (Unix time), or None when they are not snoozed."""
    end = ws.snoozes.get(user_id)
    return end if end is not None and end > ws.now().timestamp() else None


@handles("users.profile.get")
def users_profile_get(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """The caller's profile (or the named person's), with their current status."""
    user_id = args.get("user") or caller.user_id
    user = ws.users.get(user_id)
    if user is None:
        raise SlackError("user_not_found")
    text, emoji, expiration = status_of(ws, user_id)
    profile = {"real_name": user.real_name or user.name.title(), "display_name": user.name}
    profile |= {"status_text": text, "status_emoji": emoji, "status_expiration": expiration}
    return {"profile": profile}


@handles("users.profile.set")
def users_profile_set(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Set the caller's status; `user` (someone else) is for admins, which ooo is not."""
    if args.get("user") not in (None, caller.user_id):
        raise SlackError("not_admin")
    profile = args.get("profile")
    if not isinstance(profile, dict):
        raise SlackError("invalid_profile")
    before = status_of(ws, caller.user_id)
    text = str(profile.get("status_text", before[0]))
    emoji = str(profile.get("status_emoji", before[1]))
    expiration = int(profile.get("status_expiration", before[2]) or 0)
    if len(text) > STATUS_MAX:
        raise SlackError("too_long")
    if emoji and not (emoji.startswith(":") and emoji.endswith(":")):
        raise SlackError("invalid_emoji_not_allowed")
    ws.statuses[caller.user_id] = (text, emoji, expiration)
    return {"profile": users_profile_get(ws, {}, caller)["profile"]}


@handles("dnd.info")
def dnd_info(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Whether the caller (or the named person) is snoozed, and until when."""
    user_id = args.get("user") or caller.user_id
    if user_id not in ws.users:
        raise SlackError("user_not_found")
    end = snooze_end(ws, user_id)
    body: dict[str, Any] = {"dnd_enabled": False, "snooze_enabled": end is not None}
    if end is not None:
        body |= {"snooze_endtime": end, "snooze_remaining": end - int(ws.now().timestamp())}
    return body


@handles("dnd.setSnooze")
def dnd_set_snooze(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Snooze the caller's notifications for `num_minutes` from now."""
    raw = str(args.get("num_minutes") or "")
    if not raw.isdigit() or int(raw) < 1:
        raise SlackError("missing_duration" if not raw else "invalid_arguments")
    if int(raw) > SNOOZE_MAX_MINUTES:
        raise SlackError("too_long")
    now = int(ws.now().timestamp())
    ws.snoozes[caller.user_id] = end = now + int(raw) * 60
    return {"snooze_enabled": True, "snooze_endtime": end, "snooze_remaining": end - now}


@handles("dnd.endSnooze")
def dnd_end_snooze(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """End the caller's snooze now."""
    if snooze_end(ws, caller.user_id) is None:
        raise SlackError("snooze_not_active")
    del ws.snoozes[caller.user_id]
    return {"dnd_enabled": False, "snooze_enabled": False}
