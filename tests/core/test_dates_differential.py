"""A differential test: a range of two plain dates ends where dateparser reads each date alone."""

from datetime import UTC, date, datetime, time, timedelta

import dateparser
from babel.dates import get_month_names
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.core.dates import DateRange, language_of, parse_range

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
# The locales dateparser reads (it misreads Japanese, Korean and Chinese dates, so ooo does not
# ask it about them), each with how it joins two dates into a range.
JOINS = {
    "en-US": "from {a} to {b}",
    "en-GB": "{a} to {b}",
    "fr-FR": "du {a} au {b}",
    "de-DE": "vom {a} bis {b}",
    "es-ES": "del {a} al {b}",
    "es-LA": "desde el {a} hasta el {b}",
    "pt-BR": "de {a} a {b}",
    "it-IT": "dal {a} al {b}",
}
# A date written in words, as each language writes it.
WRITTEN = {
    "en-US": "{month} {d}",
    "en-GB": "{d} {month}",
    "fr-FR": "{d} {month}",
    "de-DE": "{d}. {month}",
    "es-ES": "{d} de {month}",
    "es-LA": "{d} de {month}",
    "pt-BR": "{d} de {month}",
    "it-IT": "{d} {month}",
}


def _plain(locale: str, day: date, form: int, with_year: bool) -> str:
    """One date, in words or in the locale's numeric order, with or without its year."""
    if form == 0:
        month = get_month_names("wide", locale=locale[:2])[day.month]
        text = WRITTEN[locale].format(month=month, d=day.day)
        joiner = " de " if locale[:2] in ("es", "pt") else (", " if locale == "en-US" else " ")
        return f"{text}{joiner}{day.year}" if with_year else text
    first, second = (
        (day.month, day.day) if language_of(locale).order == "mdy" else (day.day, day.month)
    )
    mark = "." if locale == "de-DE" else "/"
    return f"{first}{mark}{second}{mark}{day.year}" if with_year else f"{first}{mark}{second}"


def _dateparser(text: str, locale: str) -> date:
    """Dateparser's reading of one date alone; it reads "1.12." as 01:12 today, not as a date."""
    found = dateparser.parse(
        text,
        languages=[locale[:2]],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": NOW.replace(tzinfo=None),
            "DATE_ORDER": language_of(locale).order.upper(),
        },
    )
    assert found is not None, text
    assume(found.time() == time(0))
    return found.date()


@settings(max_examples=200, deadline=None)
@given(
    locale=st.sampled_from(sorted(JOINS)),
    first=st.dates(min_value=date(2026, 11, 28), max_value=date(2030, 12, 31)),
    length=st.integers(0, 300),
    forms=st.tuples(st.integers(0, 1), st.integers(0, 1)),
    with_year=st.booleans(),
)
def test_it_ends_a_range_of_two_plain_dates_where_dateparser_reads_each(
    locale: str, first: date, length: int, forms: tuple[int, int], with_year: bool
) -> None:
    last = first + timedelta(days=length)
    if not with_year and last >= date(2027, 11, 27):
        return  # without years, both dates must be within the coming year to be plain
    a, b = (
        _plain(locale, day, form, with_year) for day, form in zip((first, last), forms, strict=True)
    )
    text = JOINS[locale].format(a=a, b=b)
    found = parse_range(text, now=NOW, tz="UTC", locale=locale)
    assert isinstance(found, DateRange)
    assert (found.start.date(), found.last_day) == (
        _dateparser(a, locale),
        _dateparser(b, locale),
    ), text
