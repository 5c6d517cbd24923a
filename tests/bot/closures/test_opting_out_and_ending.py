"""Members opting out of a closure, and a closure ended early for those who did not edit theirs."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import END, OPT_OUT
from bot.closures.applying import apply_to
from bot.closures.ending import end_closure
from bot.core.closures import Member
from bot.core.workspace import Workspace
from bot.responders.use_cases import one_more_day
from storage.db import session_scope
from storage.models import ClosureRow
from tests.bot.closures.closure_flows import CHRISTMAS, close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

WORKSPACE = Workspace("T0001")


@pytest.fixture(autouse=True)
def closed_for_support(slack: SettlingDriver, fake: FakeSlack) -> None:
    """Alice, an admin, closed the office for #support (Alice and Bob) over Christmas."""
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")


def closure(engine: Engine) -> ClosureRow:
    with session_scope(engine) as session:
        found = session.get(ClosureRow, 1)
        assert found is not None
        return found


def test_it_takes_a_member_out_when_they_click_opt_out(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    told = fake.last_dm("UBOB")
    assert told is not None

    reply = slack.click("UBOB", action_id=OPT_OUT, message=told)

    assert "You opted out" in fake.responses(reply.response_url or "")[-1]["text"]
    assert closure_rows(engine, "UBOB") == []
    assert states(engine)["UBOB"] == "opted_out"
    assert len(closure_rows(engine, "UALICE")) == 1
    again = apply_to(
        engine, closure(engine), [Member("UBOB", "America/New_York")], tz="UTC", now=clock()
    )
    assert again.applied == 0
    assert closure_rows(engine, "UBOB") == []


def test_it_ends_a_closure_absence_that_is_on_when_a_member_opts_out_by_command(
    slack: SettlingDriver, engine: Engine, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 26, 9, tzinfo=UTC))

    reply = slack.command("UBOB", "closure optout")

    assert "You opted out" in reply.json()["text"]
    [bob] = closure_rows(engine, "UBOB")
    assert bob.ends_at == clock()
    assert states(engine)["UBOB"] == "opted_out"
    assert "not in any closure" in slack.command("UBOB", "closure optout").json()["text"]


def test_it_ends_a_closure_for_everyone_but_those_who_edited_theirs(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    [alices] = closure_rows(engine, "UALICE")
    assert alices.id is not None
    one_more_day(
        engine, workspace=WORKSPACE, owner_id="UALICE", responder_id=alices.id, now=clock()
    )

    reply = slack.command("UALICE", "admin close end 1")

    assert reply.json()["text"] == "Ending closure 1…"
    assert "Closure 1 ended" in fake.responses(reply.response_url or "")[-1]["text"]
    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE"]
    assert closure(engine).ended_at == clock()
    listed = slack.command("UALICE", "admin closures").json()
    assert "2 applied, 0 opted out, 0 skipped" in str(listed["blocks"])
    assert "Ended early" in str(listed["blocks"])
    assert END not in str(listed["blocks"])


def test_it_ends_a_closure_once_under_a_double_click(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    listed = slack.command("UALICE", "admin closures").json()
    message = {"blocks": listed["blocks"], "text": listed["text"]}

    first = slack.click("UALICE", action_id=END, message=message)
    second = slack.click("UALICE", action_id=END, message=message)

    assert "Closure 1 ended" in fake.responses(first.response_url or "")[-1]["text"]
    assert "already ended" in fake.responses(second.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    assert end_closure(engine, workspace=WORKSPACE, closure_id=1, now=clock()) is False


def test_it_refuses_to_end_or_list_closures_for_a_member(
    slack: SettlingDriver, engine: Engine
) -> None:
    for words in ("admin close end 1", "admin closures"):
        assert "Only workspace admins" in slack.command("UBOB", words).json()["text"]
    assert len(closure_rows(engine)) == 2
    assert closure(engine).ended_at is None


def test_it_gives_nothing_more_once_a_closure_is_ended(engine: Engine, clock: FakeClock) -> None:
    assert end_closure(engine, workspace=WORKSPACE, closure_id=1, now=clock())

    late = apply_to(
        engine, closure(engine), [Member("UCAROL", "Europe/London")], tz="UTC", now=clock()
    )

    assert late.applied == 0
    assert closure_rows(engine, "UCAROL") == []


def test_it_switches_a_closure_absence_on_and_off_like_any_other(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 24, 5, 1, tzinfo=UTC))  # midnight in New York
    slack.settle()

    on = fake.last_dm("UBOB")
    assert on is not None and "is on until" in on["text"]
    clock.set(datetime(2027, 1, 2, 5, 1, tzinfo=UTC))
    slack.settle()
    assert "Welcome back" in str(fake.last_dm("UBOB"))


def test_it_ends_a_closure_once_when_two_replicas_end_it_together(
    engine: Engine, clock: FakeClock
) -> None:
    def end() -> bool:
        return end_closure(engine, workspace=WORKSPACE, closure_id=1, now=clock())

    with ThreadPoolExecutor(max_workers=2) as replicas:
        ended = sorted(f.result() for f in [replicas.submit(end), replicas.submit(end)])

    assert ended == [False, True]
    assert closure_rows(engine) == []
