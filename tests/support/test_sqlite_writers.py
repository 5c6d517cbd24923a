"""The detector of SQLite transactions that read, then write, without beginning as writers."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from bot.core.workspace import Workspace
from storage import setting_queries
from storage.db import begin_writing, make_engine, session_scope
from storage.models import WorkspaceSetting
from tests.support.sqlite_writers import complaint, found

ACME = Workspace("T0001")
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
only_sqlite = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def _set_admins(engine: Engine, *, as_writer: bool) -> None:
    with session_scope(engine) as session:
        if as_writer:
            begin_writing(session, "test")
        else:
            # A careless caller reads first: the change can no longer begin as a writer.
            setting_queries.workspace_setting(session, ACME.team_id)
        setting_queries.change_workspace_setting(
            session, ACME, by="UALICE", now=NOW, admin_group_id="S0ADMINS"
        )


@only_sqlite
def test_it_names_the_statement_and_the_app_frames_of_a_read_then_write(engine: Engine) -> None:
    found()
    _set_admins(engine, as_writer=False)
    [caught] = found()
    assert caught.statement.startswith("INSERT INTO workspace_setting")
    assert caught.frames[-1].startswith("storage/setting_queries.py:")
    assert caught.frames[-1].endswith(" in change_workspace_setting")
    assert caught.read_at[-1].startswith("storage/setting_queries.py:")
    assert "after reading at" in str(caught)


@only_sqlite
def test_it_words_what_fails_the_test_once(engine: Engine) -> None:
    found()
    _set_admins(engine, as_writer=False)
    wrong = complaint()
    assert wrong is not None
    assert "INSERT INTO workspace_setting" in wrong
    assert " in change_workspace_setting\n" in wrong
    assert complaint() is None


@only_sqlite
def test_it_lets_a_transaction_that_began_as_a_writer_read_then_write(engine: Engine) -> None:
    found()
    _set_admins(engine, as_writer=True)
    assert found() == []


@only_sqlite
def test_it_lets_a_transaction_write_first_and_read_after(engine: Engine) -> None:
    found()
    with session_scope(engine) as session:
        session.add(WorkspaceSetting(team_id="T0001", updated_at=NOW))
        session.flush()
        session.exec(select(WorkspaceSetting)).all()
        session.add(WorkspaceSetting(team_id="T0002", updated_at=NOW))
    assert found() == []


@only_sqlite
def test_it_lets_readers_read(engine: Engine) -> None:
    found()
    with session_scope(engine) as session:
        session.exec(select(WorkspaceSetting)).all()
        session.exec(select(WorkspaceSetting)).all()
    assert complaint() is None


@only_sqlite
def test_it_starts_afresh_with_each_transaction(engine: Engine) -> None:
    found()
    with session_scope(engine) as session:
        session.exec(select(WorkspaceSetting)).all()
    with session_scope(engine) as session:
        session.add(WorkspaceSetting(team_id="T0001", updated_at=NOW))
    assert found() == []


def test_it_watches_every_sqlite_engine_however_made(tmp_path: Path) -> None:
    found()
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with other.begin() as connection:
        connection.execute(text("CREATE TABLE absence (who TEXT)"))
    with other.begin() as connection:
        connection.execute(text("SELECT who FROM absence")).all()
        connection.execute(text("INSERT INTO absence VALUES ('UALICE')"))
    other.dispose()
    [caught] = found()
    assert caught.statement.startswith("INSERT INTO absence")
    assert caught.frames[-1].endswith(" in test_it_watches_every_sqlite_engine_however_made")
