"""Who in a team is out when: now, next, day by day over a window, and days short of people."""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from itertools import pairwise
from zoneinfo import ZoneInfo

from bot.core.dates import localize, parse_range, time_zone
from bot.core.leave_types import LeaveType, Privacy, visible_type
from bot.core.problems import Code, Problem, Refused
from bot.core.responder import YEARS_AHEAD, too_far
from bot.core.return_day import return_moment
from bot.core.working_days import DEFAULT_SCHEDULE, Schedule, is_working_day

DEFAULT_DAYS = 14
MAX_DAYS = 62
DEFAULT_COVERAGE = 50
# Types as ooo brings them, shown unless hidden: the privacy of a workspace that chose none.
SHOWN = Privacy()
DAYS_WORD = re.compile(r"^(\d{1,3})\s*(?:d|days?)$", re.IGNORECASE)


class DayState(StrEnum):
    """How much of a calendar day a person is away, or that they would not work then."""

    OUT = "out"
    PARTLY = "partly"
    IN = "in"
    OFF = "off"
    HOLIDAY = "holiday"


AWAY_STATES = (DayState.OUT, DayState.PARTLY)


@dataclass(frozen=True)
class Absence:
    """One responder of one person, as a team view may show it: never its message."""

    person: str
    start: datetime
    end: datetime | None
    tz: str
    backup: str | None = None
    # Its type and its owner's choice to hide it (bot/core/leave_types.py).
    leave_type: str | None = None
    hide_reason: bool | None = None


@dataclass(frozen=True)
class Window:
    """The calendar days a team view covers, `days` of them from `first`, in the viewer's zone."""

    first: date
    days: int
    tz: str

    @property
    def dates(self) -> list[date]:
        """Every day of the window."""
        return [self.first + timedelta(days=n) for n in range(self.days)]

    @property
    def start(self) -> datetime:
        """The window's first moment."""
        return localize(datetime.combine(self.first, time(0)), time_zone(self.tz))

    @property
    def end(self) -> datetime:
        """The moment after the window's last day."""
        last = self.first + timedelta(days=self.days)
        return localize(datetime.combine(last, time(0)), time_zone(self.tz))


@dataclass(frozen=True)
class Away:
    """A person's stretch of absence (overlapping responders merged), with their backup and
    when they are back (the first working day that is not a holiday; None until it ends)."""

    person: str
    start: datetime
    end: datetime | None
    tz: str
    backup: str | None
    # The type others may read; None: only that they are out (hidden, none, or two merged).
    shown: LeaveType | None = None
    back: datetime | None = None


@dataclass(frozen=True)
class Overview:
    """What a team view shows: who is out now and next, each absent person's days, short days."""

    window: Window
    team_size: int
    out_now: list[Away]
    out_next: list[Away]
    timeline: dict[str, list[DayState]]
    # Days short of people: the day, how many are away, how many would otherwise work then.
    short_days: list[tuple[date, int, int]]
    schedules: Mapping[str, Schedule] = field(default_factory=dict)

    def schedule(self, person: str) -> Schedule:
        """When a person works (the default week without holidays if nobody said)."""
        return self.schedules.get(person, DEFAULT_SCHEDULE)

    @property
    def in_count(self) -> int:
        """How many of the team have no absence in the window."""
        return self.team_size - len(self.timeline)


def window_from_text(text: str, *, now: datetime, tz: str, locale: str | None = None) -> Window:
    """Read "", "30d" or a date phrase ("next month") as the days to show.

    DateError when the phrase is not dates, WindowError when there are too many days.
    """
    today = now.astimezone(time_zone(tz)).date()
    words = " ".join(text.split())
    if not words:
        return Window(today, DEFAULT_DAYS, tz)
    counted = DAYS_WORD.match(words)
    if counted:
        return Window(today, _days_allowed(int(counted.group(1))), tz)
    try:
        phrase = parse_range(words, now=now, tz=tz, locale=locale)
    except OverflowError:  # the reader steps past year 9999
        raise WindowError(Problem(Code.TOO_FAR, years=YEARS_AHEAD)) from None
    first = max(phrase.start.astimezone(time_zone(tz)).date(), today)
    if too_far(now, start=first, end=None):
        raise WindowError(Problem(Code.TOO_FAR, years=YEARS_AHEAD))
    last = phrase.last_day or first + timedelta(days=DEFAULT_DAYS - 1)
    return Window(first, _days_allowed((last - first).days + 1), tz)


class WindowError(Refused):
    """A window a team view cannot show; its problem says what can be."""


def _days_allowed(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise WindowError(Problem(Code.TEAM_WINDOW_DAYS, limit=MAX_DAYS))
    return days


def coverage_from_text(text: str) -> int:
    """Read a share such as "40%" or "40" as a whole percentage; Refused if it is not one."""
    digits = text.strip().removesuffix("%").strip()
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= 100:
        raise Refused(Problem(Code.NOT_A_SHARE, text=text.strip()))
    return int(digits)


def overview(
    absences: Iterable[Absence],
    *,
    team: Sequence[str],
    window: Window,
    now: datetime,
    coverage: int = DEFAULT_COVERAGE,
    privacy: Privacy = SHOWN,
    schedules: Mapping[str, Schedule] | None = None,
) -> Overview:
    """Compute the view of a team over a window; people outside `team` are ignored, and types
    are shown as `privacy` allows.

    `schedules` say when each person works: their days off and holidays are marked, return
    days skip them, and coverage counts only those who would otherwise work that day.
    """
    members = set(team)
    known = schedules or {}
    stretches = [
        _with_back(s, known.get(s.person, DEFAULT_SCHEDULE))
        for s in _merge((a for a in absences if a.person in members), privacy)
    ]
    in_window = [s for s in stretches if _overlaps(s, window.start, window.end)]
    by_person: dict[str, list[Away]] = {}
    for stretch in in_window:
        by_person.setdefault(stretch.person, []).append(stretch)
    days: dict[str, list[tuple[datetime, datetime]]] = {}
    timeline: dict[str, list[DayState]] = {}
    for person in sorted(by_person):
        mine = by_person[person]
        bounds = days.get(mine[0].tz) or days.setdefault(mine[0].tz, _days_in(window, mine[0].tz))
        states = [_state_on(begin, finish, mine) for begin, finish in bounds]
        if any(state in AWAY_STATES for state in states):
            schedule = known.get(person, DEFAULT_SCHEDULE)
            timeline[person] = [
                _working(day, state, schedule)
                for day, state in zip(window.dates, states, strict=True)
            ]
    now_out = [s for s in in_window if s.start <= now and (s.end is None or now < s.end)]
    busy_now = {s.person for s in now_out}
    upcoming = [s for s in in_window if s.start > now and s.person not in busy_now]
    return Overview(
        window=window,
        team_size=len(members),
        out_now=sorted(now_out, key=lambda s: (_end_key(s), s.person)),
        out_next=sorted(_first_each(upcoming), key=lambda s: (s.start, s.person)),
        timeline=timeline,
        short_days=short_days(
            timeline,
            window=window,
            team=[known.get(person, DEFAULT_SCHEDULE) for person in sorted(members)],
            coverage=coverage,
        ),
        schedules=known,
    )


def short_days(
    timeline: dict[str, list[DayState]],
    *,
    window: Window,
    team: Sequence[Schedule],
    coverage: int,
) -> list[tuple[date, int, int]]:
    """Days on which more than `coverage` percent of those who would otherwise work are away:
    the day, how many are away, how many would work. Nobody's day off or holiday counts."""
    found: list[tuple[date, int, int]] = []
    for index, day in enumerate(window.dates):
        working = sum(1 for schedule in team if is_working_day(day, schedule))
        away = sum(1 for states in timeline.values() if states[index] in AWAY_STATES)
        if working and away * 100 > coverage * working:
            found.append((day, away, working))
    return found


def _working(day: date, state: DayState, schedule: Schedule) -> DayState:
    """A day's state, or that the person would not work then: a day off or a holiday."""
    if day.weekday() not in schedule.week:
        return DayState.OFF
    if not is_working_day(day, schedule):
        return DayState.HOLIDAY
    return state


def _with_back(stretch: Away, schedule: Schedule) -> Away:
    """A stretch with the moment its person is back, from their working days."""
    if stretch.end is None:
        return stretch
    return replace(stretch, back=return_moment(stretch.end, stretch.tz, schedule))


def _merge(absences: Iterable[Absence], privacy: Privacy) -> list[Away]:
    """Join each person's overlapping or touching absences into stretches."""
    ordered = sorted(absences, key=lambda a: (a.person, a.start))
    merged: list[Away] = []
    for a in ordered:
        last = merged[-1] if merged else None
        shown = visible_type(
            privacy.types, a.leave_type, chosen=a.hide_reason, workspace_hides=privacy.hides
        )
        if last and last.person == a.person and (last.end is None or a.start <= last.end):
            end = None if last.end is None or a.end is None else max(last.end, a.end)
            both = shown if shown == last.shown else None
            merged[-1] = Away(a.person, last.start, end, last.tz, a.backup or last.backup, both)
        else:
            merged.append(Away(a.person, a.start, a.end, a.tz, a.backup, shown))
    return merged


def _overlaps(stretch: Away, start: datetime, end: datetime) -> bool:
    return stretch.start < end and (stretch.end is None or stretch.end > start)


def _days_in(window: Window, tz: str) -> list[tuple[datetime, datetime]]:
    """The window's calendar days as they fall in a person's own zone: [midnight, midnight)."""
    zone = ZoneInfo(tz)
    midnights = [
        localize(datetime.combine(window.first + timedelta(days=n), time(0)), zone)
        for n in range(window.days + 1)
    ]
    return list(pairwise(midnights))


def _state_on(begin: datetime, finish: datetime, stretches: list[Away]) -> DayState:
    """Out if the whole day is covered, partly if only some of it."""
    covered = timedelta(0)
    for s in stretches:
        overlap = min(finish, s.end or finish) - max(begin, s.start)
        covered += max(overlap, timedelta(0))
    if covered >= finish - begin:
        return DayState.OUT
    return DayState.PARTLY if covered > timedelta(0) else DayState.IN


def _first_each(stretches: list[Away]) -> list[Away]:
    """Each person's earliest stretch only."""
    first: dict[str, Away] = {}
    for s in sorted(stretches, key=lambda s: s.start):
        first.setdefault(s.person, s)
    return list(first.values())


def _end_key(stretch: Away) -> datetime:
    return stretch.end or datetime.max.replace(tzinfo=UTC)
