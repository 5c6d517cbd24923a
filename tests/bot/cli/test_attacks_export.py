"""Attacks on `ooo export`: arguments people get wrong, teams pasted as Slack shows them."""

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
    """The test database as the command's, with Alice away and Bob off sick in December."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UBOB", on(14, 12), on(19, 12), leave_type="sick")
    return engine


@pytest.fixture
def slack_env(fake: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> FakeSlack:
    """The bot token of the fake Slack's workspace, as `ooo run` would have it."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.bot_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    return fake


def run(arguments: list[str]) -> int:
    """`ooo …`'s exit code, whether it returns it or exits with it."""
    try:
        return main(arguments)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else 1


def read(data: bytes) -> dict[str, list[str]]:
    """The CSV's rows by user id, after checking its BOM and header."""
    text = data.decode()
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == HEADER
    return {row[1]: row for row in rows[1:]}


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize(
    "arguments",
    [
        ["--from", "2026-12-01", "--to", "2026-12-31"],
        ["--team", "T0001", "--to", "2026-12-31"],
        ["--team", "T0001", "--from", "2026-12-01"],
        ["--team", "T0001", *PERIOD, "--channel", "C0SUPPORT", "--group", "S0ONCALL"],
        ["--team", "T0001", "--from", "2026-02-30", "--to", "2026-12-31"],
        ["--team", "T0001", "--from", "", "--to", "2026-12-31"],
        ["--team", "T0001", "--from", "31/12/2026", "--to", "2026-12-31"],
        ["--team", "T0001", "--from", "2026-12-01T10:00", "--to", "2026-12-31"],
        ["--team", "T0001", *PERIOD, "--format", "xlsx"],
        ["--team", "T0001", *PERIOD, "extra"],
    ],
)
def test_bad_arguments_exit_2_with_a_message_and_no_traceback(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    assert run(["export", *arguments]) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize(
    "period",
    [
        ["--from", "0001-01-01", "--to", "9999-12-31"],
        ["--from", "9999-12-31", "--to", "9999-12-31"],
        ["--from", "0001-01-01", "--to", "0001-01-01"],
    ],
)
def test_the_ends_of_the_calendar_give_no_traceback(
    capsysbinary: pytest.CaptureFixture[bytes], period: list[str]
) -> None:
    code = run(["export", "--team", "T0001", *period])
    out, err = capsysbinary.readouterr()
    assert b"Traceback" not in err
    if code == 0:
        assert set(read(out)) <= {"UALICE", "UBOB"}
    else:
        assert code == 2 and err.strip()


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize("where", ["missing/dir/out.csv", "."])
def test_a_file_it_cannot_write_is_said_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    code = run(["export", "--team", "T0001", *PERIOD, "--out", str(tmp_path / where)])
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.strip() and "Traceback" not in err


@pytest.mark.usefixtures("database")
def test_a_file_already_there_is_replaced_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    out.write_bytes(b"x" * 10_000)
    assert run(["export", "--team", "T0001", *PERIOD, "--out", str(out)]) == 0
    assert set(read(out.read_bytes())) == {"UALICE", "UBOB"}


@pytest.mark.usefixtures("database", "slack_env")
@pytest.mark.parametrize(
    "arguments",
    [
        ["--channel", "#support"],
        ["--channel", "support"],
        ["--channel", "<#C0SUPPORT|support>"],
        ["--group", "@oncall"],
        ["--group", "<!subteam^S0ONCALL|@oncall>"],
    ],
)
def test_a_team_pasted_as_slack_shows_it_is_found_or_refused_clearly(
    capsysbinary: pytest.CaptureFixture[bytes], fake: FakeSlack, arguments: list[str]
) -> None:
    fake.allow("channel_not_found", "no_such_subteam")
    code = run(["export", "--team", "T0001", *arguments, *PERIOD])
    out, err = capsysbinary.readouterr()
    assert b"Traceback" not in err
    if code == 0:
        assert set(read(out)) == {"UALICE", "UBOB"}
    else:
        assert code in (1, 2) and err.strip()


@pytest.mark.usefixtures("database")
def test_a_channel_without_a_bot_token_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    code = run(["export", "--team", "T0001", "--channel", "C0SUPPORT", *PERIOD])
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert "SLACK_BOT_TOKEN" in err and "Traceback" not in err


@pytest.mark.usefixtures("database", "slack_env")
def test_a_whole_workspace_is_named_when_slack_can_say_who_is_who(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert run(["export", "--team", "T0001", *PERIOD]) == 0
    rows = read(capsysbinary.readouterr().out)
    assert [row[0] for row in rows.values()] == ["Alice", "Bob"]


@pytest.mark.usefixtures("database", "slack_env")
def test_sick_leave_never_shows_on_the_command_line(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert run(["export", "--team", "T0001", "--group", "S0ONCALL", *PERIOD]) == 0
    out = capsysbinary.readouterr().out
    assert read(out)["UBOB"][2] == "Out of office"
    assert b"Sick" not in out and b"sick" not in out


@pytest.mark.usefixtures("slack_env")
def test_names_that_look_like_formulas_are_neutralised_on_the_command_line(
    database: Engine, fake: FakeSlack, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fake.add_user("UEVE", "=cmd|' /C calc'!A0", real_name="=cmd|' /C calc'!A0")
    fake.add_usergroup("S0EVE", "eve", "Eve", users=["UEVE"])
    away(database, "UEVE", on(30), on(5, 12))
    assert run(["export", "--team", "T0001", "--group", "S0EVE", *PERIOD]) == 0
    assert read(capsysbinary.readouterr().out)["UEVE"][0] == "'=cmd|' /C calc'!A0"


@pytest.mark.usefixtures("slack_env")
def test_bots_deactivated_people_and_guests_are_left_out_on_the_command_line(
    database: Engine, fake: FakeSlack, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fake.add_user("UROBOT", "robot", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    fake.add_channel("C0MIXED", "mixed", members=["UALICE", "UROBOT", "UGONE", "UGUEST", "UBOT"])
    for person in ["UROBOT", "UGONE", "UGUEST"]:
        away(database, person, on(30), on(5, 12))
    assert run(["export", "--team", "T0001", "--channel", "C0MIXED", *PERIOD]) == 0
    assert set(read(capsysbinary.readouterr().out)) == {"UALICE"}


@pytest.mark.usefixtures("database", "slack_env")
def test_a_private_channel_the_bot_is_not_in_is_refused_clearly(
    fake: FakeSlack, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.add_channel("C0HIDDEN", "hidden", members=["UALICE"], is_private=True)
    fake.allow("channel_not_found")
    code = run(["export", "--team", "T0001", "--channel", "C0HIDDEN", *PERIOD])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "C0HIDDEN" in captured.err and "Traceback" not in captured.err


@pytest.mark.usefixtures("database", "slack_env")
@pytest.mark.parametrize("method", ["conversations.members", "users.list", "users.info"])
def test_slack_limiting_midway_never_writes_part_of_a_team(
    fake: FakeSlack, capsysbinary: pytest.CaptureFixture[bytes], method: str
) -> None:
    fake.paginate(1)
    fake.rate_limit_next(method, retry_after=1, after=1)
    code = run(["export", "--team", "T0001", "--channel", "C0SUPPORT", *PERIOD])
    out, err = capsysbinary.readouterr()
    assert b"Traceback" not in err
    if code == 0:
        assert set(read(out)) == {"UALICE", "UBOB"}
    else:
        assert code == 1 and out == b"" and err.strip()
