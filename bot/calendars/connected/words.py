"""Why a calendar feed could not be read, and what it found, in the reader's words."""

from datetime import datetime

from bot.calendars.fetching.failures import Failure, FeedError
from bot.calendars.fetching.fetch import MAX_BYTES
from bot.calendars.fetching.problems import word
from bot.core.calendar_absences import Absence
from bot.core.dates import DateRange
from bot.texts import N_, _, ngettext
from bot.texts.previews import describe_range

NOT_A_CALENDAR = "not_a_calendar"
NOT_A_CALENDAR_TEXT = N_(
    "What is at that address is not a calendar (perhaps a sign-in page). Use your calendar's "
    "secret or public address in iCal format, the one ending in .ics."
)
UNKNOWN = N_("ooo couldn't read that calendar ({code}).")
NO_ENCRYPTION_KEY = N_(
    "Calendars can't be connected on this server yet: its administrator must set "
    "OOO_ENCRYPTION_KEY first, since calendar addresses are secrets I keep sealed."
)
SHOWN = 5


def why(code: str, params: dict[str, str] | None = None) -> str:
    """Why a feed could not be read, in sentences: the fetcher's reasons, or not a calendar."""
    if code == NOT_A_CALENDAR:
        return _(NOT_A_CALENDAR_TEXT)
    if code not in set(Failure):
        return _(UNKNOWN, code=code)
    try:
        return word(FeedError(code, params or {}))
    except KeyError:  # a parameter the wording names was not kept
        return _(UNKNOWN, code=code)


def problem_of(error: FeedError) -> str:
    """What is kept of a failure to word it later: its code, and the status a server answered."""
    status = error.params.get("status")
    return f"{error.code}:{status}" if status else error.code


def stored_why(problem: str, *, hint: str) -> str:
    """Word a kept failure; the host is the feed's hint's (its URL stays sealed)."""
    code, _colon, status = problem.partition(":")
    params = {
        "host": hint.removesuffix("/…"),
        "status": status or "?",
        "megabytes": str(MAX_BYTES // 2**20),
    }
    return why(code, params)


def found_text(absences: list[Absence], *, tz: str, horizon_days: int, now: datetime) -> str:
    """What a read found: how many absences ahead, the first few of them by their days."""
    ahead = [a for a in absences if a.ends_at > now]
    if not ahead:
        return _(
            "I found no absence in the next {days} days. I'll keep reading it: absences you add "
            "become responders.",
            days=horizon_days,
        )
    days = ", ".join(_days(a, tz) for a in ahead[:SHOWN])
    if len(ahead) > SHOWN:
        days += ", …"
    return ngettext(
        "Found {count} absence in the next {days_ahead} days: {days}.",
        "Found {count} absences in the next {days_ahead} days: {days}.",
        len(ahead),
        days_ahead=horizon_days,
        days=days,
    )


def _days(absence: Absence, tz: str) -> str:
    """An absence's days (or times), as the form's preview says them."""
    return describe_range(DateRange(absence.starts_at, absence.ends_at), tz)
