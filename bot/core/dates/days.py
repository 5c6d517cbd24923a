"""Date arithmetic on the user's calendar: next weekday, next day of month, spans of days."""

from datetime import date, timedelta

# The spans that are one calendar week: their weekdays can be named ("Tuesday next week").
WEEKS = ("this_week", "next_week", "week_after_next", "last_week")
MONTHS = ("this_month", "next_month")  # and their days of month ("le 1er du mois prochain")


def add_months(day: date, months: int, day_of_month: int | None = None) -> date | None:
    """The same day of month some months later, or None if that month lacks it."""
    index = day.year * 12 + day.month - 1 + months
    try:
        return date(index // 12, index % 12 + 1, day_of_month or day.day)
    except ValueError:
        return None


def next_weekday(today: date, weekday: int) -> date:
    """The next such weekday strictly after today (Monday is 0)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def next_day_of_month(today: date, day_of_month: int) -> date | None:
    """The next date on or after today whose day of month is the one given."""
    for months in range(13):
        found = add_months(today.replace(day=1), months, day_of_month)
        if found is not None and found >= today:
            return found
    return None


def next_month_day(today: date, month: int, day_of_month: int) -> date | None:
    """The next date on or after today with this month and day (29 February waits a leap year)."""
    for year in range(today.year, today.year + 9):
        try:
            found = date(year, month, day_of_month)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def whole_month(today: date, month: int, year: int | None) -> tuple[date, date] | None:
    """The days [first, after-last) of a month named alone: in its year, or the next not over.

    As with "this month", a month under way runs from today.
    """
    first = date(year or today.year, month, 1)
    if year is None and last_of_month(first) < today:
        first = date(today.year + 1, month, 1)
    after = add_months(first, 1)
    if after is None:  # December 9999
        return None
    return (today if first <= today < after else first), after


def monday_of(day: date) -> date:
    """The Monday that begins day's week."""
    return day - timedelta(days=day.weekday())


def last_of_month(day: date) -> date:
    """The last day of day's month."""
    first_of_next = add_months(day.replace(day=1), 1)
    assert first_of_next is not None  # the first of a month always exists
    return first_of_next - timedelta(days=1)


def span(kind: str, today: date, *, whole: bool = False) -> tuple[date, date] | None:
    """The days [first, after-last) a span word such as "next week" covers, seen from today;
    `whole`: this week and this month from their first day, not from today."""
    week = monday_of(today)
    month = today.replace(day=1)
    bounds = {
        "this_week": (week if whole else today, week + timedelta(days=7)),
        "next_week": (week + timedelta(days=7), week + timedelta(days=14)),
        "week_after_next": (week + timedelta(days=14), week + timedelta(days=21)),
        "last_week": (week - timedelta(days=7), week),
        # On a Sunday the weekend has begun: it runs from today, not from yesterday.
        "weekend": (max(today, week + timedelta(days=5)), week + timedelta(days=7)),
        "next_weekend": (week + timedelta(days=12), week + timedelta(days=14)),
        "this_month": (month if whole else today, add_months(month, 1)),
        "next_month": (add_months(month, 1), add_months(month, 2)),
        "month_after_next": (add_months(month, 2), add_months(month, 3)),
        "today": (today, today + timedelta(days=1)),
        "last_month": (add_months(month, -1), month),
        "end_of_month": (last_of_month(today), last_of_month(today) + timedelta(days=1)),
        "rest_of_year": (today, date(today.year + 1, 1, 1)),
        "end_of_year": (date(today.year, 12, 31), date(today.year + 1, 1, 1)),
    }
    found = bounds.get(kind)
    if found is None or found[0] is None or found[1] is None:
        return None
    return found[0], found[1]
