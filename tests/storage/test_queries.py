"""Queries on SQLite and PostgreSQL: workspace scoping, ownership, and what lists show."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine
from sqlmodel import SQLModel

from bot.core.workspace import Workspace
from storage import responder_queries
from storage.db import LOCK_TIMEOUT, Busy, begin_writing, session_scope
from storage.models import ResponderRow
from tests.support.locks import held_lock

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ACME = Workspace("T0001")
GLOBEX = Workspace("T0002", enterprise_id="E0001")


def responder(
    owner: str = "UALICE", workspace: Workspace = ACME, **changes: object
) -> ResponderRow:
    values: dict[str, object] = {
        "team_id": workspace.team_id,
        "enterprise_id": workspace.enterprise_id,
        "owner_id": owner,
        "kind": "personal",
        "starts_at": NOW + timedelta(days=3),
        "ends_at": NOW + timedelta(days=10),
        "tz": "Europe/Paris",
        "message": "Away",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return ResponderRow(**(values | changes))


def add(engine: Engine, *rows: ResponderRow) -> list[int]:
    with session_scope(engine) as session:
        return [responder_queries.add_responder(session, responder=row).id or 0 for row in rows]


def test_it_migrates_to_exactly_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []


def test_it_round_trips_aware_utc_times(engine: Engine) -> None:
    paris_noon = datetime.fromisoformat("2026-12-01T12:00:00+01:00")
    [row_id] = add(engine, responder(starts_at=paris_noon, ends_at=None))
    with session_scope(engine) as session:
        row = responder_queries.owned_responder(
            session, workspace=ACME, owner_id="UALICE", responder_id=row_id
        )
    assert row is not None
    assert row.starts_at == paris_noon and row.starts_at.tzinfo is not None
    assert row.ends_at is None


def test_it_finds_a_responder_only_for_its_owner_in_its_workspace(engine: Engine) -> None:
    [row_id] = add(engine, responder())
    with session_scope(engine) as session:
        found = [
            responder_queries.owned_responder(
                session, workspace=ws, owner_id=owner, responder_id=row_id
            )
            for ws, owner in [(ACME, "UALICE"), (ACME, "UBOB"), (GLOBEX, "UALICE")]
        ]
    assert [row is not None for row in found] == [True, False, False]


def test_it_keeps_workspaces_apart_even_with_the_same_user_id(engine: Engine) -> None:
    add(engine, responder(), responder(workspace=GLOBEX, message="Globex"))
    with session_scope(engine) as session:
        acme = responder_queries.responders_of(session, workspace=ACME, owner_id="UALICE", now=NOW)
        globex = responder_queries.responders_of(
            session, workspace=GLOBEX, owner_id="UALICE", now=NOW
        )
    assert [r.message for r in acme] == ["Away"]
    assert [r.message for r in globex] == ["Globex"]


def test_it_lists_scheduled_active_and_recently_ended_by_start(engine: Engine) -> None:
    add(
        engine,
        responder(message="later"),
        responder(message="on", starts_at=NOW - timedelta(days=1)),
        responder(
            message="ended last week",
            starts_at=NOW - timedelta(days=9),
            ends_at=NOW - timedelta(days=7),
        ),
        responder(
            message="ended long ago",
            starts_at=NOW - timedelta(days=90),
            ends_at=NOW - timedelta(days=60),
        ),
    )
    with session_scope(engine) as session:
        rows = responder_queries.responders_of(session, workspace=ACME, owner_id="UALICE", now=NOW)
    assert [r.message for r in rows] == ["ended last week", "on", "later"]


@pytest.mark.parametrize(
    ("starts", "ends", "active"),
    [
        (-1, 1, True),
        (-1, None, True),
        (1, 2, False),
        (-2, -1, False),
    ],
)
def test_it_finds_every_responder_on_now(
    engine: Engine, starts: int, ends: int | None, active: bool
) -> None:
    add(
        engine,
        responder(
            starts_at=NOW + timedelta(days=starts),
            ends_at=NOW + timedelta(days=ends) if ends is not None else None,
        ),
        responder(kind="shared", target_id="S0ONCALL", starts_at=NOW - timedelta(days=5)),
    )
    with session_scope(engine) as session:
        found = responder_queries.responders_on(session, workspace=ACME, owner_id="UALICE", now=NOW)
    assert sorted(r.kind for r in found) == (["personal", "shared"] if active else ["shared"])


def test_it_no_longer_finds_a_deleted_responder(engine: Engine) -> None:
    [row_id] = add(engine, responder())
    with session_scope(engine) as session:
        begin_writing(session, "test")
        row = responder_queries.owned_row(
            session, workspace=ACME, owner_id="UALICE", responder_id=row_id
        )
        assert row is not None
        row.deleted_at = NOW
        session.add(row)
    with session_scope(engine) as session:
        assert (
            responder_queries.responders_of(session, workspace=ACME, owner_id="UALICE", now=NOW)
            == []
        )
        assert (
            responder_queries.personal_responders(
                session, workspace=ACME, owner_id="UALICE", now=NOW
            )
            == []
        )
        found = responder_queries.owned_responder(
            session, workspace=ACME, owner_id="UALICE", responder_id=row_id
        )
        assert found is None


def test_it_makes_a_second_writer_for_the_same_person_wait(engine: Engine) -> None:
    order: list[str] = []
    first_holds_lock = threading.Event()

    def writer(name: str, hold: float) -> None:
        with session_scope(engine) as session:
            responder_queries.lock_owner(session, workspace=ACME, owner_id="UALICE")
            order.append(f"{name} locked")
            first_holds_lock.set()
            time.sleep(hold)
            responder_queries.add_responder(session, responder=responder(message=name))
            order.append(f"{name} done")

    first = threading.Thread(target=writer, args=("first", 0.3))
    first.start()
    first_holds_lock.wait(timeout=5)
    writer("second", 0)
    first.join()
    assert order == ["first locked", "first done", "second locked", "second done"]


def test_it_gives_up_on_a_held_lock_after_the_timeout(
    engine: Engine,
) -> None:
    with held_lock(engine, "UALICE"):
        started = time.monotonic()
        with session_scope(engine) as session, pytest.raises(Busy):
            responder_queries.lock_owner(session, workspace=ACME, owner_id="UALICE")
        waited = time.monotonic() - started
    assert LOCK_TIMEOUT * 0.9 <= waited < LOCK_TIMEOUT + 0.5
    with session_scope(engine) as session:
        responder_queries.lock_owner(session, workspace=ACME, owner_id="UALICE")  # free again


def test_it_takes_the_same_lock_before_and_after_the_workspace_joins_an_org(
    engine: Engine,
) -> None:
    joined = Workspace(ACME.team_id, enterprise_id="E0JOINED")
    with (
        held_lock(engine, "UALICE", workspace=ACME),
        session_scope(engine) as session,
        pytest.raises(Busy),
    ):
        responder_queries.lock_owner(session, workspace=joined, owner_id="UALICE")
