"""The one place that reads the system time; everything else receives `now`."""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Return the current time, UTC-aware."""
    return datetime.now(UTC)
