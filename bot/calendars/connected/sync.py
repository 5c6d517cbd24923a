"""A calendar's absences written into its person's responders, in one transaction under their
lock, through the same changes as the form's: the lifecycle reacts as to a hand-made one."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from bot.calendars.fetching.fetch import Fetched
from bot.core.calendar_absences import Absence
from bot.core.calendar_sync import Linked, Plan, next_read, plan_sync
from bot.core.dates import DateRange
from bot.core.effect_kinds import EffectKind
from bot.core.responder import Draft, Kind
from bot.core.workspace import Workspace
from bot.responders.changes import delete, end_now, reschedule, save
from bot.responders.use_cases import owner_transaction
from bot.texts import _, speaking
from storage import calendar_queries, responder_queries
from storage.effects_queries import enqueue_effect
from storage.models import CalendarFeed, ResponderRow


@dataclass(frozen=True)
class Synced:
    """What a read found and changed: the absences in the horizon and the responders touched."""

    found: list[Absence] = field(default_factory=list)
    created: int = 0
    moved: int = 0
    removed: int = 0
    overlapping: int = 0


def default_message(locale: str) -> str:
    """The message of calendar absences until the person writes their own, in their language."""
    # Rendered without parameters: {return_date} stays for each reply to fill in.
    with speaking(locale):
        return _("I'm out of office until {return_date}. I'll answer your message when I'm back.")


def apply_absences(
    session: Session,
    feed: CalendarFeed,
    absences: list[Absence],
    *,
    fetched: Fetched,
    every: timedelta,
    now: datetime,
) -> Synced:
    """Bring the feed's responders in line with its absences and record the read, inside the
    caller's transaction holding the owner's lock."""
    assert feed.id is not None
    rows = calendar_queries.rows_from(session, feed_id=feed.id)
    others = _others(session, feed, now=now)
    plan = plan_sync([_linked(r, now) for r in rows], absences, others=others, now=now)
    _carry_out(session, feed, plan, now=now)
    if plan.create or plan.move or plan.remove or feed.failing_since is not None:
        _redraw_home(session, feed, now=now)
    _record_read(session, feed, fetched=fetched, plan=plan, now=now)
    feed.found = len(absences)
    feed.due_at = next_read(feed.id, now=now, every=every)
    calendar_queries.save_feed(session, feed=feed)
    return Synced(
        found=absences,
        created=len(plan.create),
        moved=len(plan.move),
        removed=len(plan.remove),
        overlapping=len(plan.overlapping),
    )


def _others(session: Session, feed: CalendarFeed, *, now: datetime) -> list[DateRange]:
    """When the person's responders not read from this feed's occurrences are on."""
    workspace = Workspace(feed.team_id, feed.enterprise_id)
    mine = responder_queries.personal_responders(
        session, workspace=workspace, owner_id=feed.owner_id, now=now
    )
    return [r.window() for r in mine if r.calendar_id != feed.id or r.occurrence is None]


def _linked(row: ResponderRow, now: datetime) -> Linked:
    """A stored responder as the plan sees it; deleted, ended or edited ones are the person's."""
    assert row.id is not None
    ended = row.ends_at is not None and row.ends_at <= now
    return Linked(
        responder_id=row.id,
        uid=row.event_uid or "",
        occurrence=row.occurrence or "",
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        hands_off=row.taken_over or row.deleted_at is not None or ended,
        deleted=row.deleted_at is not None,
    )


def _carry_out(session: Session, feed: CalendarFeed, plan: Plan, *, now: datetime) -> None:
    """Create, move and remove what the plan says, as the person's own changes would."""
    assert feed.id is not None
    workspace, owner = Workspace(feed.team_id, feed.enterprise_id), feed.owner_id
    message = feed.message or default_message(feed.locale)
    for absence in plan.create:
        save(
            session,
            workspace=workspace,
            owner_id=owner,
            draft=_draft(absence, tz=feed.tz, message=message),
            tz=feed.tz,
            label=None,
            responder_id=None,
            now=now,
            link=(feed.id, absence.uid, absence.occurrence),
        )
    for before, absence in plan.move:
        window = DateRange(absence.starts_at, absence.ends_at)
        reschedule(
            session,
            workspace=workspace,
            owner_id=owner,
            responder_id=before.responder_id,
            window=window,
            now=now,
        )
    for gone in plan.remove:
        _remove(session, workspace, owner, gone, now=now)


def _remove(
    session: Session, workspace: Workspace, owner: str, gone: Linked, *, now: datetime
) -> None:
    """Remove one not started yet; end one on now, so its person is welcomed back. Either way
    its occurrence is freed: if the event comes back, it is a new absence."""
    change = end_now if gone.starts_at <= now else delete
    change(session, workspace=workspace, owner_id=owner, responder_id=gone.responder_id, now=now)
    calendar_queries.unlink(session, responder_id=gone.responder_id)


def _redraw_home(session: Session, feed: CalendarFeed, *, now: datetime) -> None:
    """Record a Home tab redraw: its list or its Calendar section changed with this read."""
    enqueue_effect(
        session,
        key=f"calendar:{feed.id}:home:{now.isoformat()}",
        kind=EffectKind.HOME_REFRESH,
        payload={},
        workspace=Workspace(feed.team_id, feed.enterprise_id),
        now=now,
        owner_id=feed.owner_id,
    )


def _draft(absence: Absence, *, tz: str, message: str) -> Draft:
    """A personal responder over the absence, with a new responder's defaults and no backup."""
    zone = ZoneInfo(tz)
    window = DateRange(absence.starts_at.astimezone(zone), absence.ends_at.astimezone(zone))
    return Draft(
        kind=Kind.PERSONAL,
        target_id=None,
        window=window,
        external_message=None,
        forward_to=None,
        message=message,
    )


def _record_read(
    session: Session, feed: CalendarFeed, *, fetched: Fetched, plan: Plan, now: datetime
) -> None:
    """Remember the read's validators, that the feed reads again, and what it left out."""
    assert feed.id is not None
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    feed.read_at = feed.succeeded_at = now
    feed.overlapping = len(plan.overlapping)
    feed.failing_since, feed.failures, feed.problem, feed.told_at = None, 0, None, None


def sync_feed(
    engine: Engine,
    feed: CalendarFeed,
    absences: list[Absence],
    *,
    fetched: Fetched,
    every: timedelta,
    now: datetime,
) -> Synced | None:
    """Apply a read in its own transaction under the owner's lock; None if the feed was
    disconnected or pointed elsewhere while it was being read (that read is stale)."""
    assert feed.id is not None
    workspace = Workspace(feed.team_id, feed.enterprise_id)
    with owner_transaction(engine, workspace=workspace, owner_id=feed.owner_id) as session:
        current = calendar_queries.feed_by_id(session, feed_id=feed.id)
        if current is None or current.url != feed.url:
            return None
        return apply_absences(session, current, absences, fetched=fetched, every=every, now=now)
