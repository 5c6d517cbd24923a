"""Server-side time of a team view: a 1,000-person group against 100,000 stored responders.

Slack calls are left out (the members are known): what is timed is what ooo does itself, the
responder query, the overview and the Block Kit pages. Each database is filled once (responders
of 20,000 people, five each on average, the group's 1,000 among them, over a year around now);
then the view is built `--runs` times for a 14-day window. Prints p50/p99/max per database,
next to the query alone in the same run. Target: p99 under 200 ms.
Usage: python bench/team_bench.py [--runs 200] [--postgres URL] [--responders 100000]
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import Engine, insert, text

from bot.blocks.team_view import team_message
from bot.core.team import window_from_text
from bot.core.workspace import Workspace
from bot.team.members import Team
from bot.team.view import overview_of
from storage import team_queries
from storage.db import make_engine, migrate, session_scope
from storage.models import ResponderRow

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ACME = Workspace("T0001")
GROUP = [f"U{n:06d}" for n in range(1000)]


def fill(engine: Engine, responders: int) -> None:
    """Store responders of 20,000 people, the group's among them, over a year around now."""
    rng = random.Random(7)
    people = GROUP + [f"W{n:06d}" for n in range(19_000)]
    rows = []
    for _ in range(responders):
        start = NOW + timedelta(hours=rng.randint(-180 * 24, 180 * 24))
        rows.append(
            {
                "team_id": ACME.team_id,
                "enterprise_id": None,
                "owner_id": rng.choice(people),
                "kind": "personal",
                "starts_at": start,
                "ends_at": start + timedelta(days=rng.randint(1, 14)),
                "tz": "Europe/Paris",
                "message": "Out of office, back soon. " * 4,
                "keep_digest": True,
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    with engine.begin() as connection:
        for at in range(0, len(rows), 5000):
            connection.execute(insert(ResponderRow), rows[at : at + 5000])
    # The statistics autovacuum (PostgreSQL) would have gathered by now; SQLite's planner too.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))


def timed(
    action: Callable[[Engine], object], engine: Engine, runs: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds per run, after one warm-up."""
    action(engine)
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        action(engine)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return wall, cpu


def view_once(engine: Engine) -> int:
    """Build the overview and its first page, as /ooo team does once members are read."""
    window = window_from_text("", now=NOW, tz="Europe/Paris")
    team = Team("S0BIG", "@everyone", GROUP)
    view = overview_of(engine, team, workspace=ACME, window=window, now=NOW, coverage=50)
    _, blocks = team_message("Who is out", "@everyone", view, coverage=50, page=0, state={})
    return len(blocks)


def query_once(engine: Engine) -> int:
    """Only the responder query."""
    window = window_from_text("", now=NOW, tz="Europe/Paris")
    with session_scope(engine) as session:
        found = team_queries.team_absences(
            session, workspace=ACME, people=GROUP, start=window.start, end=window.end
        )
    return len(found)


@contextmanager
def databases(postgres: str | None) -> Iterator[list[tuple[str, str]]]:
    """A fresh SQLite file and, if reachable, a throwaway PostgreSQL database."""
    with TemporaryDirectory() as folder:
        found = [("SQLite", f"sqlite:///{folder}/bench.db")]
        name = f"ooo_bench_{uuid.uuid4().hex[:8]}"
        admin = None
        if postgres:
            try:
                admin = psycopg.connect(postgres, autocommit=True, connect_timeout=3)
                admin.execute(f'CREATE DATABASE "{name}"')
                found.append(("PostgreSQL", postgres.rsplit("/", 1)[0] + f"/{name}"))
            except psycopg.OperationalError as error:
                print(f"PostgreSQL skipped: {error}", file=sys.stderr)
        try:
            yield found
        finally:
            if admin is not None:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                admin.close()


def row(label: str, spent: tuple[list[float], list[float]]) -> str:
    """One line of the table: wall-clock p50, p99 and max, then CPU p50 and p99."""
    wall, cpu = sorted(spent[0]), sorted(spent[1])

    def p99(ordered: list[float]) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    return (
        f"| {label} | {statistics.median(wall):.1f} | {p99(wall):.1f} | {wall[-1]:.1f} "
        f"| {statistics.median(cpu):.1f} | {p99(cpu):.1f} |"
    )


def measure(name: str, engine: Engine, runs: int) -> None:
    """Print the view, its query, and the query once the team index is dropped."""
    away = query_once(engine)
    print(row(f"{name}, team view ({away} absences in 14 days)", timed(view_once, engine, runs)))
    print(row(f"{name}, its query alone", timed(query_once, engine, runs)))
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_responder_team_owner_start"))
    print(row(f"{name}, the query without the team index", timed(query_once, engine, runs)))


def main() -> None:
    """Fill each database, time the view and the query alone, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--responders", type=int, default=100_000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("| database, step | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |")
    print("|---|---|---|---|---|---|")
    with databases(args.postgres) as found:
        for name, url in found:
            engine = make_engine(url)
            migrate(engine)
            fill(engine, args.responders)
            measure(name, engine, args.runs)
            engine.dispose()


if __name__ == "__main__":
    main()
