"""What a calendar's absences change in its person's responders, and when a feed is read next.

Pure: the plan compares the occurrences read with the responders read before; the times spread
feeds over the refresh period by their id (stable, not random per run) and back off failures.
"""

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.core.calendar_absences import Absence
from bot.core.dates import DateRange
from bot.core.responder import overlaps

# A feed failing this long is worth a word to its person (once, until it reads again).
TELL_AFTER = timedelta(hours=24)
LONGEST_BACKOFF = timedelta(hours=6)
# How long a read may hold its claim before another replica may read the feed again.
CLAIM = timedelta(minutes=10)


@dataclass(frozen=True)
class Linked:
    """A responder made from the calendar before, as far as the plan cares."""

    responder_id: int
    uid: str
    occurrence: str
    starts_at: datetime
    ends_at: datetime | None
    # Taken over, deleted or ended by its person: theirs now, never touched again.
    hands_off: bool
    # Deleted: it is no one's absence any more, and overlaps nothing.
    deleted: bool = False


@dataclass(frozen=True)
class Plan:
    """The changes a read calls for; whatever is not named stays untouched."""

    create: list[Absence] = field(default_factory=list)
    move: list[tuple[Linked, Absence]] = field(default_factory=list)
    remove: list[Linked] = field(default_factory=list)
    # Occurrences left out because another responder of the person covers part of them.
    overlapping: list[Absence] = field(default_factory=list)


def plan_sync(
    linked: Sequence[Linked],
    absences: Sequence[Absence],
    *,
    others: Sequence[DateRange],
    now: datetime,
) -> Plan:
    """Compare what the feed says now with the responders it made before.

    `others` are the person's responders not made from this feed (and not ended): a new or
    moved occurrence overlapping one is left out, as the form would refuse it.
    """
    known = {(one.uid, one.occurrence): one for one in linked}
    wanted = {(a.uid, a.occurrence): a for a in absences if a.ends_at > now}
    plan = Plan()
    taken = [*others, *(_window(one) for one in linked if _live(one, wanted, now))]
    for key, absence in sorted(wanted.items(), key=lambda item: item[1].starts_at):
        before = known.get(key)
        if before is not None and (before.hands_off or not _moved(before, absence, now)):
            continue
        window = DateRange(absence.starts_at, absence.ends_at)
        mine = [] if before is None else [_window(before)]
        if any(overlaps(window, w) for w in taken if w not in mine):
            plan.overlapping.append(absence)
            continue
        taken.append(window)
        if before is None:
            plan.create.append(absence)
        else:
            plan.move.append((before, absence))
    plan.remove.extend(one for key, one in known.items() if key not in wanted and not one.hands_off)
    return plan


def _window(one: Linked) -> DateRange:
    return DateRange(one.starts_at, one.ends_at)


def _live(one: Linked, wanted: dict[tuple[str, str], Absence], now: datetime) -> bool:
    """A responder that stays where it is: the person's own, or one the feed still has."""
    ended = one.ends_at is not None and one.ends_at <= now
    return not ended and not one.deleted and (one.hands_off or (one.uid, one.occurrence) in wanted)


def _moved(before: Linked, absence: Absence, now: datetime) -> bool:
    """Whether an occurrence's times changed; a start already past is no longer compared."""
    if before.ends_at != absence.ends_at:
        return True
    return before.starts_at > now and before.starts_at != absence.starts_at


def next_read(feed_id: int, *, now: datetime, every: timedelta) -> datetime:
    """The feed's next slot after `now`: every `every`, offset within it by a hash of its id,
    so feeds connected together are still read apart."""
    period = int(every.total_seconds())
    offset = zlib.crc32(f"calendar:{feed_id}".encode()) % period
    since = int((now - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) - offset
    return now + timedelta(seconds=period - since % period)


def retry_after(failures: int, *, now: datetime, every: timedelta) -> datetime:
    """When to try a failing feed again: the period, doubled at each failure, at most 6 hours."""
    doubled = every * (1 << min(max(failures - 1, 0), 16))
    return now + min(doubled, max(LONGEST_BACKOFF, every))


def time_to_tell(
    *, failing_since: datetime | None, told_at: datetime | None, now: datetime
) -> bool:
    """Whether a feed has failed long enough to tell its person, who was not told yet."""
    return failing_since is not None and told_at is None and now - failing_since >= TELL_AFTER


@dataclass(frozen=True)
class FeedStatus:
    """Where a person's feed stands, as the Home tab and `/ooo calendar` show it."""

    hint: str
    marked_only: bool
    message: str | None
    read_at: datetime | None
    found: int
    overlapping: int
    failing_since: datetime | None
    # Why it fails, already in the reader's words; None while it reads.
    problem: str | None = None
