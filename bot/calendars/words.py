"""Why a calendar feed could not be read, and what it found, in the reader's words."""

from datetime import datetime

from bot.core.calendar_absences import Absence
from bot.core.dates import DateRange, describe_range
from bot.texts import N_, _, ngettext

NOT_A_CALENDAR = "not_a_calendar"
# The codes bot/calendars/fetch.py raises (FeedError), and this module's own.
WHY = {
    "not_a_url": N_(
        "that isn't a calendar address. Paste the address of your calendar's feed, "
        "starting with https:// (in Google Calendar: Settings, your calendar, "
        "*Secret address in iCal format*)."
    ),
    "not_https": N_(
        "calendar addresses must start with https://, so nobody can read it on the way."
    ),
    "refused_address": N_(
        "that address points inside a private network, which I don't read calendars from."
    ),
    "unreachable": N_("I couldn't reach that address. Check it, or try again in a few minutes."),
    "timeout": N_("the calendar's server took too long to answer."),
    "too_large": N_("that calendar is too large for me to read."),
    "too_many_redirects": N_("that address sends me on too many redirects."),
    "http_error": N_("the calendar's server refused (it answered {status})."),
    "not_found": N_("the calendar's server says there is no calendar at that address anymore."),
    NOT_A_CALENDAR: N_(
        "what is at that address is not a calendar (perhaps a sign-in page). Use the feed's "
        "secret or public address, the one ending in .ics."
    ),
}
UNKNOWN = N_("I couldn't read that calendar ({code}).")
NO_ENCRYPTION_KEY = N_(
    "Calendars can't be connected on this server yet: its administrator must set "
    "OOO_ENCRYPTION_KEY first, since calendar addresses are secrets I keep sealed."
)
SHOWN = 5


def why(code: str, params: dict[str, str] | None = None) -> str:
    """Why a feed could not be read, as a clause ("that calendar is too large …")."""
    found = WHY.get(code)
    if found is None:
        return _(UNKNOWN, code=code)
    try:
        return _(found, **(params or {}))
    except KeyError:
        return _(found, status="?") if "{status}" in found else _(found)


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
