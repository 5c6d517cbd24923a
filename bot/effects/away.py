"""The steps that act as a responder's owner, with their connected account: their status and
their snooze, set when it turns on and put back when it turns off, each exactly once.

The status the owner had is saved on the responder before ooo sets its own, so a delivery cut
short after the set finds it again instead of saving ooo's status as theirs.
"""

import json
import math
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient

from bot.core.responder import Phase, phase_at
from bot.effects.errors import Permanent
from bot.effects.kinds import Delivery, kind
from bot.effects.lifecycle import SKIPPED, responder_of
from storage import account_queries as stored
from storage.db import session_scope
from storage.effects_queries import enqueue_effect, undelivered
from storage.models import Responder

EMOJI, TEXT = ":palm_tree:", "Out of office"
STATUS_MAX = 100
# Slack's reference gives no maximum for dnd.setSnooze; a day is one its own menus offer, so a
# longer absence is snoozed a day at a time, renewed a little before each day runs out.
SNOOZE_MAX = timedelta(days=1)
RENEW_AHEAD = timedelta(minutes=5)


def _as_owner(delivery: Delivery) -> WebClient:
    """The owner's own client, or a permanent `not_connected` (shown on their Home tab)."""
    accounts = delivery.services.get("accounts")
    assert delivery.owner_id is not None
    client: WebClient | None = None
    if accounts is not None:
        client = accounts.user_client_for(delivery.workspace, delivery.owner_id)
    if client is None:
        raise Permanent("not_connected")
    return client


class PutBackFirst(Exception):
    """An earlier absence of the owner is still being put back: retried after the backoff."""


def _after_put_back(delivery: Delivery, put_back: str) -> None:
    """Set nothing while the owner's last absence is still being put back (a delivery cut short
    by a crash waits out its lease): that put-back, run after, would undo this set."""
    assert delivery.owner_id is not None
    with session_scope(delivery.engine) as session:
        pending = undelivered(
            session, workspace=delivery.workspace, owner_id=delivery.owner_id, kind=put_back
        )
    if pending:
        raise PutBackFirst(put_back)


def _running(responder: Responder, now: datetime) -> bool:
    active = phase_at(responder.starts_at, responder.ends_at, now) is Phase.ACTIVE
    return active and responder.deleted_at is None


def status_text(responder: Responder) -> str:
    """ "Out of office · back Wed 16 Dec" in the owner's zone; no return day when permanent."""
    if responder.ends_at is None:
        return TEXT
    back = responder.ends_at.astimezone(ZoneInfo(responder.tz))
    return f"{TEXT} · back {back:%a} {back.day} {back:%b}"[:STATUS_MAX]


def _status(profile: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": profile.get("status_text") or "",
        "emoji": profile.get("status_emoji") or "",
        "expiration": int(profile.get("status_expiration") or 0),
    }


def _set(client: WebClient, status: dict[str, Any]) -> None:
    profile = {
        "status_text": status["text"],
        "status_emoji": status["emoji"],
        "status_expiration": status["expiration"],
    }
    client.users_profile_set(profile=profile)


@kind("away.status_set")
def set_status(_bot: WebClient, delivery: Delivery) -> str:
    """Save the owner's status, then set ooo's until the end (Slack clears it there too)."""
    responder = responder_of(delivery)
    if not _running(responder, delivery.now):
        return SKIPPED
    _after_put_back(delivery, "away.status_restore")
    client = _as_owner(delivery)
    end = int(responder.ends_at.timestamp()) if responder.ends_at else 0
    ours = {"text": status_text(responder), "emoji": EMOJI, "expiration": end}
    current = _status(client.users_profile_get()["profile"])
    # ooo's own status (an earlier absence, or this one's cut-short set) is nobody's to restore.
    looks_ours = current["emoji"] == EMOJI and current["text"].startswith(TEXT)
    saved = json.dumps({"theirs": None if looks_ours else current, "ours": ours})
    with session_scope(delivery.engine) as session:
        kept = stored.keep_saved_status(session, responder_id=responder.id or 0, saved=saved)
    _set(client, json.loads(kept or saved)["ours"])
    return "set"


@kind("away.status_restore")
def restore_status(_bot: WebClient, delivery: Delivery) -> str:
    """Put the saved status back if the current one is still ooo's; theirs stays otherwise."""
    responder = responder_of(delivery)
    if responder.saved_status is None:
        return "nothing_saved"
    saved = json.loads(responder.saved_status)
    client = _as_owner(delivery)
    current, ours, now = _status(client.users_profile_get()["profile"]), saved["ours"], delivery.now
    expired = (
        not current["text"] and not current["emoji"] and 0 < ours["expiration"] <= now.timestamp()
    )
    outcome = "kept_theirs"
    if (current["text"], current["emoji"]) == (ours["text"], ours["emoji"]) or expired:
        theirs = saved["theirs"]
        lapsed = theirs is None or 0 < theirs["expiration"] <= now.timestamp()
        _set(client, {"text": "", "emoji": "", "expiration": 0} if lapsed else theirs)
        outcome = "cleared" if lapsed else "restored"
    with session_scope(delivery.engine) as session:
        stored.clear_saved_status(session, responder_id=responder.id or 0)
    return outcome


@kind("away.snooze")
def snooze(_bot: WebClient, delivery: Delivery) -> str:
    """Snooze the owner's notifications until the end (a day at a time), unless they already
    are; a renewal finding the snooze ended stops, since the owner ended it."""
    responder = responder_of(delivery)
    if not _running(responder, delivery.now):
        return SKIPPED
    _after_put_back(delivery, "away.snooze_end")
    client, now = _as_owner(delivery), delivery.now
    until = min(responder.ends_at or now + SNOOZE_MAX, now + SNOOZE_MAX)
    info = client.dnd_info()
    renewal = "chain" in delivery.payload
    if renewal and not info.get("snooze_enabled"):
        return "ended_by_them"
    if not (info.get("snooze_enabled") and info.get("snooze_endtime", 0) >= until.timestamp()):
        client.dnd_setSnooze(num_minutes=max(1, math.ceil((until - now).total_seconds() / 60)))
    if responder.ends_at is None or responder.ends_at > until:
        _renew_at(delivery, until - RENEW_AHEAD)
    return f"until:{until.timestamp():.0f}"


def _renew_at(delivery: Delivery, moment: datetime) -> None:
    """Queue the next day's snooze; its key names the moment, so a retry queues it once."""
    chain = delivery.payload.get("chain") or delivery.key
    with session_scope(delivery.engine) as session:
        enqueue_effect(
            session,
            key=f"{chain}:{moment.timestamp():.0f}",
            kind="away.snooze",
            payload={"chain": chain},
            workspace=delivery.workspace,
            now=delivery.now,
            owner_id=delivery.owner_id,
            responder_id=delivery.responder_id,
            not_before=moment,
        )


@kind("away.snooze_end")
def end_snooze(_bot: WebClient, delivery: Delivery) -> str:
    """Turn the owner's notifications back on, unless they did already."""
    client = _as_owner(delivery)
    if not client.dnd_info().get("snooze_enabled"):
        return "ended_by_them"
    client.dnd_endSnooze()
    return "ended"
