"""The audit log read back: `ooo audit` prints JSON lines, filtered by workspace and day; `ooo
data export` covers the entries naming a person, `ooo data delete` erases those about them and
unnames them in those they made."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from storage import audit_queries
from storage.db import session_scope
from tests.bot.flows import stored, texts
from tests.bot.on_behalf.conftest import ADA
from tests.bot.on_behalf.steps import audit, set_for
from tests.bot.responders.test_manage import open_home
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, engine: Engine) -> None:
    """The command line pointed at the database under test, with no `.env` nearby."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


def printed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    """Run `ooo audit …` and read each line it printed as JSON."""
    assert main(["audit", *argv]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_ooo_audit_prints_each_entry_as_a_json_line_by_workspace_and_day(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    clock.advance(days=3)
    set_for(slack, fake, ADA, "UCAROL", "from 7 December to 11 December")
    with session_scope(engine) as session:
        audit_queries.record(
            session,
            team_id="T0OTHER",
            actor_id="UZED",
            subject_id="UYAN",
            action="create",
            responder_id=None,
            detail={},
            at=clock(),
        )
    bob, carol = stored(engine)

    everything = printed(capsys)
    assert [(e["team_id"], e["subject_id"]) for e in everything] == [
        ("T0001", "UBOB"),
        ("T0001", "UCAROL"),
        ("T0OTHER", "UYAN"),
    ]
    assert everything[0] == {
        "id": everything[0]["id"],
        "team_id": "T0001",
        "actor_id": ADA,
        "subject_id": "UBOB",
        "action": "create",
        "responder_id": bob.id,
        "closure_id": None,
        "detail": {
            "before": None,
            "after": {
                "starts_at": "2026-11-30T05:00:00+00:00",
                "ends_at": "2026-12-05T05:00:00+00:00",
            },
        },
        "at": "2026-11-27T10:00:00+00:00",
    }
    ours = printed(capsys, "--team", "T0001", "--since", "2026-11-28")
    assert [(e["subject_id"], e["responder_id"]) for e in ours] == [("UCAROL", carol.id)]
    assert printed(capsys, "--since", "2026-12-31") == []


def test_ooo_audit_refuses_a_day_it_cannot_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--since", "last tuesday"]) == 2
    assert "is not a day like 2026-12-31" in capsys.readouterr().err


def test_data_export_and_delete_cover_what_was_done_for_and_by_a_person(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    set_for(slack, fake, ADA, "UCAROL", "from 7 December to 11 December")

    assert main(["data", "export", "--team", "T0001", "--user", "UBOB"]) == 0
    bobs = json.loads(capsys.readouterr().out)["done_for_someone_else_by_them_or_for_them"]
    assert [(e["actor_id"], e["subject_id"]) for e in bobs] == [(ADA, "UBOB")]
    assert bobs[0]["detail"]["after"]["ends_at"] == "2026-12-05T05:00:00+00:00"
    assert main(["data", "export", "--team", "T0001", "--user", ADA]) == 0
    adas = json.loads(capsys.readouterr().out)["done_for_someone_else_by_them_or_for_them"]
    assert [e["subject_id"] for e in adas] == ["UBOB", "UCAROL"]

    assert main(["data", "delete", "--team", "T0001", "--user", "UBOB"]) == 0
    assert "audit entries about them 1" in capsys.readouterr().out
    assert [e["subject_id"] for e in audit(engine)] == ["UCAROL"]

    assert main(["data", "delete", "--team", "T0001", "--user", ADA]) == 0
    said = capsys.readouterr().out
    assert "audit entries they made, unnamed 1" in said and "absences they set for others 1" in said
    [kept] = audit(engine)
    assert (kept["actor_id"], kept["subject_id"], kept["action"]) == ("erased", "UCAROL", "create")
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [("UCAROL", None)]
    assert ADA not in json.dumps(kept, default=str)
    home = texts(open_home(slack, fake, "UCAROL")["blocks"])
    assert "• Someone set an absence for you" in home
