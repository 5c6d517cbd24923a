"""The message the form suggests, in its owner's language, for the kind of absence, naming the
day they are back."""

from datetime import time

from bot.core.dates import DateRange
from bot.core.leave_types import Builtin
from bot.core.return_day import return_moment
from bot.core.working_days import Schedule
from bot.texts import dates
from bot.texts.catalog import N_, _

# Each type's message without a return day, then with one ({day}). A hidden reason, sick leave
# and a workspace's own types say only that the person is out: never what they have.
BY_TYPE: dict[str, tuple[str, str]] = {
    Builtin.VACATION: (
        N_("I'm on vacation and will answer when I'm back."),
        N_("I'm on vacation and back on {day}. I'll answer your message then."),
    ),
    Builtin.PARENTAL: (
        N_("I'm on parental leave and will answer when I'm back."),
        N_("I'm on parental leave and back on {day}. I'll answer your message then."),
    ),
    Builtin.BUSINESS_TRIP: (
        N_("I'm travelling for work and will answer when I'm back."),
        N_("I'm travelling for work and back on {day}. I'll answer your message then."),
    ),
    Builtin.TRAINING: (
        N_("I'm in training and will answer when I'm back."),
        N_("I'm in training and back on {day}. I'll answer your message then."),
    ),
}
NEUTRAL = (
    N_("I'm out of office and will answer when I'm back."),
    N_("I'm out of office and back on {day}. I'll answer your message then."),
)


def suggested_message(
    window: DateRange | None,
    leave_type: str | None = None,
    *,
    hidden: bool = False,
    tz: str | None = None,
    schedule: Schedule | None = None,
) -> str:
    """Suggest a message for the type (neutral when its reason is hidden), naming the return day
    when there is one: with the owner's zone and `schedule`, their next working day that is not
    a holiday."""
    open_ended, back_on = NEUTRAL if hidden else BY_TYPE.get(leave_type or "", NEUTRAL)
    if window is None or window.end is None:
        return _(open_ended)
    back = window.end
    if tz is not None and schedule is not None:
        back = return_moment(back, tz, schedule).astimezone(back.tzinfo)
    day = dates.full_day(back.date())
    if back.time() != time(0):
        day = _("{day} at {time}", day=day, time=dates.clock(back))
    return _(back_on, day=day)
