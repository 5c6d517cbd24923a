"""The message the form suggests, in its owner's language, naming the day they are back."""

from datetime import time

from bot.core.dates import DateRange
from bot.texts import dates
from bot.texts.catalog import _


def suggested_message(window: DateRange | None) -> str:
    """Suggest a message that names the return day when there is one."""
    if window is None or window.end is None:
        return _("I'm out of office and will answer when I'm back.")
    back = window.end
    day = dates.full_day(back.date())
    if back.time() != time(0):
        day = _("{day} at {time}", day=day, time=dates.clock(back))
    return _("I'm out of office and back on {day}. I'll answer your message then.", day=day)
