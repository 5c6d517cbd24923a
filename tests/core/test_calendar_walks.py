"""The bound on expanding recurring events leaves every real series whole."""

import pytest

from bot.core.calendar_walks import MAX_MONTHS_PER_RULE
from tests.core.calendar_feeds import feed, read


@pytest.mark.parametrize(
    ("start", "rule", "days"),
    [
        # Alice's Fridays off, written nineteen years ago and never ended.
        ("DTSTART;VALUE=DATE:20080104", "FREQ=WEEKLY;BYDAY=FR", 4),
        # Every other Monday, from nineteen years ago.
        ("DTSTART;VALUE=DATE:20071231", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", 2),
        # Christmas Eve off, every year since 1950.
        ("DTSTART;VALUE=DATE:19501224", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", 1),
        # The 29th of February, every leap year: the next one is 2028, a year past the window.
        ("DTSTART;VALUE=DATE:20240229", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", 0),
        # The last working day of each month, from ten years ago.
        ("DTSTART;VALUE=DATE:20161230", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", 1),
    ],
)
def test_it_reads_long_running_series_within_the_budget(start: str, rule: str, days: int) -> None:
    ics = feed(f"UID:s\nSUMMARY:Day off\n{start}\nRRULE:{rule}")
    assert len(read(ics, horizon_days=30)) == days


def test_it_gives_a_rule_more_months_than_twenty_years_and_a_window() -> None:
    assert MAX_MONTHS_PER_RULE > 20 * 12 + 13
