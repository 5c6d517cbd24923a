"""Natural-language absence dates: a phrase in the user's language and zone becomes a range."""

from .assemble import localize
from .languages import LOCALES, language_of, languages_for
from .leading import leading_date_words
from .model import DateError, DateRange, Weekday
from .parse import MAX_LENGTH as PHRASE_MAX
from .parse import parse_range, time_zone, warm_up

__all__ = [
    "LOCALES",
    "PHRASE_MAX",
    "DateError",
    "DateRange",
    "Weekday",
    "language_of",
    "languages_for",
    "leading_date_words",
    "localize",
    "parse_range",
    "time_zone",
    "warm_up",
]
