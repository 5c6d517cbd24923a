"""The in-memory index of responders: who it finds, and how soon it sees changes."""

from datetime import timedelta

from sqlalchemy import Engine, update

from bot.core.workspace import Workspace
from bot.replies.live_responders import LiveResponders
from storage.models import ResponderRow
from tests.bot.replies.replying import out
from tests.support.clock import FakeClock

ACME = Workspace("T0001")


def test_it_finds_the_responders_on_now_for_people_groups_and_channels(
    engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, "UALICE")
    oncall = out(engine, "UDAN", kind="shared", target_id="S0ONCALL", target_kind="usergroup")
    out(engine, "UCAROL")
    later = out(engine, "UERIN", starts_at=clock() + timedelta(hours=1))
    away = LiveResponders(engine, clock)
    found = away.on_now(ACME, ids={"UALICE", "S0ONCALL", "UERIN", "UDAN"}, now=clock())
    assert [r.id for r in found] == [alice.id, oncall.id]
    soon = away.on_now(ACME, ids={"UERIN"}, now=clock() + timedelta(hours=1))
    assert [r.id for r in soon] == [later.id]


def test_it_sees_a_responder_this_process_saves_at_once(engine: Engine, clock: FakeClock) -> None:
    away = LiveResponders(engine, clock, recheck=3600)
    assert away.on_now(ACME, ids={"UALICE"}, now=clock()) == []
    out(engine, "UALICE")
    assert len(away.on_now(ACME, ids={"UALICE"}, now=clock())) == 1


def test_it_sees_another_replicas_change_at_its_next_check(
    engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, "UALICE")
    away = LiveResponders(engine, clock, recheck=0)
    assert len(away.on_now(ACME, ids={"UALICE"}, now=clock())) == 1
    # Another replica ends it: a statement this process's ORM never sees.
    table = ResponderRow.__table__  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.execute(update(table).where(table.c.id == alice.id).values(ends_at=clock()))
    assert away.on_now(ACME, ids={"UALICE"}, now=clock()) == []
