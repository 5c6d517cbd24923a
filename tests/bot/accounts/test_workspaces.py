"""Workspaces side by side: each served with its own installation, none seeing another's."""

import httpx
import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.clients import NotInstalled
from bot.accounts.installs import client_for
from bot.core.workspace import Workspace
from tests.bot.accounts.conftest import (
    ALICE,
    BOB,
    OTHER_TEAM,
    TEAM,
    Background,
    distributed_settings,
    driver,
    install,
)
from tests.bot.flows import save, stored
from tests.conftest import settings_for
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ORG, GRID_TEAM, CAROL = "E0001", "T0003", "UCAROL"


@pytest.fixture
def both_installed(browser: httpx.Client, app_url: str, fake: FakeSlack) -> None:
    """ooo installed in T0001 by Alice and in T0002 by Bob."""
    assert install(browser, app_url, fake, ALICE).status_code == 200
    assert install(browser, app_url, fake.team(OTHER_TEAM), BOB).status_code == 200


@pytest.mark.usefixtures("both_installed")
def test_it_serves_each_workspace_with_its_own_token_and_its_own_responders(
    app_url: str, fake: FakeSlack, engine: Engine, background: Background
) -> None:
    other = fake.team(OTHER_TEAM)
    alice, bob = driver(app_url, fake, background), driver(app_url, other, background)

    assert save(alice, fake, ALICE, "tomorrow").status == 200
    assert save(bob, other, BOB, "tomorrow").status == 200

    assert {(r.team_id, r.owner_id) for r in stored(engine)} == {(TEAM, ALICE), (OTHER_TEAM, BOB)}
    assert fake.last_dm(ALICE) and other.last_dm(BOB)
    [team_token] = fake.installed_tokens(TEAM)
    [other_token] = fake.installed_tokens(OTHER_TEAM)
    used = {call.token for call in fake.calls if call.method == "chat.postMessage"}
    assert used == {team_token, other_token}


@pytest.mark.usefixtures("both_installed")
def test_it_refuses_events_from_a_workspace_it_is_not_installed_in(
    app_url: str, fake: FakeSlack, background: Background
) -> None:
    stranger = driver(app_url, fake.add_workspace("T0009"), background)

    refused = stranger.event({"type": "app_home_opened", "user": "UEVE", "tab": "home"})
    handshake = stranger.url_verification("challenge-token")

    assert refused.status == 401
    assert handshake.status == 200 and "challenge-token" in handshake.text
    assert fake.calls_to("views.publish") == []


def test_it_serves_every_workspace_of_an_org_installed_org_wide(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine, background: Background
) -> None:
    grid = fake.add_workspace(GRID_TEAM, enterprise_id=ORG)
    grid.add_user(CAROL, "carol", tz="Europe/London")
    grid.add_channel("C0GENERAL", "general", members=[CAROL, "UBOT"])
    assert install(browser, app_url, grid, CAROL, org_wide=True).status_code == 200
    carol = driver(app_url, grid, background, enterprise_id=ORG, org_wide=True)

    assert save(carol, grid, CAROL, "tomorrow").status == 200

    [responder] = stored(engine)
    assert (responder.team_id, responder.enterprise_id) == (GRID_TEAM, ORG)
    assert grid.last_dm(CAROL)
    assert fake.installed_tokens(None, org=ORG)


def test_it_keeps_a_grid_persons_responders_in_the_workspace_they_were_made_in(
    browser: httpx.Client, app_url: str, fake: FakeSlack, engine: Engine, background: Background
) -> None:
    first = fake.add_workspace(GRID_TEAM, enterprise_id=ORG)
    second = fake.add_workspace("T0004", enterprise_id=ORG)
    for workspace in (first, second):
        workspace.add_user(CAROL, "carol", tz="Europe/London")
        workspace.add_channel("C0GENERAL", "general", members=[CAROL, "UBOT"])
        assert install(browser, app_url, workspace, CAROL).status_code == 200
    here = driver(app_url, first, background, enterprise_id=ORG)
    there = driver(app_url, second, background, enterprise_id=ORG)

    assert save(here, first, CAROL, "tomorrow").status == 200
    listed_there = there.command(CAROL, "list")
    listed_here = here.command(CAROL, "list")

    assert [r.team_id for r in stored(engine)] == [GRID_TEAM]
    assert "You have no responders" in listed_there.text
    assert "You have no responders" not in listed_here.text


@pytest.mark.usefixtures("both_installed")
def test_background_work_gets_each_workspaces_own_client(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    settings = distributed_settings(fake, engine)
    find = client_for(settings, engine, clock, WebClient(base_url=fake.api_url))

    teams = [find(Workspace(team)).auth_test()["team_id"] for team in (TEAM, OTHER_TEAM)]

    assert teams == [TEAM, OTHER_TEAM]
    with pytest.raises(NotInstalled):
        find(Workspace("T0009"))


def test_background_work_uses_the_bot_token_for_one_workspace(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    settings = settings_for(fake, engine)
    template = WebClient(base_url=fake.api_url, token=fake.bot_token)

    found = client_for(settings, engine, clock, template)(Workspace(TEAM))

    assert found.token == fake.bot_token
