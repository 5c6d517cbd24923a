"""`ooo export`: the same CSV from the command line, for a workspace, a channel or a user group."""

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from bot.core.export_csv import BOM
from tests.bot.exports.export_flows import HEADER, away
from tests.bot.team.team_flows import on
from tests.conftest import SIGNING_SECRET
from tests.support.fake_slack import FakeSlack

PERIOD = ["--from", "2026-12-01", "--to", "2026-12-31"]


@pytest.fixture
def database(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The test database as the command's, with Alice, Bob and Carol away in December."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UBOB", on(14, 12), on(19, 12), leave_type="sick")
    away(engine, "UCAROL", on(1, 1).replace(year=2027), None)
    return engine


@pytest.fixture
def slack_env(fake: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> FakeSlack:
    """The bot token of the fake Slack's workspace, as `ooo run` would have it."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.bot_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    return fake


def read(data: bytes) -> dict[str, list[str]]:
    """The CSV's rows by user id, after checking its BOM and header."""
    text = data.decode()
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == HEADER
    return {row[1]: row for row in rows[1:]}


@pytest.mark.usefixtures("database")
def test_it_writes_a_whole_workspace_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["export", "--team", "T0001", *PERIOD]) == 0
    rows = read(capsysbinary.readouterr().out)
    assert rows == {
        "UALICE": ["", "UALICE", "Vacation", "2026-11-30", "2026-12-04", "Europe/Paris", "4"],
        "UBOB": ["", "UBOB", "Out of office", "2026-12-14", "2026-12-18", "Europe/Paris", "5"],
    }


@pytest.mark.usefixtures("database")
def test_it_writes_to_the_file_named(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / "december.csv"
    assert main(["export", "--team", "T0001", *PERIOD, "--out", str(out)]) == 0
    assert capsysbinary.readouterr().out == b""
    assert set(read(out.read_bytes())) == {"UALICE", "UBOB"}


@pytest.mark.usefixtures("database", "slack_env")
def test_it_asks_slack_who_is_in_a_channel_and_names_them(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["export", "--team", "T0001", "--channel", "C0SUPPORT", *PERIOD]) == 0
    rows = read(capsysbinary.readouterr().out)
    assert [row[0] for row in rows.values()] == ["Alice", "Bob"]


@pytest.mark.usefixtures("database", "slack_env")
def test_it_asks_slack_who_is_in_a_user_group(
    capsysbinary: pytest.CaptureFixture[bytes], fake: FakeSlack
) -> None:
    fake.add_usergroup("S0DESIGN", "design", "Design", users=["UBOB", "UCAROL"])
    assert main(["export", "--team", "T0001", "--group", "S0DESIGN", *PERIOD]) == 0
    assert list(read(capsysbinary.readouterr().out)) == ["UBOB"]


@pytest.mark.usefixtures("database", "slack_env")
def test_it_says_why_slack_cannot_show_a_team(
    capsys: pytest.CaptureFixture[str], fake: FakeSlack
) -> None:
    fake.allow("no_such_subteam")
    assert main(["export", "--team", "T0001", "--group", "S0GONE", *PERIOD]) == 1
    assert "can't find that user group" in capsys.readouterr().err


@pytest.mark.usefixtures("slack_env")
def test_it_refuses_a_bot_token_of_another_workspace(
    database: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    away(database, "UERIN", on(30), on(5, 12), team_id="T0002")
    assert main(["export", "--team", "T0002", "--channel", "C0SUPPORT", *PERIOD]) == 1
    assert "serves another workspace than T0002" in capsys.readouterr().err


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize(
    ("arguments", "status", "said"),
    [
        (["--from", "1 December", "--to", "2026-12-31"], 2, "is not a date (YYYY-MM-DD)"),
        (["--from", "2026-12-31", "--to", "2026-12-01"], 2, "is after --to"),
        (["--from", "2026-13-01", "--to", "2026-12-31"], 2, "is not a date"),
    ],
)
def test_it_refuses_dates_it_cannot_use(
    capsys: pytest.CaptureFixture[str], arguments: list[str], status: int, said: str
) -> None:
    assert main(["export", "--team", "T0001", *arguments]) == status
    assert said in capsys.readouterr().err


@pytest.mark.usefixtures("database")
def test_it_refuses_a_workspace_it_does_not_know(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--team", "T9999", *PERIOD]) == 1
    assert "knows no workspace T9999" in capsys.readouterr().err
