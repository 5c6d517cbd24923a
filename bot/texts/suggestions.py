"""The message the form suggests, in its owner's language, naming the day they are back."""

from datetime import time

from bot.core.dates import DateRange
from bot.core.return_day import return_moment
from bot.core.working_days import Schedule
from bot.texts import dates
from bot.texts.catalog import _


def suggested_message(
    window: DateRange | None, *, tz: str | None = None, schedule: Schedule | None = None
) -> str:
    """Suggest a message that names the return day when there is one: with the owner's zone
    and `schedule`, their next working day that is not a holiday."""
    if window is None or window.end is None:
        return _("I'm out of office and will answer when I'm back.")
    back = window.end
    if tz is not None and schedule is not None:
        back = return_moment(back, tz, schedule).astimezone(back.tzinfo)
    day = dates.full_day(back.date())
    if back.time() != time(0):
        day = _("{day} at {time}", day=day, time=dates.clock(back))
    return _("I'm out of office and back on {day}. I'll answer your message then.", day=day)
