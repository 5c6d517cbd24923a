"""Settings: every problem reported at once, exit code 2, and `.env` honoured."""

from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import ConfigError, Settings, load_settings
from tests.support.fake_slack import FakeSlack

VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "DATABASE_URL",
    "PORT",
    "LOG_LEVEL",
    "OOO_RETENTION_DAYS",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_it_lists_every_problem_and_exits_with_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORT", "99999")
    monkeypatch.setenv("LOG_LEVEL", "CHATTY")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    for name in ("SLACK_BOT_TOKEN", "PORT", "LOG_LEVEL"):
        assert name in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("nonsense", "not a database URL"),
        ("mysql://root@localhost/ooo", "sqlite"),
        ("postgresql+asyncpg://localhost/ooo", "psycopg"),
    ],
)
def test_it_refuses_a_database_it_cannot_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str, words: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "DATABASE_URL" in err and words in err


def test_it_needs_a_signing_secret_to_serve_http_even_with_an_app_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert main(["run", "--http"]) == 2
    assert "SLACK_SIGNING_SECRET" in capsys.readouterr().err


def test_it_needs_a_signing_secret_unless_socket_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        load_settings(Settings)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert load_settings(Settings).slack_signing_secret is None


def test_it_refuses_tokens_of_the_wrong_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-user-token")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xoxb-1")
    with pytest.raises(ConfigError) as caught:
        load_settings(Settings)
    assert "SLACK_BOT_TOKEN" in str(caught.value) and "SLACK_APP_TOKEN" in str(caught.value)


def test_it_reads_a_dot_env_file_and_defaults_the_rest(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET=s\nSLACK_APP_TOKEN=\n"
    )
    settings = load_settings(Settings)
    assert settings.slack_bot_token == "xoxb-from-file"
    assert settings.slack_app_token is None
    assert (settings.database_url, settings.port) == ("sqlite:///ooo.db", 3000)
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.ooo_retention_days == 30


def test_it_migrates_the_database_without_slack_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/fresh.db")
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "fresh.db").exists()


def test_it_runs_over_socket_mode_when_an_app_token_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[str] = []

    class SocketModeRecorder:
        """Stands in for Bolt's Socket Mode handler, which would dial Slack."""

        def __init__(self, app: object, app_token: str) -> None:
            self.app_token = app_token

        def start(self) -> None:
            started.append(self.app_token)

    with FakeSlack() as fake:
        monkeypatch.setenv("SLACK_BOT_TOKEN", fake.bot_token)
        monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-socket")
        monkeypatch.setenv("SLACK_API_URL", fake.api_url)
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/socket.db")
        monkeypatch.setattr("slack_bolt.adapter.socket_mode.SocketModeHandler", SocketModeRecorder)
        assert main(["run"]) == 0
    assert started == ["xapp-1-socket"]
    assert (tmp_path / "socket.db").exists()


@pytest.mark.parametrize(("days", "accepted"), [("7", True), ("0", False), ("soon", False)])
def test_it_keeps_mentions_for_the_retention_period_it_is_given(
    monkeypatch: pytest.MonkeyPatch, days: str, accepted: bool
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("OOO_RETENTION_DAYS", days)
    if accepted:
        assert load_settings(Settings).ooo_retention_days == int(days)
        return
    with pytest.raises(ConfigError, match="OOO_RETENTION_DAYS"):
        load_settings(Settings)
