"""Attacks on a closure at work: the replies people get, and an admin's list of many closures."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from tests.bot.closures.closure_flows import close, closure_rows
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_the_reply_to_someone_mentioning_a_closed_member_pings_no_one(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_channel("C0TALK", "talk", members=["UBOB", "UDIDIER", "UBOT"])
    words = "24 Dec Office closed <!channel> &amp; ask <!subteam^S0ONCALL|@oncall> or <!here>"
    close(slack, fake, "UALICE", f"<#C0SUPPORT> {words}")
    clock.set(datetime(2026, 12, 24, 15, tzinfo=UTC))
    slack.settle()

    slack.message("UDIDIER", "C0TALK", "<@UBOB> tu as une minute ?")
    slack.settle()

    [reply] = fake.ephemerals_to("UDIDIER")
    shown = json.dumps(reply)
    assert "Office closed" in shown
    for broadcast in ("<!channel>", "<!here>", "<!subteam^"):
        assert broadcast not in shown
    assert fake.notified_in("C0TALK") <= {"UBOB"}


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("Office closed {0} {", "Office closed {0} {"),
        ("Office closed {name.__class__} }{", "Office closed {name.__class__} }{"),
        ("Office closed, {name} is away", "Office closed, <@UBOB> is away"),
    ],
)
def test_braces_in_a_closure_message_are_shown_not_run(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    message: str,
    shown: str,
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_channel("C0TALK", "talk", members=["UBOB", "UDIDIER", "UBOT"])
    close(slack, fake, "UALICE", f"<#C0SUPPORT> 24 Dec {message}")
    clock.set(datetime(2026, 12, 24, 15, tzinfo=UTC))
    slack.settle()

    _, reply = slack.message("UDIDIER", "C0TALK", "<@UBOB> ?")
    slack.settle()

    assert reply.status == 200
    [answer] = fake.ephemerals_to("UDIDIER")
    assert shown in json.dumps(answer)


def test_an_admins_list_of_many_closures_stays_within_slacks_50_blocks(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    days = [f"{day} Jan" for day in range(1, 32)] + [f"{day} Feb" for day in range(1, 29)]
    for day in days:
        close(slack, fake, "UALICE", f"<#C0SUPPORT> {day}")
    assert len(closure_rows(engine, "UBOB")) == len(days)

    listed = slack.command("UALICE", "admin closures").json()

    assert len(listed.get("blocks", [])) <= 50
    assert len(json.dumps(listed.get("blocks", []))) < 50_000
    assert "59" in json.dumps(listed) or "more" in json.dumps(listed)
