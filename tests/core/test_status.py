"""Acting as the owner while away: when a long snooze is renewed (its wording: tests/bot/status)."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.status import (
    RENEW_EVERY,
    SNOOZE_MAX,
    renewal_at,
    snooze_until,
)

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ends_at", "now", "until"),
    [
        (START + timedelta(hours=6), START, START + timedelta(hours=6)),
        (START + timedelta(days=3), START, START + SNOOZE_MAX),
        (None, START + timedelta(days=40), START + timedelta(days=40) + SNOOZE_MAX),
    ],
)
def test_a_snooze_lasts_to_the_end_or_a_day(
    ends_at: datetime | None, now: datetime, until: datetime
) -> None:
    assert snooze_until(ends_at, now) == until


@pytest.mark.parametrize(
    ("ends_at", "now", "renewal"),
    [
        # Within a day of the end: the snooze lasts to it.
        (START + timedelta(hours=6), START, None),
        (START + timedelta(days=3), START + timedelta(days=2, hours=1), None),
        # Longer: renewed five minutes before the day runs out, then every 23 h 55 min.
        (START + timedelta(days=3), START, START + RENEW_EVERY),
        (START + timedelta(days=3), START + RENEW_EVERY, START + 2 * RENEW_EVERY),
        # Late, early or after an edit: still the same moments, counted from the start.
        (
            START + timedelta(days=3),
            START + RENEW_EVERY + timedelta(hours=2),
            START + 2 * RENEW_EVERY,
        ),
        (None, START + timedelta(hours=3), START + RENEW_EVERY),
        (None, START + 10 * RENEW_EVERY - timedelta(seconds=1), START + 10 * RENEW_EVERY),
    ],
)
def test_a_long_snooze_is_renewed_at_moments_counted_from_the_start(
    ends_at: datetime | None, now: datetime, renewal: datetime | None
) -> None:
    assert renewal_at(START, ends_at, now) == renewal


@pytest.mark.parametrize("hours", [0, 1, 23, 24, 25, 50, 100])
def test_each_snooze_outlasts_its_renewal(hours: int) -> None:
    now = START + timedelta(hours=hours, minutes=7)
    renewal = renewal_at(START, None, now)
    assert renewal is not None and now < renewal <= snooze_until(None, now) - timedelta(minutes=5)
