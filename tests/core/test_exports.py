"""The core of exports: the default period, the lines of absences, and cells made safe."""

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.export_csv import BOM, csv_bytes, neutralised
from bot.core.exports import Leave, Period, default_period, lines, period_of
from bot.core.holiday_regions import parse_region
from bot.core.leave_types import BUILTINS
from bot.core.working_days import Schedule

PARIS, AUCKLAND = ZoneInfo("Europe/Paris"), ZoneInfo("Pacific/Auckland")


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 11, 27), date(2026, 11, 1), date(2027, 1, 31)),
        (date(2026, 12, 1), date(2026, 12, 1), date(2027, 2, 28)),
        (date(2027, 12, 31), date(2027, 12, 1), date(2028, 2, 29)),
        (date(2026, 1, 15), date(2026, 1, 1), date(2026, 3, 31)),
    ],
)
def test_the_default_period_is_this_month_and_the_next_two(
    today: date, first: date, last: date
) -> None:
    assert default_period(today) == Period(first, last)


def test_a_read_phrase_gives_its_days() -> None:
    start, end = datetime(2026, 12, 1, tzinfo=PARIS), datetime(2027, 1, 1, tzinfo=PARIS)
    assert period_of(start, end) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert period_of(start, None) == Period(date(2026, 12, 1), date(2026, 12, 1))


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Alice = Bob", "Alice = Bob"),
        ("", ""),
    ],
)
def test_cells_that_could_start_a_formula_are_neutralised(cell: str, shown: str) -> None:
    assert neutralised(cell) == shown


def test_the_file_reads_back_with_csv_and_keeps_numbers() -> None:
    data = csv_bytes(["Name", "Days"], [['Ève "the" =first', 3], ["line\nbreak", 0]])
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows == [["Name", "Days"], ['Ève "the" =first', "3"], ["line\nbreak", "0"]]


def test_an_absence_across_new_year_counts_its_days_in_its_own_hemisphere() -> None:
    # Auckland: 24 Dec to 8 Jan, holidays of New Zealand; the export covers January only.
    start = datetime(2026, 12, 24, tzinfo=AUCKLAND).astimezone(UTC)
    end = datetime(2027, 1, 9, tzinfo=AUCKLAND).astimezone(UTC)
    leave = Leave("UKIRI", start, end, "Pacific/Auckland", "vacation", None)
    schedule = Schedule(region=parse_region("NZ"))
    [line] = lines(
        [leave],
        Period(date(2027, 1, 1), date(2027, 1, 31)),
        schedules={"UKIRI": schedule},
        types=BUILTINS,
        workspace_hides=False,
    )
    # 1 and 2 January are holidays there (the 2nd moved to Monday 4th: Day after New Year's).
    assert (line.start, line.end, line.working_days) == ("2026-12-24", "2027-01-08", 4)


def test_lines_keep_the_order_given_and_leave_out_absences_outside() -> None:
    def leave(person: str, day: int) -> Leave:
        start = datetime(2026, 12, day, tzinfo=PARIS)
        return Leave(person, start, start.replace(day=day + 1), "Europe/Paris", None, None)

    found = lines(
        [leave("UALICE", 9), leave("UALICE", 2), leave("UBOB", 20), leave("UBOB", 3)],
        Period(date(2026, 12, 1), date(2026, 12, 15)),
        schedules={"UALICE": Schedule(), "UBOB": Schedule()},
        types=BUILTINS,
        workspace_hides=False,
    )
    assert [(line.person, line.start) for line in found] == [
        ("UALICE", "2026-12-09"),
        ("UALICE", "2026-12-02"),
        ("UBOB", "2026-12-03"),
    ]
