"""The steps that act as a responder's owner, with their connected account: their status and
their snooze, set when it turns on (or when an edit asks), made to follow a moved end, and put
back when it turns off (or when an edit gives them up), each exactly once.

The status the owner had is saved on the responder before ooo sets its own, so a delivery cut
short after the set finds it again instead of saving ooo's status as theirs. Each step reads
the responder as it is at delivery, so steps planned by quick successive edits end where the
last edit asked.
"""

import json
import math
from datetime import datetime
from typing import Any

from slack_sdk import WebClient

from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.responder_value import Responder
from bot.core.status import renewal_at, renewed_late, snooze_until
from bot.organisation.returns import back_of
from bot.organisation.settings import Settings, settings_of, shown_of
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.errors import Permanent
from bot.responders.kinds import SKIPPED, responder_of
from bot.status.wording import looks_ours, status_emoji, status_text
from bot.texts import reader_locale
from storage import account_queries as stored
from storage.db import session_scope
from storage.effects_queries import enqueue_effect, undelivered

STILL_WANTED = "still_wanted"


def _as_owner(delivery: Delivery) -> WebClient:
    """The owner's own client, or a permanent `not_connected` (shown on their Home tab)."""
    client = delivery.as_owner()
    if client is None:
        raise Permanent("not_connected")
    return client


class PutBackFirst(Exception):
    """An earlier absence of the owner is still being put back: retried after the backoff."""


def _after_put_back(delivery: Delivery, put_back: EffectKind) -> None:
    """Set nothing while the owner's last absence is still being put back.

    A put-back cut short by a crash waits out its lease; run after this set, it would undo it.
    """
    assert delivery.owner_id is not None
    with session_scope(delivery.engine) as session:
        pending = undelivered(
            session, workspace=delivery.workspace, owner_id=delivery.owner_id, kind=put_back
        )
    if pending:
        raise PutBackFirst(put_back)


def _wanted(responder: Responder, now: datetime, wish: bool) -> bool:
    """Whether a step acting as the owner is wanted now: the responder runs and asks for it."""
    active = phase_at(responder.starts_at, responder.ends_at, now) is Phase.ACTIVE
    return wish and active and responder.deleted_at is None


def _ours(delivery: Delivery, responder: Responder, settings: Settings) -> dict[str, Any]:
    """The status ooo shows for this responder now (its type, unless hidden), expiring at its
    end as a safety net."""
    # The outbox speaks to an effect's owner: the directory's locale for them, cached.
    locale = reader_locale()
    shown = shown_of(settings, responder)
    typed = responder.leave_type is not None
    back = back_of(delivery.engine, responder)
    return {
        "text": status_text(back, tz=responder.tz, locale=locale, shown=shown),
        "emoji": status_emoji(shown, typed=typed),
        "expiration": int(responder.ends_at.timestamp()) if responder.ends_at else 0,
    }


def _status(profile: dict[str, Any]) -> dict[str, Any]:
    """A profile's status as ooo saves it."""
    return {
        "text": profile.get("status_text") or "",
        "emoji": profile.get("status_emoji") or "",
        "expiration": int(profile.get("status_expiration") or 0),
    }


def _shown(status: dict[str, Any]) -> tuple[str, str]:
    """What a status shows, whatever its expiration."""
    return status["text"], status["emoji"]


def _set(client: WebClient, status: dict[str, Any]) -> None:
    """Show a status, as the owner."""
    profile = {
        "status_text": status["text"],
        "status_emoji": status["emoji"],
        "status_expiration": status["expiration"],
    }
    client.users_profile_set(profile=profile)


def set_status(_bot: WebClient, delivery: Delivery) -> str:
    """Save the owner's status, then set ooo's until the end (Slack clears it there too)."""
    responder = responder_of(delivery)
    if not _wanted(responder, delivery.now, responder.set_status):
        return SKIPPED
    _after_put_back(delivery, EffectKind.STATUS_RESTORE)
    client = _as_owner(delivery)
    settings = settings_of(delivery.engine, delivery.workspace)
    ours = _ours(delivery, responder, settings)
    current = _status(client.users_profile_get()["profile"])
    # ooo's own status (an earlier absence, or this one's cut-short set) is nobody's to restore.
    theirs = None if looks_ours(*_shown(current), settings.leave_types) else current
    with session_scope(delivery.engine) as session:
        stored.keep_saved_status(session, responder_id=responder.id, theirs=theirs, ours=ours)
    _set(client, ours)
    return "set"


def refresh_status(_bot: WebClient, delivery: Delivery) -> str:
    """Show a moved end in ooo's status, only if the status is still ooo's; theirs stays saved."""
    responder = responder_of(delivery)
    if not _wanted(responder, delivery.now, responder.set_status):
        return SKIPPED
    if responder.saved_status is None:
        return "nothing_set"  # ooo's status is not up: its set, if still to come, reads the end
    client = _as_owner(delivery)
    settings = settings_of(delivery.engine, delivery.workspace)
    ours, saved = _ours(delivery, responder, settings), json.loads(responder.saved_status)
    current = _status(client.users_profile_get()["profile"])
    # Ooo's status as saved, or as this refresh set it before it was cut short.
    if _shown(current) not in (_shown(saved["ours"]), _shown(ours)):
        return "kept_theirs"
    _set(client, ours)
    with session_scope(delivery.engine) as session:
        stored.replace_saved_ours(
            session, responder_id=responder.id, was=responder.saved_status, ours=ours
        )
    return "refreshed"


def restore_status(_bot: WebClient, delivery: Delivery) -> str:
    """Put the saved status back if the current one is still ooo's; theirs stays otherwise."""
    responder = responder_of(delivery)
    if responder.saved_status is None:
        return "nothing_saved"
    if _wanted(responder, delivery.now, responder.set_status):
        return STILL_WANTED  # an edit asked for it again, or it turned on again since
    saved = json.loads(responder.saved_status)
    client = _as_owner(delivery)
    current, ours, now = _status(client.users_profile_get()["profile"]), saved["ours"], delivery.now
    expired = (
        not current["text"] and not current["emoji"] and 0 < ours["expiration"] <= now.timestamp()
    )
    outcome = "kept_theirs"
    if _shown(current) == _shown(ours) or expired:
        theirs = saved["theirs"]
        lapsed = theirs is None or 0 < theirs["expiration"] <= now.timestamp()
        _set(client, {"text": "", "emoji": "", "expiration": 0} if lapsed else theirs)
        outcome = "cleared" if lapsed else "restored"
    with session_scope(delivery.engine) as session:
        stored.clear_saved_status(session, responder_id=responder.id)
    return outcome


def snooze(_bot: WebClient, delivery: Delivery) -> str:
    """Snooze the owner's notifications until the end (a day at a time), unless they already
    are."""
    return _snooze(delivery, renewal=False)


def renew_snooze(_bot: WebClient, delivery: Delivery) -> str:
    """Keep the snooze going to the (maybe moved) end; one found ended stops: the owner ended it."""
    return _snooze(delivery, renewal=True)


def _snooze(delivery: Delivery, *, renewal: bool) -> str:
    """Snooze to the end, a day at a time; a renewal finding it ended on time stops there."""
    responder, now = responder_of(delivery), delivery.now
    if not _wanted(responder, now, responder.pause_notifications):
        return SKIPPED
    _after_put_back(delivery, EffectKind.SNOOZE_END)
    client = _as_owner(delivery)
    until = snooze_until(responder.ends_at, now)
    info = client.dnd_info()
    if renewal and not info.get("snooze_enabled") and not renewed_late(responder.starts_at, now):
        return "ended_by_them"
    if not (info.get("snooze_enabled") and info.get("snooze_endtime", 0) >= until.timestamp()):
        client.dnd_setSnooze(num_minutes=max(1, math.ceil((until - now).total_seconds() / 60)))
    moment = renewal_at(responder.starts_at, responder.ends_at, now)
    if moment is not None:
        _renew_at(delivery, moment)
    return f"until:{until.timestamp():.0f}"


def _renew_at(delivery: Delivery, moment: datetime) -> None:
    """Queue the renewal; its key names the moment, so whichever step queues it, it runs once."""
    with session_scope(delivery.engine) as session:
        enqueue_effect(
            session,
            key=f"responder:{delivery.responder_id}:snooze_renew:{moment.timestamp():.0f}",
            kind=EffectKind.SNOOZE_RENEW,
            payload={},
            workspace=delivery.workspace,
            now=delivery.now,
            owner_id=delivery.owner_id,
            responder_id=delivery.responder_id,
            not_before=moment,
        )


def end_snooze(_bot: WebClient, delivery: Delivery) -> str:
    """Turn the owner's notifications back on, unless they did already or snoozed for longer."""
    responder = responder_of(delivery)
    if _wanted(responder, delivery.now, responder.pause_notifications):
        return STILL_WANTED
    client = _as_owner(delivery)
    info = client.dnd_info()
    if not info.get("snooze_enabled"):
        return "ended_by_them"
    if info.get("snooze_endtime", 0) > snooze_until(None, delivery.now).timestamp() + 60:
        return "kept_theirs"  # longer than any snooze ooo sets: they chose it themselves
    client.dnd_endSnooze()
    return "ended"


DELIVERERS: Deliverers = {
    EffectKind.STATUS_SET: set_status,
    EffectKind.STATUS_REFRESH: refresh_status,
    EffectKind.STATUS_RESTORE: restore_status,
    EffectKind.SNOOZE_START: snooze,
    EffectKind.SNOOZE_RENEW: renew_snooze,
    EffectKind.SNOOZE_END: end_snooze,
}
