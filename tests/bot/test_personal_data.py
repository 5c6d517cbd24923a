"""A person's data: ended when Slack deactivates them, erased after retention, exported."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.__main__ import main
from bot.accounts.personal_data import purge_departed
from bot.scheduler import Scheduler
from storage.account_queries import save_account
from storage.db import session_scope
from storage.models import ConnectedAccount, Mention
from tests.bot.flows import save, stored
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

RETENTION = timedelta(days=30)


def deactivated(user_id: str) -> dict[str, object]:
    """The user_change event Slack sends when an admin deactivates someone."""
    return {"type": "user_change", "user": {"id": user_id, "team_id": "T0001", "deleted": True}}


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, engine: Engine) -> None:
    """`ooo data` pointed at the database under test, with no `.env` nearby."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


def test_it_ends_a_deactivated_persons_responders_and_erases_them_after_retention(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from today to next Friday")
    save(slack, fake, "UBOB", "tomorrow")

    assert slack.event(deactivated("UALICE")).status == 200

    alices = [r for r in stored(engine) if r.owner_id == "UALICE"]
    assert [r.ends_at for r in alices] == [clock()]
    clock.advance(days=29)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    clock.advance(days=1, seconds=1)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 1
    assert [r.owner_id for r in stored(engine)] == ["UBOB"]


def test_it_leaves_people_who_merely_changed_their_profile_alone(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from today to next Friday")
    [before] = stored(engine)
    renamed = {"type": "user_change", "user": {"id": "UALICE", "deleted": False}}

    assert slack.event(renamed).status == 200

    clock.advance(days=31)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    assert [r.ends_at for r in stored(engine)] == [before.ends_at]


def test_it_keeps_a_person_reactivated_after_a_mistaken_deactivation(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from today to next Friday")
    slack.event(deactivated("UALICE"))
    clock.advance(hours=2)
    reactivated = {"type": "user_change", "user": {"id": "UALICE", "deleted": False}}

    assert slack.event(reactivated).status == 200

    clock.advance(days=31)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]


def test_it_keeps_a_person_reactivated_when_the_deactivation_is_retried_afterwards(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Alice is deactivated by mistake and reactivated a minute later; Slack's retry of the
    # deactivation (same event id and event time) lands only after the reactivation.
    save(slack, fake, "UALICE", "from today to next Friday")
    deactivated_at = int(clock().timestamp())
    slack.event(deactivated("UALICE"), event_id="Ev0DEACT", event_time=deactivated_at)
    clock.advance(minutes=1)
    reactivated = {"type": "user_change", "user": {"id": "UALICE", "deleted": False}}
    slack.event(reactivated, event_id="Ev0REACT", event_time=int(clock().timestamp()))

    retry = slack.event(deactivated("UALICE"), event_id="Ev0DEACT", retry_num=1)

    assert retry.status == 200
    clock.advance(days=31)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]


@pytest.mark.usefixtures("environment")
def test_it_exports_a_person_as_json_and_erases_only_them(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    save(slack, fake, "UALICE", "tomorrow", message="Back on Monday")
    save(slack, fake, "UBOB", "tomorrow", forward_to="UALICE")
    capsys.readouterr()

    assert main(["data", "export", "--team", "T0001", "--user", "UALICE"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert main(["data", "delete", "--team", "T0001", "--user", "UALICE"]) == 0
    said = capsys.readouterr().out
    assert main(["data", "export", "--team", "T0001", "--user", "UALICE"]) == 0
    after = json.loads(capsys.readouterr().out)

    assert [r["message"] for r in exported["responders"]] == ["Back on Monday"]
    assert [f["owner_id"] for f in exported["forwarded_to_them_by"]] == ["UBOB"]
    assert "responders 1" in said and "forwards to them 1" in said
    assert (after["responders"], after["forwarded_to_them_by"]) == ([], [])
    [bobs] = stored(engine)
    assert (bobs.owner_id, bobs.forward_to) == ("UBOB", None)


def test_ooo_run_erases_people_whose_retention_is_over_as_it_starts(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, scheduler: Scheduler
) -> None:
    save(slack, fake, "UALICE", "tomorrow")
    slack.event(deactivated("UALICE"))
    clock.advance(days=31)

    scheduler.run()  # its first pass, as `ooo run` starts

    assert stored(engine) == []


@pytest.mark.usefixtures("environment")
def test_it_erases_the_reply_records_of_what_someone_sent(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "tomorrow")
    [alices] = stored(engine)
    with session_scope(engine) as session:
        for sender in ("UBOB", "UCAROL"):
            session.add(
                Mention(
                    team_id="T0001",
                    responder_id=alices.id,
                    sender_id=sender,
                    channel_id="C0GENERAL",
                    message_ts=f"1.{sender}",
                    outcome="replied",
                    window_key="w",
                    at=clock(),
                )
            )

    assert main(["data", "delete", "--team", "T0001", "--user", "UBOB"]) == 0

    with session_scope(engine) as session:
        senders = [m.sender_id for m in session.exec(select(Mention))]
    assert senders == ["UCAROL"]
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]


@pytest.mark.usefixtures("environment")
def test_it_exports_a_connected_account_without_its_token_and_erases_it(
    engine: Engine, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    sealed = "gAAAA-sealed-user-token"
    with session_scope(engine) as session:
        account = ConnectedAccount(
            team_id="T0001",
            user_id="UALICE",
            scopes="dnd:write",
            token=sealed,
            connected_at=clock(),
        )
        save_account(session, account=account)

    assert main(["data", "export", "--team", "T0001", "--user", "UALICE"]) == 0
    out = capsys.readouterr().out
    assert main(["data", "delete", "--team", "T0001", "--user", "UALICE"]) == 0
    said = capsys.readouterr().out

    [shown] = json.loads(out)["connected_account"]
    assert shown["scopes"] == "dnd:write" and sealed not in out
    assert "connected accounts 1" in said
    with session_scope(engine) as session:
        assert list(session.exec(select(ConnectedAccount))) == []
