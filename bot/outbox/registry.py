"""The registry of effect kinds: each is a small function of (client, effect), added by name."""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from storage.models import Effect


@dataclass(frozen=True)
class Delivery:
    """One claimed effect as its kind sees it; `attempts` counts this one too."""

    id: int
    key: str
    kind: str
    payload: dict[str, Any]
    workspace: Workspace
    owner_id: str | None
    responder_id: int | None
    attempts: int
    created_at: datetime
    now: datetime
    # For kinds that render from the current state at delivery time.
    engine: Engine
    # What the app shares with kinds by name (e.g. "homes", its Home tab publisher).
    services: Mapping[str, Any]

    @classmethod
    def of(
        cls, effect: Effect, *, now: datetime, engine: Engine, services: Mapping[str, Any]
    ) -> "Delivery":
        """Wrap a claimed row."""
        assert effect.id is not None
        return cls(
            id=effect.id,
            key=effect.key,
            kind=effect.kind,
            payload=json.loads(effect.payload),
            workspace=Workspace(effect.team_id, effect.enterprise_id),
            owner_id=effect.owner_id,
            responder_id=effect.responder_id,
            attempts=effect.attempts,
            created_at=effect.created_at,
            now=now,
            engine=engine,
            services=services,
        )

    def as_owner(self) -> WebClient | None:
        """A client acting as the effect's owner (their connected account), or None."""
        accounts = self.services.get("accounts")
        if accounts is None or self.owner_id is None:
            return None
        client: WebClient | None = accounts.user_client_for(self.workspace, self.owner_id)
        return client


# Returns a short note kept with the effect (e.g. "C123:1700000000.000100"), or None.
Deliver = Callable[[WebClient, Delivery], str | None]
KINDS: dict[str, Deliver] = {}


class UnknownKind(Exception):
    """An effect whose kind no module registered (a newer replica's, or a typo)."""


def kind(name: str) -> Callable[[Deliver], Deliver]:
    """Register a function as the delivery of one effect kind."""

    def register(deliver: Deliver) -> Deliver:
        if KINDS.get(name, deliver) is not deliver:
            raise ValueError(f"effect kind {name!r} is registered twice")
        KINDS[name] = deliver
        return deliver

    return register


def deliverer(name: str) -> Deliver:
    """The delivery of a kind, or UnknownKind."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None
