"""Changes to responders inside the caller's transaction: save a draft, end, delete, extend.

Each records the revision it makes, its next due time and the steps acting as the owner it
calls for; the use cases (bot/responders/use_cases.py) own the transaction and the lock.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.core.dates import DateRange, localize
from bot.core.lifecycle import Applied, Standing, Timeline, after_edit, plan_edit, wake_at
from bot.core.problems import Code, Problem
from bot.core.responder import Booked, Draft, Field, Invalid, Kind, overlaps
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.organisation.settings import schedule_in
from bot.texts.previews import describe_range
from storage import responder_queries
from storage.db import Changed, note
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import ResponderRow
from storage.responder_rows import new_row, value_of, write_draft


class NotYours(Exception):
    """The responder does not exist in this workspace, or belongs to someone else."""


def owned(session: Session, *, workspace: Workspace, owner_id: str, responder_id: int) -> Responder:
    """Fetch a responder its owner asked about, or raise NotYours."""
    found = responder_queries.owned_responder(
        session, workspace=workspace, owner_id=owner_id, responder_id=responder_id
    )
    if found is None:
        raise NotYours
    return found


def _row(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int
) -> ResponderRow:
    """The row of a responder its owner asked to change, or raise NotYours."""
    responder = responder_queries.owned_row(
        session, workspace=workspace, owner_id=owner_id, responder_id=responder_id
    )
    if responder is None:
        raise NotYours
    return responder


def booked(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    now: datetime,
    tz: str,
    skip: int | None,
) -> list[Booked]:
    """The owner's other personal responders that new dates must not overlap."""
    windows = [
        r.window(tz)
        for r in responder_queries.personal_responders(
            session, workspace=workspace, owner_id=owner_id, now=now
        )
        if r.id != skip
    ]
    return [Booked(window=w, label=describe_range(w, tz)) for w in windows]


def target_clash(
    session: Session,
    *,
    workspace: Workspace,
    draft: Draft,
    members: frozenset[str],
    tz: str,
    skip: int | None,
    now: datetime,
) -> Problem | None:
    """Another responder that speaks for the draft's group or channel over its dates, if any.

    One whose owner has left the group or channel (is not in `members`) no longer speaks for
    it, and is no clash.
    """
    if draft.kind is not Kind.SHARED or not draft.target_id:
        return None
    return _clash(
        session,
        workspace=workspace,
        target_id=draft.target_id,
        window=draft.window,
        speaks=members.__contains__,
        tz=tz,
        skip=skip,
        now=now,
    )


def _clash(
    session: Session,
    *,
    workspace: Workspace,
    target_id: str,
    window: DateRange,
    speaks: Callable[[str], bool],
    tz: str,
    skip: int | None,
    now: datetime,
) -> Problem | None:
    """The first responder of another owner who `speaks` for the target over `window`."""
    responder_queries.lock_target(session, workspace=workspace, target_id=target_id)
    others = responder_queries.speaking_for(
        session, workspace=workspace, target_ids=[target_id], now=now
    )
    for other in others:
        if other.id != skip and speaks(other.owner_id) and overlaps(window, other.window()):
            label = describe_range(other.window(tz), tz)
            name = other.target_label or ""
            return Problem(Code.TARGET_TAKEN, name=name, label=label, owner=other.owner_id)
    return None


def save(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    draft: Draft,
    tz: str,
    label: str | None,
    responder_id: int | None,
    now: datetime,
    link: tuple[int, str, str] | None = None,
    set_by: str | None = None,
) -> Responder:
    """Create a responder, or update one the owner already has (one read from their calendar,
    or a closure's, is theirs from then on). `link`: the calendar, event UID and occurrence it
    is read from; `set_by`: who saved it for its owner (None: the owner did)."""
    if responder_id is None:
        row = new_row(
            workspace=workspace, owner_id=owner_id, draft=draft, tz=tz, label=label, now=now
        )
        row.set_by = set_by
        if link is not None:
            row.calendar_id, row.event_uid, row.occurrence = link
        schedule = schedule_in(session, workspace, owner_id)
        fresh = Timeline(draft.window.start, draft.window.end, tz, Applied.NONE, schedule=schedule)
        row.due_at = wake_at(fresh, now)
        return value_of(responder_queries.add_responder(session, responder=row))
    row = _row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    before = _standing(row)
    write_draft(row, draft, tz=tz, label=label, now=now)
    row.set_by = set_by
    row.taken_over = _read_or_closed(row)
    if row.ends_at is not None and row.ends_at <= now:
        # An end moved into the past ends it now: it was on until this edit.
        row.starts_at, row.ends_at = min(row.starts_at, now), now
    return _changed(session, row, before=before, now=now)


def _read_or_closed(row: ResponderRow) -> bool:
    """Whether an edit makes a responder its owner's: one read from their calendar, or given
    by a closure, is theirs from then on (neither touches it again)."""
    return row.calendar_id is not None or row.closure_id is not None


def _standing(row: ResponderRow) -> Standing:
    """What the lifecycle needs of a responder to tell what an edit of it changed."""
    responder = value_of(row)
    return Standing(responder.timeline(), responder.wishes())


def _changed(session: Session, row: ResponderRow, *, before: Standing, now: datetime) -> Responder:
    """Store an edit: a new revision, its next due time, and the owner's steps it calls for."""
    row.revision += 1
    row.applied = after_edit(Applied(row.applied))
    responder = value_of(row)
    schedule = schedule_in(session, responder.workspace, row.owner_id)
    row.due_at = wake_at(responder.timeline(schedule), now)
    row.updated_at = now
    note(session, Changed.RESPONDERS)  # the scheduler looks at its new due time after commit
    session.add(row)
    session.flush()
    responder = value_of(row)
    _record_edit_steps(session, responder, before=before, now=now)
    return responder


def _record_edit_steps(
    session: Session, responder: Responder, *, before: Standing, now: datetime
) -> None:
    """Queue what the edit asks of ooo as the owner now; keyed by revision, so once per edit."""
    after = Standing(responder.timeline(), responder.wishes())
    effects = [
        NewEffect(
            key=f"responder:{responder.id}:edit:{step.effect}:{responder.revision}",
            kind=step.kind,
            payload={},
            workspace=responder.workspace,
            owner_id=responder.owner_id,
            responder_id=responder.id,
        )
        for step in plan_edit(before, after, now)
    ]
    enqueue_effects(session, effects=effects, now=now)


def end_now(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """End a responder at this moment; one that had not started yet ends without having run."""
    row = _row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    if row.ends_at is not None and row.ends_at <= now:
        return value_of(row)
    before = _standing(row)
    _end_at(row, now)
    return _changed(session, row, before=before, now=now)


def _end_at(row: ResponderRow, now: datetime) -> None:
    """Move the end to now, unless it is past; one not started yet ends without having run."""
    if row.ends_at is None or row.ends_at > now:
        row.starts_at = min(row.starts_at, now)
        row.ends_at = now


def delete(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Delete a responder its owner asked to delete, and return what it was.

    The row stays, marked deleted, so the scheduler still knows it was on and runs its off
    transition; one that is on ends now, as End now would, so whoever asked is told and the
    digest comes.
    """
    row = _row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    before = _standing(row)
    if row.starts_at <= now:
        _end_at(row, now)
    row.deleted_at = now
    return _changed(session, row, before=before, now=now)


def extend_by_a_day(
    session: Session, *, workspace: Workspace, owner_id: str, responder_id: int, now: datetime
) -> Responder:
    """Move the return one day later, same time of day; Invalid if ended or it would overlap."""
    row = _row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    if row.ends_at is None or row.ends_at <= now:
        raise Invalid({Field.END: Problem(Code.ALREADY_ENDED)})
    zone = ZoneInfo(row.tz)
    back = row.ends_at.astimezone(zone)
    window = DateRange(row.starts_at, localize(back.replace(tzinfo=None) + timedelta(days=1), zone))
    if row.kind == Kind.PERSONAL:
        others = booked(
            session, workspace=workspace, owner_id=owner_id, now=now, tz=row.tz, skip=row.id
        )
        clash = next((b for b in others if overlaps(window, b.window)), None)
        if clash is not None:
            raise Invalid({Field.END: Problem(Code.EXTENSION_OVERLAPS, label=clash.label)})
    elif row.target_id:
        # Slack is not asked here: any other responder for the target counts, even one whose
        # owner has left it (a member can end that one first).
        taken = _clash(
            session,
            workspace=workspace,
            target_id=row.target_id,
            window=window,
            speaks=lambda _owner: True,
            tz=row.tz,
            skip=row.id,
            now=now,
        )
        if taken is not None:
            raise Invalid({Field.END: taken})
    before = _standing(row)
    row.ends_at = window.end
    row.taken_over = _read_or_closed(row)
    return _changed(session, row, before=before, now=now)


def reschedule(
    session: Session,
    *,
    workspace: Workspace,
    owner_id: str,
    responder_id: int,
    window: DateRange,
    now: datetime,
) -> Responder:
    """Move a responder to new times as an edit would (its calendar event moved); a start
    already past stays where it is."""
    row = _row(session, workspace=workspace, owner_id=owner_id, responder_id=responder_id)
    before = _standing(row)
    if row.starts_at > now:
        row.starts_at = window.start
    row.ends_at = window.end
    return _changed(session, row, before=before, now=now)
