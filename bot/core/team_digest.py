"""When a team digest is posted: a local time on working days, or on Mondays only."""

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.core.dates import localize, time_zone
from bot.core.problems import Code, Problem, Refused

CLOCK = re.compile(r"^(\d{1,2})(?:[:h.](\d{2})|h)?\s*(am|pm)?$", re.IGNORECASE)
DIGEST_DAYS = 7


class Cadence(StrEnum):
    """Which days a digest is posted on."""

    WEEKDAYS = "weekdays"
    MONDAYS = "mondays"


def time_from_text(text: str) -> time:
    """Read "09:00", "9:30", "9am" or "17h" as a time of day; Refused if it is not one."""
    found = CLOCK.match(text.strip())
    hour, minute = (int(found.group(1)), int(found.group(2) or 0)) if found else (99, 0)
    half = (found.group(3) or "").lower() if found else ""
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0) if 1 <= hour <= 12 else 99
    if hour < 24 and minute < 60:
        return time(hour, minute)
    raise Refused(Problem(Code.NOT_A_TIME, text=text.strip()))


def posts_on(day: date, cadence: Cadence) -> bool:
    """Whether a digest with this cadence is posted on a calendar day."""
    if cadence is Cadence.MONDAYS:
        return day.weekday() == 0
    return day.weekday() < 5


def next_post(after: datetime, *, at: time, tz: str, cadence: Cadence) -> datetime:
    """The first posting moment strictly after `after`, at the local time `at` in `tz`."""
    zone = time_zone(tz)
    day = after.astimezone(zone).date()
    for _ in range(8):
        moment = localize(datetime.combine(day, at), zone)
        if moment > after and posts_on(day, cadence):
            return moment
        day += timedelta(days=1)
    raise AssertionError("every cadence posts at least once a week")


def latest_post(now: datetime, *, at: time, tz: str, cadence: Cadence) -> datetime:
    """The last posting moment at or before `now`: the one a late wake-up may still post."""
    zone = time_zone(tz)
    day = now.astimezone(zone).date()
    for _ in range(8):
        moment = localize(datetime.combine(day, at), zone)
        if moment <= now and posts_on(day, cadence):
            return moment
        day -= timedelta(days=1)
    raise AssertionError("every cadence posts at least once a week")


def post_day(moment: datetime, tz: str) -> date:
    """The local day a posting moment belongs to: at most one digest per digest and day."""
    return moment.astimezone(time_zone(tz)).date()
