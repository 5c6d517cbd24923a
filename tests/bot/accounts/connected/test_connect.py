"""Connecting one's own account: a link on the Home tab, one code exchange, a sealed user token,
Disconnect, and a token Slack revoked forgotten; with one workspace or many."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.accounts.connect_page import CONNECTED_DM
from bot.accounts.connected import USER_SCOPES, ConnectedAccounts
from bot.accounts.revocation import FORGOTTEN
from bot.app import build_services
from bot.blocks.account import CONNECT_BUTTON, DISCONNECT_BUTTON, UNAVAILABLE
from bot.core.workspace import Workspace
from tests.bot.accounts.conftest import (
    ALICE,
    CLIENT_ID,
    CLIENT_SECRET,
    TEAM,
)
from tests.bot.accounts.connected.connecting import (
    accounts_stored,
    connect_link,
    home_element,
)
from tests.bot.flows import texts
from tests.conftest import SettlingDriver, settings_for
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ACME = Workspace(TEAM)


def test_it_connects_with_one_code_exchange_keeps_the_token_sealed_and_confirms(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    accounts: ConnectedAccounts,
) -> None:
    asked = connect_link(slack, fake)
    assert asked["client_id"] == CLIENT_ID and "scope" not in asked
    assert asked["user_scope"].split(",") == list(USER_SCOPES)
    exchanges = len(fake.calls_to("oauth.v2.access"))

    done = connect_alice()

    assert done.status_code == 200 and "Your account is connected" in done.text
    assert len(fake.calls_to("oauth.v2.access")) == exchanges + 1
    [stored] = accounts_stored(engine)
    assert (stored.team_id, stored.user_id) == (TEAM, ALICE)
    assert not stored.token.startswith("xox") and "xoxp" not in stored.token
    assert fake.last_dm(ALICE)["text"] == CONNECTED_DM
    assert home_element(fake, ALICE, DISCONNECT_BUTTON)["style"] == "danger"
    client = accounts.user_client_for(ACME, ALICE)
    assert client is not None and client.token and client.token.startswith("xoxp-")
    assert client.users_profile_get()["profile"]["display_name"] == "alice"


def test_it_shows_why_connecting_is_unavailable_without_the_oauth_settings(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    services = build_services(settings_for(fake, engine), engine, clock)
    plain = WebClient(token=fake.bot_token, base_url=fake.api_url)
    services.homes.publish(plain, workspace=ACME, user_id=ALICE)
    blocks = fake.home(ALICE)["blocks"]
    assert UNAVAILABLE in texts(blocks)
    assert not any(b.get("accessory", {}).get("url") for b in blocks), "no dead link"
    assert services.accounts.user_client_for(ACME, ALICE) is None
    services.close()


def _forged(asked: dict[str, str], fake: FakeSlack, clock: FakeClock) -> dict[str, str]:
    return {"code": fake.approve(ALICE, (), user_scopes=USER_SCOPES), "state": "connect~made-up"}


def _reused(asked: dict[str, str], fake: FakeSlack, clock: FakeClock) -> dict[str, str]:
    return {"code": fake.approve(ALICE, (), user_scopes=USER_SCOPES), "state": asked["state"]}


def _expired(asked: dict[str, str], fake: FakeSlack, clock: FakeClock) -> dict[str, str]:
    state = asked["state"]
    clock.advance(hours=2)
    return {"code": fake.approve(ALICE, (), user_scopes=USER_SCOPES), "state": state}


def _denied(asked: dict[str, str], fake: FakeSlack, clock: FakeClock) -> dict[str, str]:
    return {"error": "access_denied", "state": asked["state"]}


@pytest.mark.parametrize(
    ("arrange", "status"),
    [(_forged, 400), (_expired, 400), (_denied, 403)],
    ids=["forged state", "expired state", "denied"],
)
def test_it_refuses_a_bad_callback_with_a_page_and_changes_nothing(
    slack: SettlingDriver,
    fake: FakeSlack,
    browser: httpx.Client,
    app_url: str,
    engine: Engine,
    clock: FakeClock,
    arrange: Any,
    status: int,
) -> None:
    asked = connect_link(slack, fake)
    exchanges = len(fake.calls_to("oauth.v2.access"))
    back = browser.get(f"{app_url}/slack/oauth_redirect", params=arrange(asked, fake, clock))
    assert back.status_code == status and "Nothing was changed" in back.text
    assert back.headers["content-type"].startswith("text/html")
    assert len(fake.calls_to("oauth.v2.access")) == exchanges
    assert accounts_stored(engine) == []


def test_it_refuses_a_state_used_once_already(
    slack: SettlingDriver, fake: FakeSlack, browser: httpx.Client, app_url: str, engine: Engine
) -> None:
    asked = connect_link(slack, fake)
    first = {"code": fake.approve(ALICE, (), user_scopes=USER_SCOPES), "state": asked["state"]}
    assert browser.get(f"{app_url}/slack/oauth_redirect", params=first).status_code == 200
    exchanges, [kept] = len(fake.calls_to("oauth.v2.access")), accounts_stored(engine)
    again = _reused(asked, fake, FakeClock(kept.connected_at))
    back = browser.get(f"{app_url}/slack/oauth_redirect", params=again)
    assert back.status_code == 400 and len(fake.calls_to("oauth.v2.access")) == exchanges
    assert [a.token for a in accounts_stored(engine)] == [kept.token]


def test_it_disconnects_by_revoking_the_token_and_forgetting_it(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    accounts: ConnectedAccounts,
) -> None:
    connect_alice()
    client = accounts.user_client_for(ACME, ALICE)
    assert client is not None

    home = fake.home(ALICE)
    slack.click(ALICE, action_id=DISCONNECT_BUTTON, view_id=home["id"])

    [revoked] = [call for call in fake.calls if call.method == "auth.revoke"]
    assert accounts_stored(engine) == [] and accounts.user_client_for(ACME, ALICE) is None
    fake.allow("invalid_auth")
    with pytest.raises(SlackApiError, match="invalid_auth"):
        WebClient(token=client.token, base_url=fake.api_url).auth_test()
    assert home_element(fake, ALICE, CONNECT_BUTTON)["text"]["text"] == "Connect my account"
    assert revoked.token == client.token


def test_it_forgets_a_token_slack_revoked_and_tells_its_owner_once(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    accounts: ConnectedAccounts,
) -> None:
    connect_alice()
    client = accounts.user_client_for(ACME, ALICE)
    assert client is not None
    fake.fail("users.profile.get", "token_revoked")
    for _ in range(2):
        with pytest.raises(SlackApiError):
            client.users_profile_get()
    slack.settle()
    assert accounts_stored(engine) == [] and accounts.user_client_for(ACME, ALICE) is None
    assert [m["text"] for m in fake.messages_to(ALICE)].count(FORGOTTEN) == 1
    assert home_element(fake, ALICE, CONNECT_BUTTON)


def test_it_forgets_connected_accounts_when_slack_says_their_tokens_were_revoked(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
) -> None:
    connect_alice()
    slack.event({"type": "tokens_revoked", "tokens": {"oauth": [ALICE], "bot": []}})
    assert accounts_stored(engine) == []
    assert fake.last_dm(ALICE)["text"] == FORGOTTEN


def test_it_refreshes_a_rotating_user_token_once_before_it_expires(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    clock: FakeClock,
    accounts: ConnectedAccounts,
) -> None:
    fake.register_app(CLIENT_ID, CLIENT_SECRET, rotation=True)
    connect_alice()
    clock.advance(hours=12)
    for _ in range(2):
        client = accounts.user_client_for(ACME, ALICE)
        assert client is not None and client.users_profile_get()["ok"]
    refreshes = [c for c in fake.calls_to("oauth.v2.access") if c.get("grant_type")]
    assert len(refreshes) == 1
