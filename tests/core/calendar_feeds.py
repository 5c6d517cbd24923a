"""Calendar feeds for the tests: small files shaped like real exports, and feeds built inline."""

from datetime import UTC, datetime
from pathlib import Path

from bot.core.calendar_absences import Absence, read_absences

CALENDARS = Path(__file__).resolve().parents[1] / "data" / "calendars"
BERLIN = "Europe/Berlin"
# Tuesday 8 December 2026, 10:00 in Berlin.
NOW = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def utc(text: str) -> datetime:
    """A UTC time written "2026-12-10 13:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def feed(*events: str, header: str = "") -> bytes:
    """A calendar of VEVENT bodies, each given as its lines ("UID:a\\nSUMMARY:PTO…")."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ooo tests//EN", *header.split()]
    for event in events:
        lines += ["BEGIN:VEVENT", *event.strip().splitlines(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def read(
    ics: bytes,
    *,
    tz: str = BERLIN,
    now: datetime = NOW,
    horizon_days: int = 120,
    marked_only: bool = False,
) -> list[Absence]:
    """Alice's absences in a feed, read as ooo reads them."""
    return read_absences(ics, tz=tz, now=now, horizon_days=horizon_days, marked_only=marked_only)


def spans(absences: list[Absence]) -> list[tuple[datetime, datetime]]:
    """Each absence's start and end."""
    return [(a.starts_at, a.ends_at) for a in absences]
