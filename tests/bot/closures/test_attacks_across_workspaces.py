"""Attacks across workspaces: an admin of one workspace reaching another's closure by number."""

import httpx
import pytest
from sqlalchemy import Engine

from bot.blocks.closures import END, OPT_OUT
from tests.bot.accounts.conftest import (  # noqa: F401 (fixtures of distributed mode)
    ALICE,
    BOB,
    OTHER_TEAM,
    Background,
    app_settings,
    background,
    browser,
    clock,
    driver,
    fake,
    install,
)
from tests.bot.closures.closure_flows import close, closure_rows, states
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def both_installed(browser: httpx.Client, app_url: str, fake: FakeSlack) -> None:  # noqa: F811
    """ooo installed in T0001 by Alice and in T0002 by Bob, each an admin of their own."""
    fake.add_user(ALICE, "alice", tz="Europe/Paris", role="admin")
    fake.add_user("UCAROL", "carol", tz="Europe/London")
    fake.add_channel("C0GENERAL", "general", members=[ALICE, "UCAROL", "UBOT"])
    other = fake.team(OTHER_TEAM)
    other.add_user(BOB, "bob", tz="America/New_York", role="admin")
    assert install(browser, app_url, fake, ALICE).status_code == 200
    assert install(browser, app_url, other, BOB).status_code == 200


@pytest.mark.usefixtures("both_installed")
def test_an_admin_of_another_workspace_can_neither_see_nor_end_a_closure(
    app_url: str,
    fake: FakeSlack,  # noqa: F811
    engine: Engine,
    background: Background,  # noqa: F811
) -> None:
    other = fake.team(OTHER_TEAM)
    alice, bob = driver(app_url, fake, background), driver(app_url, other, background)
    close(alice, fake, ALICE, "<#C0GENERAL> 24 Dec to 1 Jan Office closed")
    assert sorted(r.owner_id for r in closure_rows(engine)) == [ALICE, "UCAROL"]
    alices_list = alice.command(ALICE, "admin closures").json()

    listed = bob.command(BOB, "admin closures").json()
    ended = bob.command(BOB, "admin close end 1")
    clicked = bob.click(BOB, action_id=END, message={"blocks": alices_list["blocks"], "text": "x"})
    opted = bob.command(BOB, "closure optout 1")
    carols = [m for m in fake.messages_to("UCAROL") if OPT_OUT in str(m.get("blocks"))][-1]
    crafted = bob.click(BOB, action_id=OPT_OUT, message=carols)

    assert "C0GENERAL" not in str(listed)
    for reply in (ended, clicked, crafted):
        assert "ended:" not in str(other.responses(reply.response_url or ""))
    assert "You opted out" not in opted.json()["text"]
    assert sorted(r.owner_id for r in closure_rows(engine)) == [ALICE, "UCAROL"]
    assert states(engine) == {ALICE: "applied", "UCAROL": "applied", "UBOT": "bot"}
