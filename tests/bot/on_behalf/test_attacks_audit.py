"""Attacks on the audit log: bad days to `ooo audit --since`, entries for the admin group's
changes and none for the person's own, and `ooo data export|delete` of actor and subject."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from tests.bot.flows import stored
from tests.bot.on_behalf.conftest import ADA, HELEN
from tests.bot.on_behalf.steps import audit, name_hr, set_for
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, engine: Engine) -> None:
    """The command line pointed at the database under test, with no `.env` nearby."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


@pytest.mark.parametrize(
    "day",
    ["2026-02-30", "2026-13-01", "31/12/2026", "", "2026-12-01x"],
)
def test_ooo_audit_refuses_days_that_do_not_exist(
    capsys: pytest.CaptureFixture[str], day: str
) -> None:
    assert main(["audit", "--since", day]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    assert "is not a day like 2026-12-31" in captured.err


def test_ooo_audit_of_a_workspace_with_no_entries_prints_nothing(
    slack: SlackDriver, fake: FakeSlack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    assert main(["audit", "--team", "T0NOWHERE"]) == 0
    assert capsys.readouterr().out == ""


def test_the_admin_groups_changes_are_audited_and_bobs_own_are_not(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    name_hr(slack)
    set_for(slack, fake, HELEN, "UBOB", "from Monday to Friday", message="Off 🌴 <!channel> & co")
    slack.command("UBOB", "off")
    slack.click("UBOB", action_id="responder_edit", message=fake.messages_to("UBOB")[0])
    modal = fake.modal("UBOB")
    if modal is not None:
        slack.submit("UBOB", modal["id"], {"end_date": "2026-12-07"})
    assert main(["audit"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(e["actor_id"], e["subject_id"], e["action"]) for e in lines] == [
        (HELEN, "UBOB", "create")
    ]
    assert "🌴" not in json.dumps(lines) and "channel" not in json.dumps(lines)


def test_erasing_bob_leaves_no_trace_of_him_in_adas_export(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    assert main(["data", "delete", "--team", "T0001", "--user", "UBOB"]) == 0
    capsys.readouterr()
    assert stored(engine) == [] and audit(engine) == []
    assert main(["data", "export", "--team", "T0001", "--user", ADA]) == 0
    assert "UBOB" not in capsys.readouterr().out


def test_erasing_ada_keeps_bobs_absence_and_its_history_without_her(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    assert main(["data", "delete", "--team", "T0001", "--user", ADA]) == 0
    capsys.readouterr()
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [("UBOB", None)]
    assert main(["data", "export", "--team", "T0001", "--user", "UBOB"]) == 0
    exported = capsys.readouterr().out
    assert ADA not in exported and "erased" in exported


def test_ooo_audit_since_a_day_includes_that_whole_day(
    slack: SlackDriver, fake: FakeSlack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")  # at 10:00 UTC on 27 November
    assert main(["audit", "--since", "2026-11-27"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["subject_id"] for line in lines] == ["UBOB"]
