"""Installing over OAuth v2: one code exchange, a single-use state that expires, sealed tokens."""

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.accounts.installs import BOT_SCOPES
from storage.db import session_scope
from storage.models import Installation
from tests.bot.accounts.conftest import (
    ALICE,
    CLIENT_ID,
    OTHER_TEAM,
    TEAM,
    authorize_url,
    install,
    new_browser,
)
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def installations(engine: Engine) -> list[Installation]:
    """Every stored installation."""
    with session_scope(engine) as session:
        return list(session.exec(select(Installation)).all())


def test_it_installs_with_one_code_exchange_and_keeps_the_tokens_sealed(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine
) -> None:
    page = browser.get(f"{app_url}/slack/install")
    asked = authorize_url(page)
    assert (asked["client_id"], asked["scope"].split(",")) == (CLIENT_ID, list(BOT_SCOPES))
    assert "slack-app-oauth-state" in page.headers["set-cookie"]
    assert "Secure; HttpOnly" in page.headers["set-cookie"]

    code = fake.approve(ALICE, BOT_SCOPES)
    done = browser.get(
        f"{app_url}/slack/oauth_redirect", params={"code": code, "state": asked["state"]}
    )

    assert done.status_code == 200 and "Thank you" in done.text
    assert len(fake.calls_to("oauth.v2.access")) == 1
    [stored] = installations(engine)
    [token] = fake.installed_tokens(TEAM)
    assert (stored.team_id, stored.installer_id, stored.bot_user_id) == (TEAM, ALICE, "UBOT")
    assert stored.bot_token and token not in stored.bot_token
    assert not stored.bot_token.startswith("xox")


def _missing(browser: httpx.Client, app_url: str, fake: FakeSlack, clock: FakeClock) -> str:
    browser.get(f"{app_url}/slack/install")
    return ""


def _forged(browser: httpx.Client, app_url: str, fake: FakeSlack, clock: FakeClock) -> str:
    browser.get(f"{app_url}/slack/install")
    browser.cookies.set("slack-app-oauth-state", "made-up", domain="127.0.0.1")
    return "made-up"


def _expired(browser: httpx.Client, app_url: str, fake: FakeSlack, clock: FakeClock) -> str:
    state = authorize_url(browser.get(f"{app_url}/slack/install"))["state"]
    clock.advance(minutes=10, seconds=1)
    return state


def _other_browser(browser: httpx.Client, app_url: str, fake: FakeSlack, clock: FakeClock) -> str:
    with new_browser() as elsewhere:
        return authorize_url(elsewhere.get(f"{app_url}/slack/install"))["state"]


@pytest.mark.parametrize(
    "arrange",
    [_missing, _forged, _expired, _other_browser],
    ids=["missing", "forged", "expired", "issued to another browser"],
)
def test_it_refuses_a_callback_without_a_valid_state_and_exchanges_nothing(
    browser: httpx.Client,
    app_url: str,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    arrange: Callable[[httpx.Client, str, FakeSlack, FakeClock], str],
) -> None:
    state = arrange(browser, app_url, fake, clock)
    code = fake.approve(ALICE, BOT_SCOPES)
    params = {"code": code, **({"state": state} if state else {})}

    refused = browser.get(f"{app_url}/slack/oauth_redirect", params=params)

    assert 400 <= refused.status_code < 500
    assert fake.calls_to("oauth.v2.access") == []
    assert installations(engine) == []


def test_it_refuses_a_state_used_once_already(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine
) -> None:
    asked = authorize_url(browser.get(f"{app_url}/slack/install"))
    first = browser.get(
        f"{app_url}/slack/oauth_redirect",
        params={"code": fake.approve(ALICE, BOT_SCOPES), "state": asked["state"]},
    )
    browser.cookies.set("slack-app-oauth-state", asked["state"], domain="127.0.0.1")

    again = browser.get(
        f"{app_url}/slack/oauth_redirect",
        params={"code": fake.approve(ALICE, BOT_SCOPES), "state": asked["state"]},
    )

    assert (first.status_code, again.status_code) == (200, 401)
    assert len(fake.calls_to("oauth.v2.access")) == 1
    assert len(installations(engine)) == 1


def test_it_installs_in_any_number_of_workspaces_and_reinstalls_in_place(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine
) -> None:
    for team in (TEAM, OTHER_TEAM, TEAM):
        installer = ALICE if team == TEAM else "UBOB"
        assert install(browser, app_url, fake.team(team), installer).status_code == 200

    assert sorted(i.team_id or "" for i in installations(engine)) == [TEAM, OTHER_TEAM]
