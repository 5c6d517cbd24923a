"""The registry: one table from each kind to its delivery, checked before ooo starts."""

import importlib.util
from dataclasses import replace

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.app import create_app, outbox_registry
from bot.core.effect_kinds import FORMER_NAMES, EffectKind
from bot.outbox.delivery import Delivery
from bot.outbox.registry import MissingDeliveries, Registry, UnknownKind
from bot.services import Services
from storage.db import MIGRATIONS
from tests.bot.outbox.conftest import worker_on
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def deliver(_client: WebClient, _delivery: Delivery) -> None:
    return None


def test_it_has_a_delivery_for_every_kind_ooo_can_plan() -> None:
    registry = outbox_registry()
    registry.check()
    assert all(registry.deliverer(kind) for kind in EffectKind)


def test_it_names_each_kind_that_has_no_delivery() -> None:
    everything_but = {k: deliver for k in EffectKind if k not in ("snooze.end", "reply.digest")}
    with pytest.raises(MissingDeliveries) as refused:
        Registry(everything_but).check()
    assert "snooze.end" in str(refused.value)
    assert "reply.digest" in str(refused.value)
    assert "reply.private" not in str(refused.value)


def test_it_delivers_the_kinds_a_replica_of_the_previous_release_still_records() -> None:
    registry = outbox_registry()
    assert registry.deliverer("lifecycle.on") is registry.deliverer(EffectKind.RESPONDER_ON)
    assert registry.deliverer("reply") is registry.deliverer(EffectKind.REPLY_PRIVATE)


def test_it_tells_a_kind_it_does_not_know() -> None:
    with pytest.raises(UnknownKind, match=r"not\.yet"):
        outbox_registry().deliverer("not.yet")


def test_it_refuses_to_build_the_app_when_a_kind_has_no_delivery(
    services: Services, engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    table = {k: deliver for k in EffectKind if k != EffectKind.RESPONDER_ON}
    worker = worker_on(engine, fake, clock, registry=Registry(table))
    try:
        with pytest.raises(MissingDeliveries, match=r"responder\.on"):
            create_app(replace(services, outbox=worker))
    finally:
        worker.close()


def test_it_knows_every_former_name_the_migration_renamed() -> None:
    path = MIGRATIONS / "versions" / "0010_effect_kind_names.py"
    spec = importlib.util.spec_from_file_location("effect_kind_names", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert {old: str(new) for old, new in FORMER_NAMES.items()} == migration.RENAMED
