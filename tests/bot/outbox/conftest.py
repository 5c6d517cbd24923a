"""Fixtures for the outbox: a worker on the test database delivering to the fake Slack."""

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.app import outbox_registry
from bot.clock import Clock
from bot.home.tabs import HomeTabs
from bot.outbox.delivery import OutboxServices
from bot.outbox.registry import Registry
from bot.outbox.worker import EffectWorker
from bot.slack.directory import Directory
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def client_on(fake: FakeSlack) -> WebClient:
    """A bot client on the fake that never retries by itself, as the workers use."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url, retry_handlers=[])


def services_on(engine: Engine, clock: Clock) -> OutboxServices:
    """What deliveries use, with nobody's account connected."""
    accounts = ConnectedAccounts(engine, clock, api_url="")
    directory = Directory(clock)
    homes = HomeTabs(engine, clock, accounts, directory)
    return OutboxServices(homes=homes, accounts=accounts, directory=directory)


def worker_on(
    engine: Engine,
    fake: FakeSlack,
    clock: Clock,
    *,
    registry: Registry | None = None,
    **options: Any,
) -> EffectWorker:
    """A worker delivering every kind the app does (or a registry's) to the fake."""
    client = client_on(fake)
    return EffectWorker(
        engine,
        lambda _workspace: client,
        clock,
        registry=registry or outbox_registry(),
        services=services_on(engine, clock),
        **options,
    )


@pytest.fixture
def worker(engine: Engine, fake: FakeSlack, clock: FakeClock) -> Iterator[EffectWorker]:
    """A worker driven by hand (`deliver_due`), on the fake clock."""
    pool = worker_on(engine, fake, clock, threads=4)
    yield pool
    pool.close()
