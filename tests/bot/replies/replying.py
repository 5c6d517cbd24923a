"""Steps the reply tests share: Alice is out, people write, and what each person sees."""

from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from bot.core.lifecycle import wake_at
from storage.db import session_scope
from storage.models import ResponderRow
from storage.responder_rows import value_of
from tests.conftest import NOW

GENERAL = "C0GENERAL"


def out(engine: Engine, owner: str = "UALICE", **changes: object) -> ResponderRow:
    """Someone's responder, on since yesterday and until Monday 30 November (midnight UTC).

    It is stored as the scheduler leaves a running one: switched on, due again at its end.
    """
    values: dict[str, object] = {
        "team_id": "T0001",
        "owner_id": owner,
        "kind": "personal",
        "starts_at": NOW - timedelta(days=1),
        "ends_at": NOW + timedelta(days=2, hours=14),
        "tz": "Europe/Paris",
        "message": "I'm away. Ask {backup} meanwhile.",
        "keep_digest": True,
        "applied": "on",
        "created_at": NOW,
        "updated_at": NOW,
    }
    with session_scope(engine) as session:
        responder = ResponderRow(**(values | changes))
        session.add(responder)
        session.flush()
        responder.due_at = wake_at(value_of(responder).timeline(), NOW)
        session.flush()
        return responder


def replies_to(fake: Any, user: str) -> list[dict[str, Any]]:
    """Every automatic reply a person got: ephemerals, and DMs from the app."""
    shown = [e for e in fake.ephemerals_to(user) if "out of office" in e["text"]]
    return shown + [m for m in fake.messages_to(user) if "out of office" in m["text"]]


def button(message: dict[str, Any], action_id: str) -> dict[str, Any]:
    """A button of a message by its action id."""
    for block in message.get("blocks", []):
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no button {action_id}")
