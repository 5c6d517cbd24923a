"""Attacks on opting out and ending: crafted buttons, twice, too late, edits, replicas."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import CLOSE, OPT_OUT
from bot.core.workspace import Workspace
from bot.responders.use_cases import one_more_day
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import Reply
from tests.support.fake_slack import FakeSlack

CHRISTMAS = "24 Dec to 1 Jan Office closed for the holidays"


@pytest.fixture(autouse=True)
def alice_is_admin(fake: FakeSlack) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")


def opt_out_dm(fake: FakeSlack, user: str) -> dict[str, object]:
    told = [m for m in fake.messages_to(user) if OPT_OUT in str(m.get("blocks"))]
    assert told, f"{user} was never told"
    return told[-1]


def said(fake: FakeSlack, reply: Reply) -> str:
    return str(fake.responses(reply.response_url or "")[-1]["text"])


def test_someone_elses_opt_out_button_leaves_its_owner_closed(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")

    slack.click("UCAROL", action_id=OPT_OUT, message=opt_out_dm(fake, "UBOB"))

    assert states(engine)["UBOB"] == "applied"
    assert len(closure_rows(engine, "UBOB")) == 1
    assert "UCAROL" not in states(engine)


@pytest.mark.parametrize(
    "value",
    [
        "99",
        "0",
        "2:UALICE",
        "-1",
        "1 OR 1=1",
        "",
    ],
)
def test_a_crafted_opt_out_for_another_closure_changes_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, value: str
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")

    reply = slack.click("UBOB", action_id=OPT_OUT, message=opt_out_dm(fake, "UBOB"), value=value)

    assert reply.status == 200
    assert states(engine) == {"UALICE": "applied", "UBOB": "applied"}
    assert len(closure_rows(engine)) == 2


def test_opting_out_of_one_closure_leaves_the_next_one_applied(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    slack.click("UBOB", action_id=OPT_OUT, message=opt_out_dm(fake, "UBOB"))

    close(slack, fake, "UALICE", "<#C0SUPPORT> 5 Jan Office closed for the stocktake")

    [bobs] = closure_rows(engine, "UBOB")
    assert bobs.closure_id == 2
    assert bobs.message == "Office closed for the stocktake"


def test_closing_the_same_days_twice_gives_no_one_two_absences(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    close(slack, fake, "UALICE", f"<#C0GENERAL> {CHRISTMAS}")

    assert sorted(r.owner_id for r in closure_rows(engine)) == ["UALICE", "UBOB", "UCAROL"]
    assert len([m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))]) == 1


def test_close_clicked_on_two_replicas_at_once_applies_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")

    def click() -> Reply:
        return slack.click("UALICE", action_id=CLOSE, message=confirmation)

    with ThreadPoolExecutor(max_workers=2) as replicas:
        replies = [f.result() for f in [replicas.submit(click), replicas.submit(click)]]
    slack.settle()

    assert sorted(r.status for r in replies) == [200, 200]
    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB"]
    assert len([m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))]) == 1
    done = [m for m in fake.messages_to("UALICE") if "Closed for" in str(m.get("text"))]
    assert len(done) == 1


def test_an_edit_in_the_form_keeps_the_members_absence_when_the_closure_ends(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    close(slack, fake, "UALICE", f"<#C0GENERAL> {CHRISTMAS}")
    clock.set(datetime(2026, 12, 26, 12, tzinfo=UTC))
    slack.settle()
    slack.click("UBOB", action_id="responder_edit", message=fake.last_dm("UBOB"))
    modal = fake.modal("UBOB")
    assert modal is not None
    slack.submit("UBOB", modal["id"], {"message": "Back on the 4th, ask Carol."})

    ended = slack.command("UALICE", "admin close end 1")
    slack.settle()

    assert "Closure 1 ended" in said(fake, ended)
    [bobs] = closure_rows(engine, "UBOB")
    assert bobs.message == "Back on the 4th, ask Carol."
    assert bobs.ends_at is not None and bobs.ends_at > clock()
    [carols] = closure_rows(engine, "UCAROL")
    assert carols.ends_at == clock()
    assert "Welcome back" in str(fake.last_dm("UCAROL"))
    assert "Welcome back" not in str(fake.last_dm("UBOB"))


def test_opting_out_of_an_ended_closure_spares_the_absence_one_made_their_own(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    [alices] = closure_rows(engine, "UALICE")
    assert alices.id is not None
    one_more_day(
        engine, workspace=Workspace("T0001"), owner_id="UALICE", responder_id=alices.id, now=clock()
    )
    [extended] = closure_rows(engine, "UALICE")
    slack.command("UALICE", "admin close end 1")

    reply = slack.click("UALICE", action_id=OPT_OUT, message=opt_out_dm(fake, "UALICE"))

    assert reply.status == 200
    [kept] = closure_rows(engine, "UALICE")
    assert (kept.id, kept.starts_at, kept.ends_at) == (
        extended.id,
        extended.starts_at,
        extended.ends_at,
    )
    assert extended.ends_at != alices.ends_at


def test_ending_a_closure_that_is_on_ends_each_absence_now_and_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    clock.set(datetime(2026, 12, 24, 12, tzinfo=UTC))
    slack.settle()

    first = slack.command("UALICE", "admin close end 1")
    second = slack.command("UALICE", "admin close end 1")
    slack.settle()

    assert "Closure 1 ended" in said(fake, first)
    assert "already ended" in said(fake, second)
    assert {r.ends_at for r in closure_rows(engine)} == {clock()}
    welcomes = [m for m in fake.messages_to("UBOB") if "Welcome back" in str(m.get("text"))]
    assert len(welcomes) == 1


def test_opting_out_while_closed_ends_the_absence_now_and_welcomes_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    clock.set(datetime(2026, 12, 28, 15, tzinfo=UTC))
    slack.settle()
    told = opt_out_dm(fake, "UBOB")

    first = slack.click("UBOB", action_id=OPT_OUT, message=told)
    second = slack.click("UBOB", action_id=OPT_OUT, message=told)
    slack.settle()

    assert "You opted out" in said(fake, first)
    assert "You opted out" not in said(fake, second)
    [bobs] = closure_rows(engine, "UBOB")
    assert bobs.ends_at == clock()
    assert states(engine)["UBOB"] == "opted_out"
    welcomes = [m for m in fake.messages_to("UBOB") if "Welcome back" in str(m.get("text"))]
    assert len(welcomes) == 1
