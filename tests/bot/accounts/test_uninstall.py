"""Uninstalled or revoked: that workspace's tokens go at once, and the others keep working."""

import httpx
import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from tests.bot.accounts.conftest import (
    ALICE,
    BOB,
    CLIENT_ID,
    CLIENT_SECRET,
    OTHER_TEAM,
    TEAM,
    Background,
    driver,
    install,
)
from tests.bot.accounts.test_install import installations
from tests.bot.flows import save
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def both_installed(browser: httpx.Client, app_url: str, fake: FakeSlack) -> None:
    """ooo installed in T0001 by Alice and in T0002 by Bob."""
    assert install(browser, app_url, fake, ALICE).status_code == 200
    assert install(browser, app_url, fake.team(OTHER_TEAM), BOB).status_code == 200


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_uninstalled"},
        {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}},
    ],
    ids=["app_uninstalled", "tokens_revoked"],
)
@pytest.mark.usefixtures("both_installed")
def test_it_forgets_a_workspaces_tokens_at_once_and_serves_the_others(
    app_url: str, fake: FakeSlack, engine: Engine, background: Background, event: dict[str, object]
) -> None:
    alice = driver(app_url, fake, background)
    other = fake.team(OTHER_TEAM)
    bob = driver(app_url, other, background)
    [token] = fake.installed_tokens(TEAM)
    WebClient(base_url=fake.api_url).apps_uninstall(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token=token
    )

    told = alice.event(event)

    assert told.status == 200
    assert fake.installed_tokens(TEAM) == []
    assert [i.team_id for i in installations(engine)] == [OTHER_TEAM]
    assert alice.event({"type": "app_home_opened", "user": ALICE, "tab": "home"}).status == 401
    assert save(bob, other, BOB, "tomorrow").status == 200
    assert other.last_dm(BOB)


def test_it_keeps_the_bot_when_only_people_revoked_their_tokens(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine, background: Background
) -> None:
    install(browser, app_url, fake, ALICE, user_scopes=("users.profile:write",))
    [before] = installations(engine)
    alice = driver(app_url, fake, background)

    told = alice.event({"type": "tokens_revoked", "tokens": {"oauth": [ALICE], "bot": []}})

    [after] = installations(engine)
    assert told.status == 200
    assert (before.user_token is not None, after.user_token) == (True, None)
    assert after.bot_token == before.bot_token and after.team_id == TEAM
