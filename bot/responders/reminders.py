"""Reminders and statuses follow their owners' working weeks: a changed week or region moves
the reminders still to come and redraws the statuses saying a return day."""

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.core.lifecycle import wake_at
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_in
from storage import lifecycle_queries as queries
from storage.db import Changed, note
from storage.effects_queries import NewEffect, enqueue_effects


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
    _refresh_statuses(session, workspace, owner_ids=owner_ids, now=now)
    return len(moved)


def _refresh_statuses(
    session: Session, workspace: Workspace, *, owner_ids: Iterable[str] | None, now: datetime
) -> None:
    """Queue a refresh of each status ooo shows for these owners: its return day may move.

    Keyed by the moment of the change, so each change refreshes once; the refresh leaves a
    status alone that is no longer ooo's.
    """
    running = queries.running_with_status(
        session, workspace=workspace, owner_ids=owner_ids, now=now
    )
    effects = [
        NewEffect(
            key=f"responder:{r.id}:workdays:status:{now.timestamp():.0f}",
            kind=EffectKind.STATUS_REFRESH,
            payload={},
            workspace=r.workspace,
            owner_id=r.owner_id,
            responder_id=r.id,
        )
        for r in running
    ]
    enqueue_effects(session, effects=effects, now=now)
