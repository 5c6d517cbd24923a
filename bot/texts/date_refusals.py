"""What the date reader's refusals say to the reader, with two phrases they could type instead."""

from datetime import date, datetime

from bot.core.dates import DateError, Weekday
from bot.texts import date_examples, dates
from bot.texts.catalog import N_, _

REASONS = {
    "empty": N_("The dates are empty: say when you are away."),
    "too_long": N_("That is too long to read as dates (over {limit} characters)."),
    "zone": N_("“{tz}” is not a time zone I know."),
    "unread": N_("I could not read “{text}” as dates."),
    "unused": N_(
        "I cannot read “{part}” in “{text}”: give the first and last day of the absence instead."
    ),
    "reason_only": N_("“{text}” says why you are away but not when: add the dates."),
    "no_end": N_("“{text}” says when the absence starts but not when it ends."),
    "past": N_("That ends in the past ({end})."),
    "backwards": N_("That ends ({end}) before it starts ({start})."),
    "weekday": N_("{date} is a {actual}, not a {said}."),
    "zero": N_("An absence has to last at least one day or one hour."),
}
# Said after "unread" when the other numeric order would have read the date ("12/24").
ORDERS = {
    "mdy": N_("Numeric dates are month/day in your Slack language ({locale})."),
    "dmy": N_("Numeric dates are day/month in your Slack language ({locale})."),
    "ymd": N_("Numeric dates are year/month/day or month/day in your Slack language ({locale})."),
}
ASK_END = N_("When does it end? Pick the last day below.")
TRY = N_("Try “{a}” or “{b}”.")
# Two sentences one after the other: Japanese and Chinese put no space after their full stop.
SENTENCES = N_("{first} {then}")


def reason(error: DateError) -> str:
    """Why the phrase was refused, its days and weekdays written as the reader writes them."""
    params = {key: _written(value) for key, value in error.params.items()}
    said = _(REASONS[error.key], **params)
    order = error.params.get("order")
    return (
        _(SENTENCES, first=said, then=_(ORDERS[str(order)], **params)) if order in ORDERS else said
    )


def refusal(error: DateError) -> str:
    """The reason and two examples, as the modal's preview and `/ooo team` show them."""
    return _(SENTENCES, first=reason(error), then=try_examples())


def ask_end(error: DateError) -> str:
    """A start typed without an end ("from Monday"): why, and that the pickers need the end."""
    return _(SENTENCES, first=reason(error), then=_(ASK_END))


def try_examples() -> str:
    """The sentence offering two examples."""
    first, second = date_examples.phrases()
    return _(TRY, a=first, b=second)


def _written(value: object) -> object:
    """A parameter as the reader reads it: a moment, a day or a weekday in their locale."""
    if isinstance(value, datetime):
        return dates.moment(value)
    if isinstance(value, date):
        return dates.day(value)
    if isinstance(value, Weekday):
        return dates.weekday(value)
    return value
