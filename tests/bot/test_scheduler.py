"""The scheduler's passes: every sweep when due, transitions in batches, and the next wake-up."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.responders.transitions import apply_due
from bot.scheduler import RETRY, Scheduler, Sweep, tick, wake_after_pass
from storage import lifecycle_queries
from storage.db import session_scope
from tests.bot.responders.lifecycle_steps import add_responder
from tests.support.clock import FakeClock

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
BEGAN = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ENDED = BEGAN + timedelta(milliseconds=80)


def test_it_applies_every_due_transition_a_batch_at_a_time(engine: Engine) -> None:
    people = ["UALICE", "UBOB", "UCAROL", "UDIDIER", "UERIN"]
    saved_at = START - timedelta(days=1)
    for person in people:
        add_responder(engine, person, starts_at=START, ends_at=None, saved_at=saved_at)
    applied = apply_due(engine, START, batch=2)
    assert sorted(a.owner_id for a in applied) == sorted(people)
    assert apply_due(engine, START, batch=2) == []
    with session_scope(engine) as session:
        assert len(lifecycle_queries.transitions(session)) == len(people)
        assert lifecycle_queries.next_wake(session) is None


@pytest.mark.parametrize(
    ("due", "wakes"),
    [
        (BEGAN + timedelta(minutes=5), BEGAN + timedelta(minutes=5)),  # later: right then
        (BEGAN + timedelta(milliseconds=30), BEGAN + timedelta(milliseconds=30)),  # meanwhile
        (BEGAN, ENDED + RETRY),  # due when the pass began, yet left: another replica has it
    ],
    ids=["later", "fell due during the pass", "held elsewhere"],
)
def test_after_a_pass_it_wakes_at_the_next_due_time_at_once_if_it_passed_meanwhile(
    due: datetime, wakes: datetime
) -> None:
    assert wake_after_pass(due, began=BEGAN, now=ENDED) == wakes


def counting(name: str, ran: list[str], *, every: timedelta | None = None) -> Sweep:
    """A sweep that notes each run and says it did one thing."""

    def run(_engine: Engine, now: datetime) -> int:
        ran.append(f"{name} at {now:%H:%M}")
        return 1

    return Sweep(name, run, every=every)


def test_it_runs_a_chore_once_a_period_and_data_driven_sweeps_at_every_pass(
    engine: Engine,
) -> None:
    clock, ran = FakeClock(START), []
    sweeps = [counting("transitions", ran), counting("purge", ran, every=timedelta(hours=1))]
    scheduler = Scheduler(engine, clock, sweeps)
    for minutes in (0, 10, 50, 10):
        clock.advance(minutes=minutes)
        scheduler.run()
    assert ran == [
        "transitions at 08:00",
        "purge at 08:00",
        "transitions at 08:10",
        "transitions at 09:00",
        "purge at 09:00",
        "transitions at 09:10",
    ]


def test_it_says_what_every_sweep_of_a_pass_did(engine: Engine) -> None:
    ran: list[str] = []
    scheduler = Scheduler(engine, FakeClock(START), [counting("a", ran), counting("b", ran)])
    assert scheduler.run() == ["a: 1", "b: 1"]
    assert tick(engine, START, [counting("a", ran)]) == {"a": 1}


def test_a_failing_sweep_holds_up_none_of_the_others_and_is_tried_again(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    clock, ran, tries = FakeClock(START), [], []

    def broken(_engine: Engine, _now: datetime) -> int:
        tries.append(1)
        raise RuntimeError("a digest row nobody can read")

    sweeps = [Sweep("digests", broken), counting("purge", ran, every=timedelta(hours=1))]
    scheduler = Scheduler(engine, clock, sweeps)
    assert scheduler.run() == ["purge: 1"]
    clock.advance(minutes=1)
    scheduler.run()
    assert ran == ["purge at 08:00"] and len(tries) == 2
    assert "scheduler step digests failed" in caplog.text


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_shutting_down_closes_what_each_sweep_keeps(engine: Engine) -> None:
    closed: list[str] = []
    keeping = Sweep("pool", lambda _engine, _now: 0, close=lambda: closed.append("pool"))
    scheduler = Scheduler(engine, FakeClock(START), [counting("plain", []), keeping])
    scheduler.start()
    scheduler.shutdown()
    assert closed == ["pool"]
