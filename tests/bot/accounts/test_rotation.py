"""Token rotation: a bot token is refreshed before it expires, by one thread of one replica."""

import time
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier, Thread

import httpx
import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.installations import SealedInstallations
from bot.accounts.tokens import BotTokens, OAuthClient
from bot.accounts.vault import Vault
from bot.core.workspace import Workspace
from storage.db import begin_writing, session_scope
from tests.bot.accounts.conftest import (
    ALICE,
    CLIENT_ID,
    CLIENT_SECRET,
    KEY,
    TEAM,
    Background,
    driver,
    install,
)
from tests.bot.flows import save
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

REPLICAS, THREADS = 2, 4


@pytest.fixture
def installed(browser: httpx.Client, app_url: str, fake: FakeSlack) -> str:
    """Alice installed ooo with token rotation on; the bot token she got."""
    fake.register_app(CLIENT_ID, CLIENT_SECRET, rotation=True)
    assert install(browser, app_url, fake, ALICE).status_code == 200
    [token] = fake.installed_tokens(TEAM)
    return token


def replica(engine: Engine, fake: FakeSlack, clock: FakeClock) -> BotTokens:
    """The token lookup of one more ooo process on the same database."""
    installations = SealedInstallations(engine, Vault(KEY), clock)
    oauth = OAuthClient(CLIENT_ID, CLIENT_SECRET, WebClient(base_url=fake.api_url))
    return BotTokens(installations, oauth, clock)


def refreshes(fake: FakeSlack) -> int:
    """How many times a refresh token was spent."""
    calls = fake.calls_to("oauth.v2.access")
    return sum(call.get("grant_type") == "refresh_token" for call in calls)


def test_it_refreshes_once_however_many_threads_and_replicas_need_the_token(
    installed: str, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    clock.advance(hours=11, minutes=55)
    lookups = [replica(engine, fake, clock) for _ in range(REPLICAS)] * THREADS
    start = Barrier(len(lookups))

    def token(tokens: BotTokens) -> str:
        start.wait()
        bot = tokens.bot(Workspace(TEAM))
        assert bot is not None
        return bot.token

    with ThreadPoolExecutor(len(lookups)) as pool:
        seen = set(pool.map(token, lookups))

    assert refreshes(fake) == 1
    assert seen == {fake.installed_tokens(TEAM)[-1]} and installed not in seen


def test_it_never_holds_the_database_while_slack_refreshes_the_token(
    installed: str, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    clock.advance(hours=11, minutes=55)
    fake.slow_down("oauth.v2.access", 1.5)
    refreshing = Thread(target=replica(engine, fake, clock).bot, args=(Workspace(TEAM),))
    refreshing.start()
    fake.wait_for(lambda: refreshes(fake))
    started = time.monotonic()
    try:
        with session_scope(engine) as session:
            begin_writing(session, "Bob saves his responder meanwhile")
        waited = time.monotonic() - started
    finally:
        refreshing.join()
    assert waited < 0.5
    assert refreshes(fake) == 1


def test_it_serves_requests_with_the_refreshed_token_through_every_rotation(
    installed: str, app_url: str, fake: FakeSlack, clock: FakeClock, background: Background
) -> None:
    alice = driver(app_url, fake, background)
    for rotation in range(1, 3):
        clock.advance(hours=11, minutes=55)
        # Days apart, so the second never overlaps the first whatever the hour the test runs.
        saved = save(alice, fake, ALICE, f"in {rotation * 5} days")
        assert saved.status == 200 and saved.json() is None, saved.text
        assert refreshes(fake) == rotation

    newest = fake.installed_tokens(TEAM)[-1]
    assert {call.token for call in fake.calls[-3:]} == {newest}


def test_it_does_not_refresh_a_token_far_from_expiry(
    installed: str, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    clock.advance(hours=11, minutes=49)
    bot = replica(engine, fake, clock).bot(Workspace(TEAM))
    assert bot is not None and bot.token == installed
    assert refreshes(fake) == 0
