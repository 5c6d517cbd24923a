"""An effect as its delivery sees it, and what the app shares with deliveries."""

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.texts import speaking, speaks
from storage.models import Effect


class HomePublisher(Protocol):
    """Draws a person's Home tab from the database as it is now."""

    def publish(self, client: WebClient, *, workspace: Workspace, user_id: str) -> None: ...


class OwnerClients(Protocol):
    """Clients acting as people who connected their account."""

    def user_client_for(self, workspace: Workspace, user_id: str) -> WebClient | None: ...


class Reader(Protocol):
    """What a message's reader needs to be spoken to: their Slack locale."""

    @property
    def locale(self) -> str: ...


class People(Protocol):
    """Who a workspace's people are: their language, their names for texts that must not
    mention them, who is active (no bots, no deactivated accounts, no strangers), and who is in
    a group or channel."""

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Reader: ...

    def display_names(
        self, client: WebClient, *, team_id: str, user_ids: set[str]
    ) -> dict[str, str]: ...

    def roster(self, client: WebClient, *, team_id: str) -> frozenset[str]: ...

    def members(self, client: WebClient, *, team_id: str, target_id: str) -> frozenset[str]: ...


class DeliveryServices(Protocol):
    """What the app shares with deliveries."""

    @property
    def directory(self) -> People: ...

    @property
    def homes(self) -> HomePublisher: ...

    @property
    def accounts(self) -> OwnerClients: ...

    @property
    def default_locale(self) -> str: ...


@dataclass(frozen=True)
class OutboxServices:
    """The services deliveries use, and nothing else (the app's own services do as well)."""

    homes: HomePublisher
    accounts: OwnerClients
    directory: People
    # The language of posts many people read when whoever set them up is not spoken.
    default_locale: str = "en-US"


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
    # An earlier attempt may have reached Slack: look for its message before sending again.
    maybe_sent: bool
    first_attempt_at: datetime | None
    # For kinds that render from the current state at delivery time.
    engine: Engine
    services: DeliveryServices

    @classmethod
    def of(
        cls, effect: Effect, *, now: datetime, engine: Engine, services: DeliveryServices
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
            maybe_sent=effect.maybe_sent,
            first_attempt_at=effect.first_attempt_at,
            engine=engine,
            services=services,
        )

    def speaking_to(self, client: WebClient, user_id: str | None) -> AbstractContextManager[None]:
        """Render for one reader, in their Slack locale; with nobody, the workspace's default."""
        if user_id is None:
            return speaking(self.services.default_locale)
        team_id = self.workspace.team_id
        reader = self.services.directory.person(client, team_id=team_id, user_id=user_id)
        return speaking(reader.locale)

    def speaking_to_many(
        self, client: WebClient, setter_id: str | None
    ) -> AbstractContextManager[None]:
        """Render a post many people read (a channel's) in the language of whoever set it up,
        or the workspace's default when ooo does not speak theirs."""
        locale = self.services.default_locale
        if setter_id is not None:
            team_id = self.workspace.team_id
            setter = self.services.directory.person(client, team_id=team_id, user_id=setter_id)
            locale = setter.locale if speaks(setter.locale) else locale
        return speaking(locale)

    def as_owner(self) -> WebClient | None:
        """A client acting as the effect's owner (their connected account), or None."""
        if self.owner_id is None:
            return None
        return self.services.accounts.user_client_for(self.workspace, self.owner_id)


# Returns a short note kept with the effect (e.g. "C123:1700000000.000100"), or None.
Deliver = Callable[[WebClient, Delivery], str | None]
# Keyed by the kinds the core names, so a misspelled kind is a type error, not a lost effect.
Deliverers = Mapping[EffectKind, Deliver]
