"""Uninstalled or revoked: that workspace's tokens go at once, and the others keep working."""

from datetime import timedelta

import httpx
import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import select

from bot.core.workspace import Workspace
from storage.db import session_scope
from storage.effects_queries import FAILED, PENDING, NewEffect, enqueue_effects
from storage.models import Effect
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
from tests.support.clock import FakeClock
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


@pytest.mark.usefixtures("both_installed")
def test_it_stops_the_side_effects_that_needed_the_tokens_and_only_those(
    app_url: str, fake: FakeSlack, engine: Engine, clock: FakeClock, background: Background
) -> None:
    later = clock() + timedelta(hours=1)
    with session_scope(engine) as session:
        enqueue_effects(
            session,
            effects=[
                NewEffect(f"test:{team}", "dm", {}, Workspace(team), "UX", not_before=later)
                for team in (TEAM, OTHER_TEAM)
            ],
            now=clock(),
        )

    assert driver(app_url, fake, background).event({"type": "app_uninstalled"}).status == 200

    with session_scope(engine) as session:
        statuses = {e.team_id: (e.status, e.last_error) for e in session.exec(select(Effect))}
    assert statuses == {TEAM: (FAILED, "not_installed"), OTHER_TEAM: (PENDING, None)}
