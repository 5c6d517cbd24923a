"""A closure ended early, or a member opting out of one: its responders nobody edited are
taken back (deleted if not started, ended if on), under their owners' locks."""

from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.closures import State
from bot.core.workspace import Workspace
from bot.responders.changes import delete, end_now
from bot.responders.use_cases import owner_transaction
from storage import closure_queries, responder_queries
from storage.db import Changed, begin_writing, note, session_scope
from storage.models import ResponderRow

# Owners per transaction while ending: each responder is one change of the lifecycle's.
CHUNK = 200


def end_closure(
    engine: Engine, *, workspace: Workspace, closure_id: int, now: datetime, chunk: int = CHUNK
) -> bool:
    """End a closure for everyone who did not edit theirs; False when it was ended already
    (a second click, or another replica, got there first) or never applied."""
    with session_scope(engine) as session:
        begin_writing(session, "end_closure")
        if not closure_queries.claim_end(
            session, team_id=workspace.team_id, closure_id=closure_id, now=now
        ):
            return False
    with session_scope(engine) as session:
        owners = closure_queries.owners_of(session, closure_id=closure_id, now=now)
    for i in range(0, len(owners), chunk):
        with session_scope(engine) as session:
            responder_queries.lock_owners(
                session, workspace=workspace, owner_ids=owners[i : i + chunk]
            )
            note(session, Changed.RESPONDERS)
            for row in closure_queries.live_rows(
                session, closure_id=closure_id, now=now, owner_ids=owners[i : i + chunk]
            ):
                take_back(session, workspace, row, now=now)
    return True


def opt_out(
    engine: Engine, *, workspace: Workspace, user_id: str, closure_id: int | None, now: datetime
) -> list[int]:
    """Take a member out of a closure (or of every one not ended they are in): its responders
    of theirs go, and it never gives them one again. The closures left, none if none was."""
    with owner_transaction(engine, workspace=workspace, owner_id=user_id) as session:
        joined = closure_queries.joined_by(
            session, team_id=workspace.team_id, user_id=user_id, closure_id=closure_id
        )
        left = [c.id for c in joined if c.id is not None]
        for closure in left:
            for row in closure_queries.live_rows(
                session, closure_id=closure, now=now, owner_ids=[user_id]
            ):
                take_back(session, workspace, row, now=now)
            closure_queries.record_states(
                session, closure_id=closure, states={user_id: State.OPTED_OUT.value}, now=now
            )
        return left


def take_back(session: Session, workspace: Workspace, row: ResponderRow, *, now: datetime) -> None:
    """Delete a closure's responder not started; end one that is on, so its owner is welcomed
    back as after any absence."""
    assert row.id is not None
    change = end_now if row.starts_at <= now else delete
    change(session, workspace=workspace, owner_id=row.owner_id, responder_id=row.id, now=now)
