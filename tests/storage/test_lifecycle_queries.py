"""A transition is a compare-and-set: it applies only from the state and revision it was read in."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.scheduler import tick
from storage import lifecycle_queries
from storage.db import session_scope
from storage.models import Responder
from tests.bot.lifecycle_steps import add_responder

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def read(engine: Engine, responder_id: int) -> Responder:
    with session_scope(engine) as session:
        found = session.get(Responder, responder_id)
    assert found is not None
    return found


def test_a_transition_read_before_another_applied_it_does_not_apply(engine: Engine) -> None:
    alice = add_responder(
        engine, "UALICE", starts_at=START, ends_at=None, saved_at=START - timedelta(days=1)
    )
    stale = read(engine, alice)
    [on] = tick(engine, START)
    with session_scope(engine) as session:
        moved = lifecycle_queries.apply_transition(
            session, responder=stale, applied="on", due_at=None
        )
    assert moved is False
    assert read(engine, alice).applied == on.move == "on"


def test_a_transition_read_before_an_edit_does_not_apply(engine: Engine) -> None:
    alice = add_responder(
        engine, "UALICE", starts_at=START, ends_at=None, saved_at=START - timedelta(days=1)
    )
    stale = read(engine, alice)
    with session_scope(engine) as session:
        edited = session.get(Responder, alice)
        assert edited is not None
        edited.revision += 1
        session.add(edited)
    with session_scope(engine) as session:
        moved = lifecycle_queries.apply_transition(
            session, responder=stale, applied="on", due_at=None
        )
    assert moved is False
    assert read(engine, alice).applied == ""
