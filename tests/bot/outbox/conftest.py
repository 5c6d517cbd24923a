"""Fixtures for the outbox: a worker on the test database delivering to the fake Slack."""

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def client_on(fake: FakeSlack) -> WebClient:
    """A bot client on the fake that never retries by itself, as the workers use."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url, retry_handlers=[])


@pytest.fixture
def worker(engine: Engine, fake: FakeSlack, clock: FakeClock) -> Iterator[EffectWorker]:
    """A worker driven by hand (`deliver_due`), on the fake clock."""
    client = client_on(fake)
    pool = EffectWorker(engine, lambda _workspace: client, clock, threads=4)
    yield pool
    pool.close()
