"""Holding a person's lock from another connection, as a concurrent change would."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from bot.core.workspace import Workspace
from storage import responder_queries
from storage.db import session_scope


@contextmanager
def held_lock(engine: Engine, owner_id: str, workspace: Workspace | None = None) -> Iterator[None]:
    """Hold `lock_owner` for this person in another session until the block ends."""
    with session_scope(engine) as session:
        responder_queries.lock_owner(
            session, workspace=workspace or Workspace("T0001"), owner_id=owner_id
        )
        yield
