"""Distributed mode under test: the app installed over OAuth in workspaces of the fake Slack."""

import http.cookiejar
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import Engine

from bot.config import Settings
from bot.home.followups import Followups
from bot.outbox.worker import EffectWorker
from bot.scheduler import Scheduler
from tests.conftest import SIGNING_SECRET, SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "client-secret-0123456789abcdef"
STATE_SECRET = "state-secret-0123456789abcdef"
KEY = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGw="
OTHER_KEY = "b3RoZXJrZXlvdGhlcmtleW90aGVya2V5b3RoZXJrZXk="
ALICE, BOB = "UALICE", "UBOB"
TEAM, OTHER_TEAM = "T0001", "T0002"


@pytest.fixture
def clock() -> FakeClock:
    """A clock starting now: slack-sdk dates a new token's expiry by the system time."""
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def fake(clock: FakeClock) -> Iterator[FakeSlack]:
    """The fake Slack with the app registered, Alice in T0001 and Bob in T0002."""
    with FakeSlack(now=clock) as slack:
        slack.register_app(CLIENT_ID, CLIENT_SECRET)
        slack.add_user(ALICE, "alice", tz="Europe/Paris")
        slack.add_channel("C0GENERAL", "general", members=[ALICE, "UBOT"])
        other = slack.add_workspace(OTHER_TEAM)
        other.add_user(BOB, "bob", tz="America/New_York")
        other.add_channel("C0GENERAL", "general", members=[BOB, "UBOT"])
        yield slack
        slack.assert_no_rejections()


def distributed_settings(fake: FakeSlack, engine: Engine, **overrides: Any) -> Settings:
    """Settings for any number of workspaces, pointed at the fake and the test database."""
    values: dict[str, Any] = {
        "slack_client_id": CLIENT_ID,
        "slack_client_secret": CLIENT_SECRET,
        "slack_state_secret": STATE_SECRET,
        "ooo_encryption_key": KEY,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake.api_url,
        "database_url": engine.url.render_as_string(hide_password=False),
        "_env_file": None,
    }
    return Settings(**(values | overrides))


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """The served app runs distributed: any number of workspaces over OAuth."""
    return distributed_settings(fake, engine)


class LoopbackJar(http.cookiejar.CookieJar):
    """Browsers count http://127.0.0.1 as a secure context: Secure cookies go back there."""

    def make_cookies(
        self, response: Any, request: urllib.request.Request
    ) -> list[http.cookiejar.Cookie]:
        """Keep a loopback server's Secure cookies for plain-HTTP requests to it."""
        cookies = super().make_cookies(response, request)
        if urlsplit(request.get_full_url()).hostname == "127.0.0.1":
            for cookie in cookies:
                cookie.secure = False
        return cookies


def new_browser() -> httpx.Client:
    """A browser-like client: it keeps cookies and does not follow Slack's redirects itself."""
    return httpx.Client(cookies=LoopbackJar(), timeout=10.0)


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """Someone's browser, opening ooo's install page."""
    with new_browser() as client:
        yield client


def authorize_url(page: httpx.Response) -> dict[str, str]:
    """The query of the "Add to Slack" link on the install page."""
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link, f"no Add to Slack link on the page: {page.text[:300]}"
    return {name: values[0] for name, values in parse_qs(urlsplit(unescape(link[1])).query).items()}


def install(
    browser: httpx.Client,
    app_url: str,
    fake: FakeSlack,
    installer: str,
    *,
    org_wide: bool = False,
    user_scopes: tuple[str, ...] = (),
) -> httpx.Response:
    """Open the install page, allow ooo on Slack's page, and follow Slack back to ooo."""
    page = browser.get(f"{app_url}/slack/install")
    assert page.status_code == 200, page.text
    asked = authorize_url(page)
    scopes = asked["scope"].split(",")
    code = fake.approve(installer, scopes, org_wide=org_wide, user_scopes=user_scopes)
    return browser.get(
        f"{app_url}/slack/oauth_redirect", params={"code": code, "state": asked["state"]}
    )


@dataclass(frozen=True)
class Background:
    """What a request sets going: follow-ups, scheduler passes and effect deliveries."""

    followups: Followups
    scheduler: Scheduler
    effects: EffectWorker


@pytest.fixture
def background(followups: Followups, scheduler: Scheduler, effects: EffectWorker) -> Background:
    """The app's background work, which drivers settle after each request."""
    return Background(followups, scheduler, effects)


def driver(app_url: str, fake: FakeSlack, background: Background, **options: Any) -> SettlingDriver:
    """Slack's side of one workspace of the fake, signed and settled like the `slack` fixture."""
    return SettlingDriver(
        f"{app_url}/slack/events",
        fake,
        background.followups,
        background.scheduler,
        background.effects,
        team_id=fake.team_id,
        **options,
    )
