"""OOO_ENCRYPTION_KEY: a wrong key stops ooo (fail closed); `ooo keys` makes and rotates keys."""

from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import Engine

from bot.__main__ import main
from bot.accounts.installations import SealedInstallations
from bot.accounts.keys import check_key
from bot.accounts.vault import Vault
from bot.app import build_services, create_app
from bot.config import ConfigError
from storage.account_queries import every_account, save_account
from storage.db import session_scope
from storage.models import ConnectedAccount
from tests.bot.accounts.conftest import ALICE, KEY, OTHER_KEY, TEAM, distributed_settings
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack
from tests.test_process import ooo_run, run_to_end

BOT_TOKEN, REFRESH_TOKEN = "xoxb-alices-workspace", "xoxe-1-alices-refresh"


@pytest.fixture
def sealed(engine: Engine, clock: FakeClock) -> SealedInstallations:
    """Alice's workspace installed, its tokens sealed with KEY."""
    store = SealedInstallations(engine, Vault(KEY), clock)
    store.save(
        Installation(
            team_id=TEAM,
            user_id=ALICE,
            bot_token=BOT_TOKEN,
            bot_id="BBOT",
            bot_user_id="UBOT",
            bot_refresh_token=REFRESH_TOKEN,
            bot_token_expires_in=43200,
        )
    )
    return store


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, engine: Engine) -> None:
    """The database under test, and no `.env` nearby."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


@pytest.mark.usefixtures("sealed")
def test_it_refuses_to_start_with_a_key_that_cannot_open_the_stored_tokens(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    settings = distributed_settings(fake, engine, ooo_encryption_key=OTHER_KEY)
    with pytest.raises(ConfigError, match="OOO_ENCRYPTION_KEY"):
        create_app(build_services(settings, engine, clock))


def distributed(key: str) -> dict[str, str]:
    """The environment of `ooo run` for any number of workspaces."""
    return {
        "SLACK_BOT_TOKEN": "",
        "SLACK_CLIENT_ID": "1111.2222",
        "SLACK_CLIENT_SECRET": "client-secret",
        "SLACK_STATE_SECRET": "state-secret",
        "OOO_ENCRYPTION_KEY": key,
    }


@pytest.mark.usefixtures("sealed")
def test_ooo_run_serves_the_install_page_with_the_key_that_sealed_the_tokens(
    fake: FakeSlack, engine: Engine
) -> None:
    database_url = engine.url.render_as_string(hide_password=False)
    with ooo_run(fake, database_url, **distributed(KEY)) as [url]:
        page = httpx.get(f"{url}/slack/install")
    assert page.status_code == 200 and "slack.com/oauth/v2/authorize" in page.text


@pytest.mark.usefixtures("sealed")
def test_it_exits_with_2_and_never_serves_with_a_wrong_key(fake: FakeSlack, engine: Engine) -> None:
    database_url = engine.url.render_as_string(hide_password=False)
    finished = run_to_end(fake, database_url, **distributed(OTHER_KEY))
    assert finished.returncode == 2
    assert "OOO_ENCRYPTION_KEY" in finished.stderr and OTHER_KEY not in finished.stderr
    assert "serving" not in finished.stderr


def test_it_generates_a_new_key_each_time(capsys: pytest.CaptureFixture[str]) -> None:
    keys = []
    for _ in range(2):
        assert main(["keys", "generate"]) == 0
        keys.append(capsys.readouterr().out.strip())
    assert keys[0] != keys[1]
    assert [Fernet(key) for key in keys]


@pytest.mark.usefixtures("environment")
def test_it_reseals_every_token_under_the_new_key(
    sealed: SealedInstallations,
    engine: Engine,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OOO_ENCRYPTION_KEY", OTHER_KEY)

    assert main(["keys", "rotate", "--old", KEY]) == 0

    assert "re-sealed 2 tokens" in capsys.readouterr().out
    assert check_key(engine, Vault(OTHER_KEY)) == 2
    with pytest.raises(ConfigError):
        check_key(engine, Vault(KEY))
    found = SealedInstallations(engine, Vault(OTHER_KEY), clock).find_bot(
        enterprise_id=None, team_id=TEAM
    )
    assert found is not None
    assert (found.bot_token, found.bot_refresh_token) == (BOT_TOKEN, REFRESH_TOKEN)


@pytest.mark.usefixtures("environment", "sealed")
def test_it_changes_nothing_when_neither_key_opens_the_tokens(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OOO_ENCRYPTION_KEY", OTHER_KEY)

    assert main(["keys", "rotate", f"--old={Fernet.generate_key().decode()}"]) == 2

    assert "OOO_ENCRYPTION_KEY" in capsys.readouterr().err
    assert check_key(engine, Vault(KEY)) == 2


@pytest.mark.usefixtures("environment", "sealed")
def test_it_reseals_and_checks_connected_accounts_too(
    engine: Engine,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_token = "xoxp-alices-own"
    with session_scope(engine) as session:
        account = ConnectedAccount(
            team_id=TEAM, user_id=ALICE, token=Vault(KEY).seal(user_token), connected_at=clock()
        )
        save_account(session, account=account)
    monkeypatch.setenv("OOO_ENCRYPTION_KEY", OTHER_KEY)

    assert main(["keys", "rotate", "--old", KEY]) == 0

    assert "re-sealed 3 tokens" in capsys.readouterr().out
    assert check_key(engine, Vault(OTHER_KEY)) == 3
    with session_scope(engine) as session:
        [kept] = every_account(session)
    assert Vault(OTHER_KEY).open(kept.token) == user_token
