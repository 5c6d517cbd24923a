"""Settings: every problem reported at once, exit code 2, and `.env` honoured."""

import os
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import ConfigError, HttpSettings, Settings, calendar_hosts, load_settings

VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "DATABASE_URL",
    "PORT",
    "LOG_LEVEL",
    "OOO_RETENTION_DAYS",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_STATE_SECRET",
    "OOO_ENCRYPTION_KEY",
)
KEY = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGw="
DISTRIBUTED = {
    "SLACK_CLIENT_ID": "1.2",
    "SLACK_CLIENT_SECRET": "c",
    "SLACK_STATE_SECRET": "s",
    "OOO_ENCRYPTION_KEY": KEY,
    "SLACK_SIGNING_SECRET": "sig",
}


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


@pytest.mark.parametrize(
    ("variables", "flags", "problems"),
    [
        ({}, [], {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, [], {"SLACK_SIGNING_SECRET"}),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"},
            ["--http"],
            {"SLACK_SIGNING_SECRET"},
        ),
        ({"PORT": "99999"}, [], {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "PORT"}),
        (
            {"SLACK_BOT_TOKEN": "xoxp-1", "LOG_LEVEL": "CHATTY"},
            [],
            {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "LOG_LEVEL"},
        ),
        ({"SLACK_APP_TOKEN": "xapp-1", "PORT": "0"}, [], {"SLACK_BOT_TOKEN", "PORT"}),
        ({"SLACK_APP_TOKEN": "xoxb-1", "SLACK_BOT_TOKEN": "xoxb-1"}, [], {"SLACK_APP_TOKEN"}),
        (
            {
                "SLACK_APP_TOKEN": "xapp-1",
                "SLACK_API_URL": "slack.com",
                "DATABASE_URL": "mysql://x",
            },
            ["--http"],
            {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "DATABASE_URL"},
        ),
    ],
)
def test_it_reports_every_problem_of_a_combination_in_one_message(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variables: dict[str, str],
    flags: list[str],
    problems: set[str],
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert main(["run", *flags]) == 2
    err = capsys.readouterr().err
    reported = {line.split(":")[0].strip() for line in err.splitlines()[1:]}
    assert (err.splitlines()[0], reported) == ("Configuration problems:", problems)


@pytest.mark.parametrize(
    ("app_token", "kind", "socket_mode"),
    [(None, Settings, False), ("xapp-1", Settings, True), ("xapp-1", HttpSettings, False)],
)
def test_it_chooses_socket_mode_only_with_an_app_token_and_no_http_flag(
    monkeypatch: pytest.MonkeyPatch,
    app_token: str | None,
    kind: type[Settings],
    socket_mode: bool,
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    if app_token:
        monkeypatch.setenv("SLACK_APP_TOKEN", app_token)
    assert load_settings(kind).socket_mode is socket_mode


def test_it_needs_no_signing_secret_in_socket_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert load_settings(Settings).slack_signing_secret is None


def test_it_keeps_slacks_variables_from_bolt_once_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_CLIENT_ID": "1.2",
        "SLACK_CLIENT_SECRET": "c",
        "OOO_ENCRYPTION_KEY": KEY,
    }.items():
        monkeypatch.setenv(name, value)
    load_settings(Settings)
    assert [name for name in os.environ if name.startswith("SLACK_")] == []
    assert "OOO_ENCRYPTION_KEY" not in os.environ


@pytest.mark.parametrize(
    ("variables", "problems", "words"),
    [
        (
            {"SLACK_CLIENT_ID": "1.2"},
            {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"},
            "SLACK_STATE_SECRET",
        ),
        (
            {**DISTRIBUTED, "OOO_ENCRYPTION_KEY": "short"},
            {"OOO_ENCRYPTION_KEY"},
            "ooo keys generate",
        ),
        ({**DISTRIBUTED, "SLACK_APP_TOKEN": "xapp-1"}, {"SLACK_APP_TOKEN"}, "one workspace"),
        ({**DISTRIBUTED, "SLACK_SIGNING_SECRET": ""}, {"SLACK_SIGNING_SECRET"}, "HTTP"),
    ],
    ids=["half distributed", "bad key", "socket mode", "no signing secret"],
)
def test_it_names_what_distributed_mode_lacks(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variables: dict[str, str],
    problems: set[str],
    words: str,
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert {line.split(":")[0].strip() for line in err.splitlines()[1:]} == problems
    assert words in err


@pytest.mark.parametrize(
    ("variables", "distributed"),
    [(DISTRIBUTED, True), ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, False)],
)
def test_it_runs_distributed_without_a_bot_token(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], distributed: bool
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert load_settings(Settings).distributed is distributed


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


@pytest.mark.parametrize(
    ("setting", "hosts"),
    [
        ("", frozenset()),
        ("calendar.internal:8443", frozenset({"calendar.internal:8443"})),
        (
            " Calendar.Internal:8443 , 127.0.0.1:8080,,[::1]:08080 ",
            frozenset({"calendar.internal:8443", "127.0.0.1:8080", "::1:8080"}),
        ),
    ],
)
def test_it_reads_the_calendar_hosts_allowed(setting: str, hosts: frozenset[str]) -> None:
    assert calendar_hosts(setting) == hosts


@pytest.mark.parametrize(
    "entry", ["calendar.internal", "https://calendar.internal:8443", ":8443", "cal:0", "cal:x"]
)
def test_it_names_a_calendar_host_that_is_not_host_and_port(
    monkeypatch: pytest.MonkeyPatch, entry: str
) -> None:
    monkeypatch.setenv("OOO_CALENDAR_ALLOW_HOSTS", f"ok.internal:443,{entry}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    with pytest.raises(ConfigError) as refused:
        load_settings(Settings)
    assert f"OOO_CALENDAR_ALLOW_HOSTS: {entry!r} is not host:port" in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "ooo.example.com",
        "ftp://ooo.example.com",
        "https://",
        "https://ooo.example.com:port",
        "https://ooo.example.com/?x=1",
        "https://ooo.example.com/#top",
        "https://admin:secret@ooo.example.com",
    ],
)
def test_it_refuses_a_public_url_calendars_cannot_be_given(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("OOO_PUBLIC_URL", url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    with pytest.raises(ConfigError) as refused:
        load_settings(Settings)
    assert "OOO_PUBLIC_URL" in str(refused.value)


def test_it_keeps_a_public_url_without_its_trailing_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OOO_PUBLIC_URL", " https://ooo.example.com/slack/ ")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert load_settings(Settings).ooo_public_url == "https://ooo.example.com/slack"
