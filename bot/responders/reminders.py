"""Reminders follow their owners' working weeks: a changed week or region moves them."""

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from bot.core.lifecycle import wake_at
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_in
from storage import lifecycle_queries as queries
from storage.db import Changed, note


def reschedule_reminders(
    session: Session, workspace: Workspace, *, owner_ids: Iterable[str] | None, now: datetime
) -> int:
    """Move the pending reminders of these owners (None: everyone's) to their last working day.

    Each move is a compare-and-set on what was read, like the scheduler's: one that a pass or
    an edit got to first keeps theirs. How many moved.
    """
    responders = queries.pending_reminders(
        session, workspace=workspace, owner_ids=owner_ids, now=now
    )
    schedules = schedules_in(session, workspace, {r.owner_id for r in responders})
    changes = [
        queries.Change(
            r.id, r.applied, r.revision, r.applied, wake_at(r.timeline(schedules[r.owner_id]), now)
        )
        for r in responders
    ]
    moved = queries.apply_changes(session, changes=changes)
    if moved:
        note(session, Changed.RESPONDERS)  # the scheduler looks at the new due times
    return len(moved)
