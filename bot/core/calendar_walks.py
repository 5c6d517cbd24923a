"""Expanding recurring events within a bound on the work, so a rule written to spin gives up."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dateutil.rrule import rrule
from icalendar import BrokenCalendarProperty, Component
from recurring_ical_events.selection.name import ComponentsWithName
from recurring_ical_events.series import Series

from bot.core.calendar_events import when

# dateutil walks a rule period by period, and stops only at a match past the window, at its
# UNTIL or COUNT, or at the year 9999: a rule that can never match ("every 30 February") walks
# eight thousand years, a day at a time, before it says so (seconds per event). It rebuilds its
# masks once a month it walks (once a year for a yearly rule) and reads `_byeaster` each time:
# counting those reads bounds the walk without touching its results.
MAX_MONTHS_PER_RULE = 360
# A feed of many such rules is bounded as a whole too (about half a second of walking); a
# series begun last year walks some fifteen months, one begun twenty years ago 250.
MAX_MONTHS_PER_FEED = 6_000
# Rules that repeat within a day, or that start long ago with many occurrences a year, cost
# seconds to expand from their first occurrence: no absence repeats like that, a hostile feed might.
_SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}
_SUB_DAILY_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
_LONG_AGO = timedelta(days=20 * 366)


class TooCostly(Exception):
    """A rule walked further than its budget allows: its series is left out."""


@dataclass
class WalkBudget:
    """How many months the rules of one feed have walked, together."""

    walked: int = 0

    def step(self) -> None:
        """Count one month walked, or give up when the feed has walked too far."""
        self.walked += 1
        if self.walked > MAX_MONTHS_PER_FEED:
            raise TooCostly


class _CountedRule(rrule):  # type: ignore[misc]
    """A dateutil rule that counts the months it walks and gives up past its budget."""

    budget: WalkBudget
    walked: int

    @property
    def _byeaster(self) -> Any:
        """The rule's BYEASTER as dateutil stored it, read once per month walked."""
        self.walked += 1
        if self.walked > MAX_MONTHS_PER_RULE:
            raise TooCostly
        self.budget.step()
        return self.__dict__.get("_byeaster")

    @_byeaster.setter
    def _byeaster(self, value: Any) -> None:
        self.__dict__["_byeaster"] = value


def counted(rule: rrule, budget: WalkBudget) -> rrule:
    """The rule, made to count its walk against its own budget and the feed's."""
    rule.__class__ = _CountedRule
    rule.budget, rule.walked = budget, 0
    return rule


def bounded_events(budget: WalkBudget) -> ComponentsWithName:
    """recurring-ical-events' selection of VEVENTs, each rule counting against the budget."""

    class Rules(Series.RecurrenceRules):  # type: ignore[misc]
        """A series' rules, each counted."""

        def rrulestr(self, rule_string: str) -> rrule:
            """The rule dateutil reads, counted."""
            return counted(super().rrulestr(rule_string), budget)

    class BoundedSeries(Series):  # type: ignore[misc]
        """A series whose rules are counted."""

        RecurrenceRules = Rules

    return ComponentsWithName("VEVENT", series=BoundedSeries)


def safe_to_expand(event: Component, *, now: datetime) -> bool:
    """Whether expanding this event's recurrence stays cheap (see _SUB_DAILY)."""
    found = event.get("RRULE")
    rules = found if isinstance(found, list) else [] if found is None else [found]
    if not all(isinstance(rule, dict) for rule in rules):
        return False
    for rule in rules:
        if any(str(f).upper() in _SUB_DAILY for f in rule.get("FREQ", [])):
            return False
        # INTERVAL=0 never moves on: dateutil would walk the same period forever.
        if not all(isinstance(n, int) and n >= 1 for n in rule.get("INTERVAL", [1])):
            return False
        if any(part in rule for part in _SUB_DAILY_PARTS):
            return False
    return not rules or not _long_ago(event, now) or all(_once_a_year(r) for r in rules)


def within_time(event: Component) -> bool:
    """Whether the event ends before the year 9999 ends, as Python's dates must."""
    start = when(event, "DTSTART")
    if start is None:
        return False
    try:
        duration = getattr(event.get("DURATION"), "dt", None)
        start + (duration if isinstance(duration, timedelta) else timedelta(days=1))
    except (OverflowError, BrokenCalendarProperty):
        return False
    return True


def end_until_days(event: Component) -> None:
    """Read a date UNTIL on a timed series as the end of that day, as its writer meant.

    RFC 5545 wants UNTIL of DTSTART's type; a date there would otherwise end the series at
    that day's first moment in UTC, before its last occurrence.
    """
    start = when(event, "DTSTART")
    found = event.get("RRULE")
    if not isinstance(start, datetime) or not isinstance(found, dict):
        return
    untils = found.get("UNTIL", [])
    if len(untils) == 1 and not isinstance(untils[0], datetime) and isinstance(untils[0], date):
        last = datetime.combine(untils[0], time(23, 59, 59), start.tzinfo)
        found["UNTIL"] = [last.astimezone(UTC) if last.tzinfo else last]


def _long_ago(event: Component, now: datetime) -> bool:
    """Whether the event first happened more than twenty years ago."""
    start = when(event, "DTSTART")
    if start is None:
        return False
    day = start.date() if isinstance(start, datetime) else start
    return day < now.date() - _LONG_AGO


def _once_a_year(rule: dict[str, list[object]]) -> bool:
    """A yearly rule with at most one value per part: a birthday or a holiday, cheap forever."""
    yearly = [str(f).upper() for f in rule.get("FREQ", [])] == ["YEARLY"]
    return yearly and all(len(values) <= 1 for values in rule.values())
