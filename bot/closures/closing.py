"""Closing, as its author sees it: a closure proposed (stored, not applied), then applied on
Close or dropped on Cancel; and the list of a workspace's closures."""

from datetime import datetime

from sqlalchemy import Engine

from bot.closures.command import Close
from bot.closures.members import Listing
from bot.core.closures import Listed, Scope, Skip, State
from bot.core.workspace import Workspace
from storage import closure_queries
from storage.db import begin_writing, session_scope
from storage.models import ClosureRow

# A message holds a list of at most 50 blocks: the latest closures, two blocks each.
LISTED = 20


def propose(
    engine: Engine,
    *,
    workspace: Workspace,
    author: str,
    request: Close,
    listing: Listing,
    locale: str,
    now: datetime,
) -> ClosureRow:
    """Store a closure its author has yet to confirm; nothing happens to anyone before Close."""
    row = ClosureRow(
        team_id=workspace.team_id,
        enterprise_id=workspace.enterprise_id,
        created_by=author,
        scope=request.scope.value,
        target_id=listing.target_id,
        target_label=listing.label,
        first_day=request.first,
        last_day=request.last,
        message=request.message,
        locale=locale,
        created_at=now,
    )
    with session_scope(engine) as session:
        return closure_queries.add_closure(session, closure=row)


def closure_of(engine: Engine, *, workspace: Workspace, closure_id: int) -> ClosureRow | None:
    """A workspace's closure as it is now."""
    with session_scope(engine) as session:
        return closure_queries.closure_by_id(
            session, team_id=workspace.team_id, closure_id=closure_id
        )


def cancel(engine: Engine, *, workspace: Workspace, closure_id: int, now: datetime) -> bool:
    """Drop a closure not applied yet; False when it was applied (or dropped) already."""
    with session_scope(engine) as session:
        begin_writing(session, "cancel_closure")
        return closure_queries.cancel(
            session, team_id=workspace.team_id, closure_id=closure_id, now=now
        )


def listed(engine: Engine, *, workspace: Workspace) -> list[Listed]:
    """The workspace's latest applied closures, with what each did for how many members."""
    with session_scope(engine) as session:
        rows = closure_queries.closures_of(session, team_id=workspace.team_id, limit=LISTED)
        ids = [r.id for r in rows if r.id is not None]
        counts = closure_queries.counts_of(session, closure_ids=ids)
    shown: list[Listed] = []
    for row in rows:
        assert row.id is not None
        count = counts[row.id]
        shown.append(
            Listed(
                id=row.id,
                scope=Scope(row.scope),
                label=row.target_label,
                first=row.first_day,
                last=row.last_day,
                ended=row.ended_at is not None,
                applied=count[State.APPLIED],
                opted_out=count[State.OPTED_OUT],
                skipped=sum(count[s] for s in Skip if s is not Skip.OPTED_OUT),
            )
        )
    return shown
