"""Connected-account tests run in both modes: the OAuth settings beside a bot token, or alone."""

from collections.abc import Callable, Iterator
from functools import partial

import httpx
import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.accounts.installs import client_for
from bot.config import Settings
from bot.outbox.deliveries import outbox_registry
from bot.outbox.delivery import OutboxServices
from bot.outbox.worker import EffectWorker
from bot.responders.followups import Followups
from tests.bot.accounts.conftest import ALICE, Background, distributed_settings, driver, install
from tests.bot.accounts.connected.connecting import connect
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

MODES = ["one workspace", "distributed"]


@pytest.fixture(params=MODES)
def app_settings(request: pytest.FixtureRequest, fake: FakeSlack, engine: Engine) -> Settings:
    """The OAuth settings beside a bot token (one workspace), or without one (any number)."""
    bot = {"slack_bot_token": fake.bot_token} if request.param == "one workspace" else {}
    return distributed_settings(fake, engine, **bot)


@pytest.fixture
def effects(
    engine: Engine,
    fake: FakeSlack,
    clock: FakeClock,
    followups: Followups,
    app_settings: Settings,
) -> Iterator[EffectWorker]:
    """The outbox's workers in the settings' mode, not started: tests deliver."""
    template = WebClient(token=app_settings.slack_bot_token, base_url=fake.api_url)
    find = client_for(app_settings, engine, clock, template)
    services = OutboxServices(homes=followups.homes, accounts=followups.accounts)
    worker = EffectWorker(engine, find, clock, registry=outbox_registry(), services=services)
    yield worker
    worker.close()


@pytest.fixture
def slack(
    app_url: str,
    fake: FakeSlack,
    background: Background,
    browser: httpx.Client,
    app_settings: Settings,
) -> SettlingDriver:
    """Slack's side of the workspace, where ooo is installed (over OAuth when distributed)."""
    if app_settings.distributed:
        assert install(browser, app_url, fake, ALICE).status_code == 200
    return driver(app_url, fake, background)


@pytest.fixture
def accounts(followups: Followups) -> ConnectedAccounts:
    """The app's connected accounts."""
    return followups.accounts


@pytest.fixture
def connect_alice(
    slack: SettlingDriver, fake: FakeSlack, browser: httpx.Client, app_url: str
) -> Callable[..., httpx.Response]:
    """Alice connects her account (extra keywords go in the query Slack sends back)."""
    return partial(connect, slack, fake, browser, app_url)
