"""An export of 1,000 people over a year: seconds, rows, bytes and peak memory per database.

Slack calls are left out (the members and their names are known): what is timed is what ooo
does itself, from the query to the CSV's bytes, as `/ooo team export` and `ooo export` do. Each
database is filled once: the team's 1,000 people with about 20 absences each over 2026 (types
mixed, sick leave hidden, one in ten working Sunday to Thursday), beside 4,000 other people's.
Then the export of the year is made `--runs` times; its peak memory is traced in one more run.
The baseline, in the same run, reads each person's absences one query at a time.
Target: the export of the year under 2 s (p50), its peak memory under 64 MB.
Usage: python bench/export_bench.py [--runs 5] [--postgres URL]
"""

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, insert, text

from bench.team_bench import databases
from bot.core.export_csv import csv_bytes
from bot.core.exports import Period, lines
from bot.core.leave_types import BUILTINS
from bot.core.workspace import Workspace
from bot.exports.table import cells, export_of, header
from bot.organisation.settings import schedules_of
from storage import export_queries
from storage.db import make_engine, migrate, session_scope
from storage.models import PersonSetting, ResponderRow

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ACME = Workspace("T0001")
TEAM = [f"U{n:06d}" for n in range(1000)]
OTHERS = [f"W{n:06d}" for n in range(4000)]
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
TYPES = ("vacation", "sick", "training", "business_trip", None)
TARGET_SECONDS, TARGET_MB = 2.0, 64


def fill(engine: Engine) -> None:
    """About 20 absences a person over 2026 for the team, 5 for everyone else."""
    rng = random.Random(22)
    rows = []
    for person, count in [(p, 20) for p in TEAM] + [(p, 5) for p in OTHERS]:
        for _ in range(count):
            start = NOW + timedelta(days=rng.randint(0, 364), hours=rng.choice((0, 0, 0, 9)))
            rows.append(
                {
                    "team_id": ACME.team_id,
                    "owner_id": person,
                    "kind": "personal",
                    "starts_at": start,
                    "ends_at": start + timedelta(days=rng.randint(1, 10)),
                    "tz": rng.choice(("Europe/Paris", "America/New_York", "Asia/Tokyo")),
                    "message": "Out of office, back soon. " * 4,
                    "leave_type": rng.choice(TYPES),
                    "hide_reason": rng.choice((None, None, None, True)),
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            )
    weeks = [
        {"team_id": ACME.team_id, "user_id": p, "week": "sun,mon,tue,wed,thu", "updated_at": NOW}
        for p in TEAM[::10]
    ]
    with engine.begin() as connection:
        for at in range(0, len(rows), 5000):
            connection.execute(insert(ResponderRow), rows[at : at + 5000])
        connection.execute(insert(PersonSetting), weeks)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))


def export_once(engine: Engine) -> tuple[int, int]:
    """The year's export of the team, as ooo makes it: rows and bytes."""
    names = {person: f"person {person}" for person in TEAM}
    made = export_of(engine, ACME, people=TEAM, period=YEAR, names=names)
    return made.rows, len(made.data)


def one_by_one(engine: Engine) -> tuple[int, int]:
    """The baseline: the same file, each person's absences read by a query of their own."""
    start, end = YEAR.widest
    found = []
    for person in TEAM:
        with session_scope(engine) as session:
            found += export_queries.leaves(
                session, workspace=ACME, people=[person], start=start, end=end
            )
    schedules = schedules_of(engine, ACME, TEAM)
    listed = lines(found, YEAR, schedules=schedules, types=BUILTINS, workspace_hides=False)
    names = {person: f"person {person}" for person in TEAM}
    data = csv_bytes(header(), [cells(line, names) for line in listed])
    return len(listed), len(data)


def timed(action: Callable[[Engine], tuple[int, int]], engine: Engine, runs: int) -> str:
    """One line of the table: p50 and max seconds, rows and bytes, after one warm-up."""
    rows, size = action(engine)
    spent = []
    for _ in range(runs):
        began = time.perf_counter()
        action(engine)
        spent.append(time.perf_counter() - began)
    return f"{statistics.median(spent):.2f} | {max(spent):.2f} | {rows:,} | {size:,}"


def peak_mb(engine: Engine) -> float:
    """The most memory one export holds at once (Python's allocations, traced)."""
    tracemalloc.start()
    export_once(engine)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    """Fill each database, time the export and its baseline, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print(f"target: p50 ≤ {TARGET_SECONDS} s, peak ≤ {TARGET_MB} MB")
    print("| database, step | p50 s | max s | rows | bytes | peak MB |")
    print("|---|---|---|---|---|---|")
    with databases(args.postgres) as found:
        for name, url in found:
            engine = make_engine(url)
            migrate(engine)
            fill(engine)
            print(
                f"| {name}, export of a year | {timed(export_once, engine, args.runs)} "
                f"| {peak_mb(engine):.1f} |"
            )
            print(
                f"| {name}, baseline: a query a person | {timed(one_by_one, engine, args.runs)} | |"
            )
            engine.dispose()


if __name__ == "__main__":
    main()
