"""Transitions fire at the right instant in every zone, across daylight-saving gaps and repeats."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import Engine

from bot.core.dates import parse_range
from bot.core.responder import window_from_pickers
from bot.responders.transitions import apply_due
from tests.bot.responders.lifecycle_steps import add_responder

# Friday 27 November 2026, 10:00 UTC.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def fires_exactly_at(engine: Engine, starts_at: datetime, tz: str) -> None:
    add_responder(engine, "UALICE", starts_at=starts_at, ends_at=None, saved_at=NOW, tz=tz)
    assert apply_due(engine, starts_at - timedelta(seconds=1)) == []
    [on] = apply_due(engine, starts_at)
    assert on.move == "on"


@pytest.mark.parametrize(
    ("tz", "instant"),
    [
        # 09:00 PST on Saturday 28 November.
        ("America/Los_Angeles", datetime(2026, 11, 28, 17, 0, tzinfo=UTC)),
        # 09:00 IST (UTC+5:30).
        ("Asia/Kolkata", datetime(2026, 11, 28, 3, 30, tzinfo=UTC)),
        # 09:00 CHADT (UTC+13:45): still Friday in UTC.
        ("Pacific/Chatham", datetime(2026, 11, 27, 19, 15, tzinfo=UTC)),
    ],
)
def test_tomorrow_9am_fires_at_the_owners_nine(engine: Engine, tz: str, instant: datetime) -> None:
    window = parse_range("tomorrow 9am", now=NOW, tz=tz, locale="en-US")
    assert window.start == instant
    fires_exactly_at(engine, window.start, tz)


@pytest.mark.parametrize(
    ("day", "at", "instant"),
    [
        # 02:30 does not exist on 14 March 2027 in Los Angeles: it starts at 03:30 PDT.
        (date(2027, 3, 14), time(2, 30), datetime(2027, 3, 14, 10, 30, tzinfo=UTC)),
        # 01:30 happens twice on 7 November 2027: the first one, still PDT.
        (date(2027, 11, 7), time(1, 30), datetime(2027, 11, 7, 8, 30, tzinfo=UTC)),
    ],
)
def test_a_start_in_a_dst_gap_or_repeat_fires_once_at_its_instant(
    engine: Engine, day: date, at: time, instant: datetime
) -> None:
    tz = "America/Los_Angeles"
    window = window_from_pickers(
        start_day=day, start_time=at, end_day=None, end_time=None, permanent=True, tz=tz, now=NOW
    )
    # An ambiguous wall time never equals another zone's instant in Python: compare in UTC.
    assert window.start.astimezone(UTC) == instant
    fires_exactly_at(engine, window.start, tz)
    assert apply_due(engine, instant + timedelta(hours=1)) == []
