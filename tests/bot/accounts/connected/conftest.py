"""Connected-account tests run in both modes: the OAuth settings beside a bot token, or alone."""

from collections.abc import Callable
from functools import partial

import httpx
import pytest
from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.config import Settings
from bot.services import Services
from tests.bot.accounts.conftest import ALICE, Background, distributed_settings, driver, install
from tests.bot.accounts.connected.connecting import connect
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

MODES = ["one workspace", "distributed"]


@pytest.fixture(params=MODES)
def app_settings(request: pytest.FixtureRequest, fake: FakeSlack, engine: Engine) -> Settings:
    """The OAuth settings beside a bot token (one workspace), or without one (any number)."""
    bot = {"slack_bot_token": fake.bot_token} if request.param == "one workspace" else {}
    return distributed_settings(fake, engine, **bot)


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
def accounts(services: Services) -> ConnectedAccounts:
    """The app's connected accounts."""
    return services.accounts


@pytest.fixture
def connect_alice(
    slack: SettlingDriver, fake: FakeSlack, browser: httpx.Client, app_url: str
) -> Callable[..., httpx.Response]:
    """Alice connects her account (extra keywords go in the query Slack sends back)."""
    return partial(connect, slack, fake, browser, app_url)
