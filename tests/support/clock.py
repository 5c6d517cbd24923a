"""A settable clock for tests: time moves only when the test says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """A callable returning an aware UTC datetime that a test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self._now = _aware(start)

    def __call__(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        """Move forward (or back) by `timedelta(**delta)` and return the new time."""
        self._now += timedelta(**delta)
        return self._now

    def set(self, moment: datetime) -> datetime:
        """Jump to an aware moment and return it in UTC."""
        self._now = _aware(moment)
        return self._now


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"FakeClock needs an aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)
