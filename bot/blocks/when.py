"""Responder dates as Slack date tokens, so every reader sees them in their own zone."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.dates import DateRange
from bot.texts import _
from bot.texts.dates import clock, full_day


def date_token(moment: datetime, style: str, fallback: str) -> str:
    """Render a moment with Slack's `<!date^…>` token and a plain fallback."""
    return f"<!date^{int(moment.timestamp())}^{style}|{fallback}>"


def day_token(day: date, tz: str) -> str:
    """Render a calendar day; noon keeps it on the same day for readers a few zones away."""
    noon = datetime.combine(day, time(12), tzinfo=ZoneInfo(tz))
    return date_token(noon, "{date_long_pretty}", full_day(day))


def moment_token(moment: datetime, tz: str) -> str:
    """Render a start or return moment, with the time only when it is not midnight."""
    local = moment.astimezone(ZoneInfo(tz))
    if local.time() == time(0):
        return day_token(local.date(), tz)
    # Slack writes the day and time in the reader's language, but not the words around them.
    style = _("{date_long_pretty} at {time}")
    return date_token(moment, style, f"{full_day(local.date())} {clock(local)} {tz}")


def describe_window(window: DateRange, tz: str, *, back: datetime | None) -> str:
    """Say when a responder starts, its last day and the day its owner is back (`back`: a
    working day, bot/organisation/returns.py; None says the end itself)."""
    start = moment_token(window.start, tz)
    if window.end is None or window.last_day is None:
        return _("from {start} until you turn it off", start=start)
    return _(
        "from {start}, last day {last}, back {back}",
        start=start,
        last=day_token(window.last_day, tz),
        back=moment_token(back or window.end, tz),
    )
