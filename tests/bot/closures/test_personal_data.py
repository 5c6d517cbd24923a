"""What closures did for a person is in their data export, and goes when their data is deleted."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from tests.bot.closures.closure_flows import close, states
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, engine: Engine) -> None:
    """The command line pointed at the database under test, with no `.env` nearby."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


def test_bobs_export_and_deletion_cover_the_closures_he_was_in(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec Office closed")
    slack.command("UBOB", "closure optout")
    capsys.readouterr()

    assert main(["data", "export", "--team", "T0001", "--user", "UBOB"]) == 0
    exported = json.loads(capsys.readouterr().out)["what_office_closures_did_for_them"]
    assert [(m["closure_id"], m["state"]) for m in exported] == [(1, "opted_out")]

    assert main(["data", "delete", "--team", "T0001", "--user", "UBOB"]) == 0
    assert "what closures did for them 1" in capsys.readouterr().out
    assert states(engine) == {"UALICE": "applied"}
