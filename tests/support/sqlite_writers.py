"""Catches SQLite transactions that write after reading without having begun as writers.

Such a transaction holds a read snapshot; if another writer commits before it writes, SQLite
cannot let it wait for the write lock and answers "database is locked" at once. Every SQLite
engine in this process is watched; a test fails when one of its transactions had that shape.
"""

import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from sqlalchemy import Connection, Engine, event

from storage.db import SQLITE_IMMEDIATE

# Where this transaction stands: None before its first statement, then "wrote", or where it read.
STATE = "ooo_test_read_or_wrote"
WROTE = "wrote"
ROOT = Path(__file__).resolve().parents[2]
# Frames worth naming: the app's, and the test's that led to it; not this detector's.
OURS = tuple(str(ROOT / part) for part in ("bot", "storage", "tests"))
_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ReadThenWrite:
    """A write in a transaction that had read first and did not begin as a writer."""

    statement: str
    frames: tuple[str, ...]
    read_at: tuple[str, ...]

    def __str__(self) -> str:
        wrote = "\n".join(f"    {frame}" for frame in self.frames)
        read = "\n".join(f"    {frame}" for frame in self.read_at)
        return f"  {self.statement.splitlines()[0][:160]}\n{wrote}\n  after reading at\n{read}"


_found: list[ReadThenWrite] = []
_lock = threading.Lock()


def _writes(statement: str) -> bool | None:
    """Whether a statement writes data, or only reads it; None for BEGIN, PRAGMA and the like."""
    words = statement.lstrip().split(None, 1)
    first = words[0].upper() if words else ""
    if first in ("INSERT", "UPDATE", "DELETE", "REPLACE"):
        return True
    if first == "WITH":
        return bool(_WRITE.search(statement))
    return False if first == "SELECT" else None


def _frames(frame: FrameType | None) -> tuple[tuple[str, int, str], ...]:
    """The project's frames from `frame` outwards, outermost first."""
    frames = []
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(OURS) and code.co_filename != __file__:
            frames.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return tuple(reversed(frames))


def _named(frames: tuple[tuple[str, int, str], ...]) -> tuple[str, ...]:
    """Frames as a person reads them: path in the repository, line, function."""
    return tuple(f"{Path(f).relative_to(ROOT)}:{line} in {name}" for f, line, name in frames)


def _began(connection: Connection) -> None:
    """A transaction begins with nothing read or written (the connection outlives it)."""
    connection.info[STATE] = None


def _executing(connection: Connection, _cursor: Any, statement: str, *_rest: Any) -> None:
    """Remember where the transaction first read, and record a write that comes after it."""
    if connection.dialect.name != "sqlite" or not connection.in_transaction():
        return
    writes, state = _writes(statement), connection.info.get(STATE)
    if writes is None or state == WROTE:
        return
    if state is None:
        # Every transaction's first read passes here: keep the frame, walk it only if caught.
        connection.info[STATE] = WROTE if writes else sys._getframe(1)
    elif writes and not connection.info.get(SQLITE_IMMEDIATE, False):
        connection.info[STATE] = WROTE  # once per transaction is enough to name it
        with _lock:
            wrote, read = _frames(sys._getframe(1)), _frames(state)
            _found.append(ReadThenWrite(statement, _named(wrote), read_at=_named(read)))


def watch() -> None:
    """Watch every engine of this process, present and future (calling it again does nothing)."""
    if not event.contains(Engine, "before_cursor_execute", _executing):
        event.listen(Engine, "begin", _began)
        event.listen(Engine, "before_cursor_execute", _executing)


def found() -> list[ReadThenWrite]:
    """What was caught since the last call, forgetting it."""
    with _lock:
        caught = list(_found)
        _found.clear()
    return caught


def complaint() -> str | None:
    """What to fail a test with, naming each catch since the last call; None if none."""
    if caught := found():
        listed = "\n".join(str(each) for each in caught)
        return f"SQLite transactions read, then wrote, not begun as writers:\n{listed}"
    return None
