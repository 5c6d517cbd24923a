"""After commit, one hook hears what a transaction changed: never after a rollback."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from storage.db import Changed, on_commit, session_scope
from storage.effects_queries import enqueue_effect
from storage.models import ResponderRow
from storage.responder_queries import add_responder

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.fixture
def heard(engine: Engine) -> Iterator[list[frozenset[Changed]]]:
    """What the engine's hook was told, commit after commit."""
    told: list[frozenset[Changed]] = []
    on_commit(engine, told.append)
    yield told
    on_commit(engine, lambda _changed: None)


def enqueue(session: Session, key: str) -> None:
    enqueue_effect(
        session,
        key=key,
        kind=EffectKind.MESSAGE_POST,
        payload={"channel": "UALICE", "text": "hello"},
        workspace=Workspace("T0001"),
        now=NOW,
    )


def record(engine: Engine, key: str) -> None:
    with session_scope(engine) as session:
        enqueue(session, key)


def alices_responder() -> ResponderRow:
    return ResponderRow(
        team_id="T0001",
        owner_id="UALICE",
        kind="personal",
        starts_at=NOW,
        tz="Europe/Paris",
        message="Away",
        created_at=NOW,
        updated_at=NOW,
    )


def test_it_tells_the_hook_what_a_committed_transaction_changed(
    engine: Engine, heard: list[frozenset[Changed]]
) -> None:
    record(engine, "k")
    with session_scope(engine) as session:
        add_responder(session, responder=alices_responder())
        enqueue(session, "k2")
    assert heard == [{Changed.EFFECTS}, {Changed.EFFECTS, Changed.RESPONDERS}]


def test_it_tells_nothing_after_a_rollback(engine: Engine, heard: list[frozenset[Changed]]) -> None:
    def fail_to_save() -> None:
        with session_scope(engine) as session:
            add_responder(session, responder=alices_responder())
            raise RuntimeError("the save failed")

    with pytest.raises(RuntimeError):
        fail_to_save()
    assert heard == []


def test_it_forgets_a_rolled_back_change_in_the_next_transaction_of_the_session(
    engine: Engine, heard: list[frozenset[Changed]]
) -> None:
    with Session(engine) as session:
        add_responder(session, responder=alices_responder())
        session.rollback()
        enqueue(session, "after")
        session.commit()
    assert heard == [{Changed.EFFECTS}]


def test_it_tells_nothing_when_nothing_was_noted(
    engine: Engine, heard: list[frozenset[Changed]]
) -> None:
    with session_scope(engine) as session:
        session.get(ResponderRow, 1)
    assert heard == []


def test_it_calls_the_hook_once_the_transaction_let_go_of_its_locks(engine: Engine) -> None:
    # The hook writes in a transaction of its own: it would wait for the locks otherwise.
    written: list[bool] = []

    def write_once(_changed: frozenset[Changed]) -> None:
        if not written:
            written.append(True)
            record(engine, "from the hook")

    on_commit(engine, write_once)
    try:
        record(engine, "first")
    finally:
        on_commit(engine, lambda _changed: None)
    assert written == [True]
