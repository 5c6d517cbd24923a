"""Feeds in a person's data: exported without their token, erased with them; their sealed
tokens move to a new key with the others."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from bot.accounts.keys import check_key, rotate_key
from bot.accounts.vault import Vault, generate_key
from bot.calendars.published.feeds import PublishedFeeds, TeamTarget
from bot.core.workspace import Workspace
from tests.bot.calendars.published.conftest import KEY
from tests.bot.calendars.published.feed_steps import (
    BOTH,
    PUBLIC_URL,
    SQLITE_ONLY,
    feed_rows,
    my_feed,
    read,
)
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@BOTH
def test_it_exports_feeds_without_their_token_and_erases_them_with_their_owner(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    app_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    path = my_feed(slack, fake, "UALICE")
    bobs = my_feed(slack, fake, "UBOB")
    token = path.removeprefix("/calendars/").removesuffix(".ics")
    capsys.readouterr()

    assert main(["data", "export", "--team", "T0001", "--user", "UALICE"]) == 0
    out = capsys.readouterr().out
    assert main(["data", "delete", "--team", "T0001", "--user", "UALICE"]) == 0

    [shown] = json.loads(out)["published_feeds"]
    assert shown["kind"] == "person" and token not in out
    assert feed_rows(engine)[0].token_hash not in out
    assert "published feeds 1" in capsys.readouterr().out
    assert (read(app_url, path).status_code, read(app_url, bobs).status_code) == (404, 200)


@SQLITE_ONLY
def test_it_reseals_feed_tokens_under_a_new_key(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    path = my_feed(slack, fake, "UALICE")
    new_key = generate_key()

    assert rotate_key(engine, Vault(new_key, KEY)) == 1

    assert check_key(engine, Vault(new_key)) == 1
    feeds = PublishedFeeds(engine, clock, public_url=PUBLIC_URL, vault=Vault(new_key))
    [link] = feeds.listed(Workspace("T0001"), "UALICE")
    assert link.url == f"{PUBLIC_URL}{path}"


@SQLITE_ONLY
def test_it_stops_the_feeds_of_someone_slack_deactivated(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    path = my_feed(slack, fake, "UALICE")
    gone = {"type": "user_change", "user": {"id": "UALICE", "team_id": "T0001", "deleted": True}}
    assert slack.event(gone).status == 200
    assert read(app_url, path).status_code == 404


class CountingVault(Vault):
    """A vault that counts the sealed tokens it opens."""

    opened = 0

    def open(self, sealed: str) -> str:
        CountingVault.opened += 1
        return super().open(sealed)


def test_stopping_a_feed_opens_no_sealed_token(engine: Engine, clock: FakeClock) -> None:
    feeds = PublishedFeeds(engine, clock, public_url=PUBLIC_URL, vault=CountingVault(KEY))
    workspace = Workspace("T0001")
    feeds.own(workspace, "UALICE", locale="en-US", renew=False)
    for channel in ("C1", "C2", "C3"):
        target = TeamTarget(channel, f"#{channel.lower()}", private=False)
        feeds.team(workspace, "UALICE", target, locale="en-US", renew=False)
    CountingVault.opened = 0
    revoked = feeds.revoke(workspace, "UALICE", team=("C2", "#c2"))
    assert ([link.target_id for link in revoked], CountingVault.opened) == (["C2"], 0)
    assert [link.target_id for link in feeds.listed(workspace, "UALICE")] == [None, "C1", "C3"]
