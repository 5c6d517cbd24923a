"""The scheduler's passes: every due transition in batches, and when to look again after one."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.scheduler import RETRY, tick, wake_after_pass
from storage import lifecycle_queries
from storage.db import session_scope
from tests.bot.responders.lifecycle_steps import add_responder

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
BEGAN = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ENDED = BEGAN + timedelta(milliseconds=80)


def test_it_applies_every_due_transition_a_batch_at_a_time(engine: Engine) -> None:
    people = ["UALICE", "UBOB", "UCAROL", "UDIDIER", "UERIN"]
    saved_at = START - timedelta(days=1)
    for person in people:
        add_responder(engine, person, starts_at=START, ends_at=None, saved_at=saved_at)
    applied = tick(engine, START, batch=2)
    assert sorted(a.owner_id for a in applied) == sorted(people)
    assert tick(engine, START, batch=2) == []
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
