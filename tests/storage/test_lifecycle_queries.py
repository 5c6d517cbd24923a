"""A transition is a compare-and-set: it applies only from the state and revision it was read in."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.responders.transitions import apply_due
from storage import lifecycle_queries
from storage.db import begin_writing, session_scope
from storage.lifecycle_queries import Change
from storage.models import ResponderRow
from tests.bot.responders.lifecycle_steps import add_responder

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
END = START + timedelta(days=3)


def read(engine: Engine, responder_id: int) -> ResponderRow:
    with session_scope(engine) as session:
        found = session.get(ResponderRow, responder_id)
    assert found is not None
    return found


def turn_on(responder: ResponderRow, due_at: datetime | None = None) -> Change:
    """The change a pass that read `responder` would make to switch it on."""
    assert responder.id is not None
    return Change(responder.id, responder.applied, responder.revision, "on", due_at)


def apply(engine: Engine, *changes: Change) -> set[int]:
    with session_scope(engine) as session:
        return lifecycle_queries.apply_changes(session, changes=changes)


def add(engine: Engine, owner_id: str) -> int:
    saved_at = START - timedelta(days=1)
    return add_responder(engine, owner_id, starts_at=START, ends_at=END, saved_at=saved_at)


def test_a_transition_read_before_another_applied_it_does_not_apply(engine: Engine) -> None:
    alice = add(engine, "UALICE")
    stale = read(engine, alice)
    [on] = apply_due(engine, START)
    assert apply(engine, turn_on(stale)) == set()
    assert read(engine, alice).applied == on.move == "on"


def test_a_transition_read_before_an_edit_does_not_apply(engine: Engine) -> None:
    alice = add(engine, "UALICE")
    stale = read(engine, alice)
    with session_scope(engine) as session:
        begin_writing(session, "test")
        edited = session.get(ResponderRow, alice)
        assert edited is not None
        edited.revision += 1
        session.add(edited)
    assert apply(engine, turn_on(stale)) == set()
    assert read(engine, alice).applied == ""


def test_one_batch_applies_the_fresh_changes_and_only_those(engine: Engine) -> None:
    alice, bob, carol = (add(engine, person) for person in ("UALICE", "UBOB", "UCAROL"))
    read_by_the_pass = [read(engine, i) for i in (alice, bob, carol)]
    with session_scope(engine) as session:
        begin_writing(session, "test")
        edited = session.get(ResponderRow, bob)  # Bob edits his while the pass works
        assert edited is not None
        edited.revision += 1
        session.add(edited)
    remind_at = END - timedelta(hours=20)
    won = apply(engine, *(turn_on(r, remind_at) for r in read_by_the_pass))
    assert won == {alice, carol}
    rows = [read(engine, i) for i in (alice, bob, carol)]
    assert [(r.applied, r.due_at) for r in rows] == [
        ("on", remind_at),
        ("", START),
        ("on", remind_at),
    ]


def test_an_empty_batch_changes_nothing(engine: Engine) -> None:
    assert apply(engine) == set()
