"""The engine, sessions and schema migrations for SQLite (embedded) and PostgreSQL."""

import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, create_engine
from sqlmodel.sql.expression import SelectOfScalar

MIGRATIONS = Path(__file__).parent / "migrations"
# Serialises migrations when several replicas start at once on one PostgreSQL database.
SQLITE_IMMEDIATE = "ooo_sqlite_immediate"
Row = TypeVar("Row")
MIGRATION_LOCK = int.from_bytes(b"ooo-migr", "big")
# The longest a change waits for another one, in seconds: with a Web API call (1 s timeout)
# and the work itself, it fits in Slack's 3-second window.
LOCK_TIMEOUT = 1.0


class Changed(StrEnum):
    """What a transaction changed that a background worker waits for."""

    EFFECTS = "effects"
    RESPONDERS = "responders"


AfterCommit = Callable[[frozenset[Changed]], None]
NOTED = "ooo_changed"
_after_commit: "weakref.WeakKeyDictionary[Engine, AfterCommit]" = weakref.WeakKeyDictionary()


class Busy(Exception):
    """Another change held the lock longer than LOCK_TIMEOUT; nothing was changed."""


def lock_timed_out(error: DBAPIError) -> bool:
    """Whether a database error is a lock wait that ran out (SQLite busy, PostgreSQL 55P03)."""
    cause = error.orig
    return (
        getattr(cause, "sqlite_errorname", None) == "SQLITE_BUSY"
        or getattr(cause, "sqlstate", None) == "55P03"
    )


def normalize_url(url: str) -> str:
    """Use psycopg 3 for plain postgres URLs, the driver ooo installs."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and foreign keys."""
    url = normalize_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    connect_args = {"check_same_thread": False, "timeout": LOCK_TIMEOUT}
    engine = create_engine(url, connect_args=connect_args)
    event.listen(engine, "connect", _tune_sqlite)
    _queue_writers(engine)
    return engine


def _queue_writers(engine: Engine) -> None:
    """Begin transactions ourselves, and let this process's writers take turns in order."""
    writer = threading.Lock()

    def begin(connection: Connection) -> None:
        """Begin every transaction at its first statement; IMMEDIATE also takes the write lock.

        This process's writers queue on a Python lock first: SQLite's own busy handler sleeps
        up to 100 ms between tries, which under load left writers waiting for seconds.
        """
        if not connection.get_execution_options().get(SQLITE_IMMEDIATE, False):
            connection.exec_driver_sql("BEGIN")
            return
        if not writer.acquire(timeout=LOCK_TIMEOUT):
            busy = sqlite3.OperationalError("database is locked")
            busy.sqlite_errorname = "SQLITE_BUSY"  # what lock_timed_out reads, as from SQLite
            raise OperationalError("BEGIN IMMEDIATE", None, busy)
        connection.info[SQLITE_IMMEDIATE] = True
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(connection)
            raise

    def _release(connection: Connection) -> None:
        if connection.info.pop(SQLITE_IMMEDIATE, False):
            writer.release()

    event.listen(engine, "begin", begin)
    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Let readers and one writer work side by side, and wait rather than fail on a lock."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # pysqlite would begin only at the first write; storage.db begins itself (see below).
    dbapi_connection.isolation_level = None


def note(session: Session, change: Changed) -> None:
    """Remember what the session's transaction changed, to tell the engine's hook after commit."""
    session.info.setdefault(NOTED, set()).add(change)


def on_commit(engine: Engine, hook: AfterCommit) -> None:
    """Call `hook` after each commit on this engine that noted a change, with what it noted.

    One hook per engine: setting another replaces it (an app built again on the same
    database). It runs once the transaction's locks are released; never after a rollback.
    """
    _after_commit[engine] = hook


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    changed = session.info.pop(NOTED, None)
    hook = _after_commit.get(session.bind) if isinstance(session.bind, Engine) else None
    if changed and hook is not None:
        hook(frozenset(changed))


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        # Rolled back: what it noted never happened.
        session.info.pop(NOTED, None)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Open a session that commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def migrate(engine: Engine, *, script_location: Path = MIGRATIONS) -> None:
    """Bring the schema to the newest revision, one replica at a time."""
    config = Config()
    config.set_main_option("script_location", str(script_location))
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for migrating: locked, and on SQLite with no cascades."""
    with engine.connect() as plain:
        sqlite = plain.dialect.name == "sqlite"
        if sqlite:
            # A batch migration drops and recreates a table: with foreign keys on, dropping a
            # parent cascade-deletes its children. The pragma is ignored inside a transaction.
            _pragma(plain, "foreign_keys=OFF")
        try:
            connection = plain.execution_options(**{SQLITE_IMMEDIATE: True})
            with connection.begin():
                if not sqlite:
                    lock = text("SELECT pg_advisory_xact_lock(:key)")
                    connection.execute(lock, {"key": MIGRATION_LOCK})
                yield connection
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("the migration left rows whose foreign keys point nowhere")
        finally:
            if sqlite:
                _pragma(plain, "foreign_keys=ON")


def _pragma(connection: Connection, pragma: str) -> None:
    """Run a PRAGMA on the raw connection, outside any transaction SQLAlchemy would begin."""
    cursor = connection.connection.cursor()
    cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def ping(engine: Engine) -> bool:
    """Tell whether the database answers a trivial query."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


def begin_writing(session: Session, name: str) -> None:
    """Begin the session's transaction as a writer; `name` is the caller, for the error.

    On SQLite the write lock is taken as the transaction begins, queued behind this process's
    other writers: a transaction that reads first cannot wait for it later, and fails at once.

    So every transaction that may write after reading (an ORM `get` before a change counts)
    begins with this, whoever owns it; one whose first statement writes needs none, and a pure
    reader should not take it. The tests fail any SQLite transaction that breaks this rule.
    """
    if session.in_transaction():
        raise RuntimeError(f"{name} must be the first statement of its session")
    session.connection(execution_options={SQLITE_IMMEDIATE: True})


def take_due(session: Session, query: SelectOfScalar[Row]) -> list[Row]:
    """Read rows to work on as the session's first statement, so no two workers take one.

    On SQLite the session then holds the write lock from its first read; on PostgreSQL rows
    another replica is handling are skipped rather than waited for.
    """
    begin_writing(session, "take_due")
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(session.exec(query).all())


def locked_first(session: Session, query: SelectOfScalar[Row], name: str) -> Row | None:
    """Read one row and hold it until the transaction ends, across replicas too.

    Call it first in a session: SQLite takes the write lock as the transaction begins,
    PostgreSQL locks the row. Waiting longer than the lock timeout raises Busy.
    """
    try:
        begin_writing(session, name)
        return session.exec(query.with_for_update()).first()
    except DBAPIError as error:
        if lock_timed_out(error):
            raise Busy from None
        raise
