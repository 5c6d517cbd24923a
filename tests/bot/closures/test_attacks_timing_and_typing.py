"""Attacks on when Close is clicked and how commands are typed (phones, IMEs), and races."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import CLOSE, OPT_OUT
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import Reply
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def alice_is_admin(fake: FakeSlack) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")


def test_close_clicked_after_the_closed_days_are_over_closes_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", "<#C0SUPPORT> today")
    clock.set(datetime(2026, 12, 2, 10, tzinfo=UTC))

    reply = slack.click("UALICE", action_id=CLOSE, message=confirmation)
    slack.settle()

    assert "Closing" not in fake.responses(reply.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    assert "closed the office" not in str(fake.messages_to("UBOB"))


@pytest.mark.parametrize(
    "words",
    [
        "Admin close everyone 24 Dec",  # a phone's capital
        "ADMIN CLOSE EVERYONE 24 Dec",
        "admin  close  everyone  24 Dec\n",
        "admin\u00a0close everyone\u00a024\u00a0Dec",
    ],
)
def test_a_command_typed_on_a_phone_is_understood(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    reply = slack.command("UALICE", words)

    said = fake.responses(reply.response_url or "")
    assert said and said[-1]["text"] == "Close for 4 people (everyone), Thu, Dec 24, 2026?"


@pytest.mark.parametrize(
    "words",
    [
        "closure optout",
        "Closure optout",
        "closure optout \uff11",  # a full-width 1 from a Japanese keyboard
        "closure opt-out",
        "closure opt out",
        "closure Opt out 1",
    ],
)
def test_a_member_opts_out_however_they_type_it(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")

    slack.command("UBOB", words)

    assert states(engine)["UBOB"] == "opted_out"
    assert closure_rows(engine, "UBOB") == []


def test_opting_out_while_the_admin_ends_it_on_another_replica_ends_bob_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec to 1 Jan")
    clock.set(datetime(2026, 12, 26, 15, tzinfo=UTC))
    slack.settle()
    told = [m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))][-1]

    def opt_out() -> Reply:
        return slack.click("UBOB", action_id=OPT_OUT, message=told)

    def end() -> Reply:
        return slack.command("UALICE", "admin close end 1")

    with ThreadPoolExecutor(max_workers=2) as replicas:
        replies = [f.result() for f in [replicas.submit(opt_out), replicas.submit(end)]]
    slack.settle()

    assert [r.status for r in replies] == [200, 200]
    assert {r.ends_at for r in closure_rows(engine)} == {clock()}
    welcomes = [m for m in fake.messages_to("UBOB") if "Welcome back" in str(m.get("text"))]
    assert len(welcomes) == 1
