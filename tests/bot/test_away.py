"""The in-memory index of responders: who it finds, and how soon it sees changes."""

from datetime import timedelta

from sqlalchemy import Engine

from bot.replies.away import AwayIndex
from storage.queries import Workspace
from tests.bot.replying import out
from tests.support.clock import FakeClock

ACME = Workspace("T0001")


def test_it_finds_the_responders_on_now_for_people_groups_and_channels(
    engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, "UALICE")
    oncall = out(engine, "UDAN", kind="shared", target_id="S0ONCALL", target_kind="usergroup")
    out(engine, "UCAROL")
    later = out(engine, "UERIN", starts_at=clock() + timedelta(hours=1))
    away = AwayIndex(engine, clock)
    found = away.on_now(ACME, ids={"UALICE", "S0ONCALL", "UERIN", "UDAN"}, now=clock())
    assert [r.id for r in found] == [alice.id, oncall.id]
    soon = away.on_now(ACME, ids={"UERIN"}, now=clock() + timedelta(hours=1))
    assert [r.id for r in soon] == [later.id]


def test_it_sees_a_responder_this_process_saves_at_once(engine: Engine, clock: FakeClock) -> None:
    away = AwayIndex(engine, clock, ttl=3600)
    assert away.on_now(ACME, ids={"UALICE"}, now=clock()) == []
    out(engine, "UALICE")
    assert len(away.on_now(ACME, ids={"UALICE"}, now=clock())) == 1
