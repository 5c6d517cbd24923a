"""How an absence shows in a published calendar: whole days as dates, the rest in UTC, and an
absence until further notice a month ahead."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.holiday_regions import parse_region
from bot.core.published_events import FeedAbsence, feed_event, feed_window
from bot.core.working_days import Schedule

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
PARIS, TOKYO = ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Tokyo")
WEEKDAYS = Schedule()


def absence(start: datetime, end: datetime | None, tz: str = "Europe/Paris") -> FeedAbsence:
    """Alice's absence, as a feed reads it."""
    return FeedAbsence(
        1, "UALICE", start.astimezone(UTC), end and end.astimezone(UTC), tz, None, 0, NOW
    )


@pytest.mark.parametrize(
    ("start", "end", "tz", "expected"),
    [
        (
            datetime(2026, 12, 1, tzinfo=PARIS),
            datetime(2026, 12, 3, tzinfo=PARIS),
            "Europe/Paris",
            (date(2026, 12, 1), date(2026, 12, 3)),
        ),
        # Midnight in Tokyo is the day before in UTC: the days are Tokyo's.
        (
            datetime(2026, 12, 1, tzinfo=TOKYO),
            datetime(2026, 12, 2, tzinfo=TOKYO),
            "Asia/Tokyo",
            (date(2026, 12, 1), date(2026, 12, 2)),
        ),
        (
            datetime(2027, 3, 27, tzinfo=PARIS),
            datetime(2027, 3, 30, tzinfo=PARIS),
            "Europe/Paris",
            (date(2027, 3, 27), date(2027, 3, 30)),
        ),
        (
            datetime(2026, 12, 1, 14, tzinfo=PARIS),
            datetime(2026, 12, 2, tzinfo=PARIS),
            "Europe/Paris",
            (datetime(2026, 12, 1, 13, tzinfo=UTC), datetime(2026, 12, 1, 23, tzinfo=UTC)),
        ),
    ],
    ids=["whole days", "whole days east of UTC", "whole days over DST", "an afternoon on"],
)
def test_it_draws_whole_days_as_dates_and_the_rest_in_utc(
    start: datetime, end: datetime, tz: str, expected: tuple[date, date]
) -> None:
    event = feed_event(absence(start, end, tz), now=NOW, schedule=WEEKDAYS)
    assert (event.start, event.end) == expected
    assert event.whole_days == (not isinstance(expected[0], datetime))
    assert event.back == end


def test_it_shows_an_absence_until_further_notice_a_month_past_today_or_its_start() -> None:
    started = feed_event(
        absence(datetime(2026, 11, 20, tzinfo=PARIS), None), now=NOW, schedule=WEEKDAYS
    )
    later = feed_event(
        absence(datetime(2027, 2, 1, 9, tzinfo=PARIS), None), now=NOW, schedule=WEEKDAYS
    )
    assert (started.start, started.end, started.back) == (
        date(2026, 11, 20),
        date(2026, 12, 27),
        None,
    )
    assert later.end == datetime(2027, 3, 3, tzinfo=PARIS).astimezone(UTC)


def test_it_reads_ended_absences_of_the_last_month_and_those_starting_within_a_year() -> None:
    assert feed_window(NOW) == (NOW - timedelta(days=30), NOW + timedelta(days=365))


@pytest.mark.parametrize(
    ("end", "schedule", "back"),
    [
        # Out to Friday 4 December: the event ends Saturday, its owner is back Monday.
        (datetime(2026, 12, 5, tzinfo=PARIS), WEEKDAYS, datetime(2026, 12, 7, tzinfo=PARIS)),
        # Out to Tuesday 5 January 2027 in Bavaria: Epiphany keeps them away one more day.
        (
            datetime(2027, 1, 6, tzinfo=PARIS),
            Schedule(region=parse_region("DE-BY")),
            datetime(2027, 1, 7, tzinfo=PARIS),
        ),
    ],
)
def test_it_says_its_owner_is_back_on_their_next_working_day(
    end: datetime, schedule: Schedule, back: datetime
) -> None:
    event = feed_event(
        absence(datetime(2026, 12, 1, tzinfo=PARIS), end), now=NOW, schedule=schedule
    )
    assert event.end == end.date()
    assert event.back == back
