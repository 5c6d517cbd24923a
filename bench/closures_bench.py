"""A closure for 10,000 members applied: how long, how many rows a second, how much memory.

Slack is left out (the members, each with their zone, are given as one users.list pass would
give them: 1 in 50 a bot, 1 in 100 deactivated, time zones from Honolulu to Auckland); what is
timed is what ooo does itself once Close is clicked, `bot.closures.applying.apply_to`: a chunk
of members per transaction, their own absences read in one query, the plan, the responders,
each member's outcome, the audit and one DM effect each, in bulk. A fifth of the members
already have an absence inside the closure, so the plan goes round it.

Baseline, in the same run: 500 members given the same absence one by one through the path a
person's own absence takes (`bot.responders.changes.save` under the owner's lock, one
transaction each, as calendars do), extrapolated to the same number of members.

Targets (wall on an idle 2-core machine): 10,000 members applied in at most 30 s on SQLite and
on PostgreSQL, the process's peak memory under 300 MB.
Usage: python bench/closures_bench.py [--members 10000] [--baseline 500] [--postgres URL]
"""

import argparse
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, func
from sqlmodel import select

from bench.refresh_measures import PeakMemory
from bench.team_bench import databases
from bot.closures.applying import apply_to
from bot.core.closures import Closure, Member, member_window
from bot.core.dates import DateRange
from bot.core.leave_types import Builtin
from bot.core.responder import Draft, Kind
from bot.core.workspace import Workspace
from bot.responders.changes import save
from bot.responders.use_cases import owner_transaction
from storage.db import make_engine, migrate, session_scope
from storage.models import ClosureRow, ResponderRow

ACME = Workspace("T0BENCH")
NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)
FIRST, LAST = date(2026, 12, 24), date(2027, 1, 1)
ZONES = (
    "Pacific/Honolulu",
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Paris",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)
TARGET_S, TARGET_MB = 30.0, 300.0


def members(count: int, prefix: str = "U") -> list[Member]:
    """The members as users.list gives them: zones in turn, a few bots and deactivated people."""
    return [
        Member(
            user_id=f"{prefix}{n:06d}",
            tz=ZONES[n % len(ZONES)],
            is_bot=n % 50 == 49,
            deleted=n % 100 == 98,
        )
        for n in range(count)
    ]


def give_absences(engine: Engine, people: list[Member]) -> None:
    """A fifth of the members are already away for two days inside the closure."""
    rows = []
    for member in people[::5]:
        zone = ZoneInfo(member.tz)
        start = datetime(2026, 12, 28, tzinfo=zone)
        rows.append(
            ResponderRow(
                team_id=ACME.team_id,
                owner_id=member.user_id,
                kind="personal",
                starts_at=start,
                ends_at=start + timedelta(days=2),
                tz=member.tz,
                message="Away",
                due_at=start,
                created_at=NOW,
                updated_at=NOW,
            )
        )
    with session_scope(engine) as session:
        session.add_all(rows)


def closure(engine: Engine) -> ClosureRow:
    """The closure as Close finds it: stored, claimed."""
    row = ClosureRow(
        team_id=ACME.team_id,
        created_by="UADMIN",
        scope="everyone",
        first_day=FIRST,
        last_day=LAST,
        message="Office closed for the holidays",
        created_at=NOW,
        applied_at=NOW,
    )
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        session.refresh(row)
        session.expunge(row)
    return row


def responders(engine: Engine) -> int:
    """How many responders the database holds."""
    with session_scope(engine) as session:
        return int(session.exec(select(func.count()).select_from(ResponderRow)).one())


def bulk(engine: Engine, people: list[Member]) -> tuple[float, float, int, float]:
    """Apply a closure to everyone: wall and CPU seconds, rows made, peak memory (MB)."""
    give_absences(engine, people)
    before, row = responders(engine), closure(engine)
    memory = PeakMemory()
    began, began_cpu = time.perf_counter(), time.process_time()
    apply_to(engine, row, people, tz="Europe/Paris", now=NOW)
    wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    _grown, peak = memory.stop()
    return wall, cpu, responders(engine) - before, peak


def one_by_one(engine: Engine, people: list[Member]) -> tuple[float, float, int]:
    """The same absence saved for each member in a transaction of their own, as a person's."""
    whole = Closure(FIRST, LAST, "Europe/Paris")
    began, began_cpu = time.perf_counter(), time.process_time()
    for member in people:
        start, end = member_window(whole, member.tz)
        draft = Draft(
            kind=Kind.PERSONAL,
            target_id=None,
            window=DateRange(start, end),
            external_message=None,
            forward_to=None,
            message="Office closed for the holidays",
            leave_type=Builtin.CLOSURE.value,
        )
        with owner_transaction(engine, workspace=ACME, owner_id=member.user_id) as session:
            save(
                session,
                workspace=ACME,
                owner_id=member.user_id,
                draft=draft,
                tz=member.tz,
                label=None,
                responder_id=None,
                now=NOW,
            )
    return time.perf_counter() - began, time.process_time() - began_cpu, len(people)


def main() -> None:
    """Print the table: the bulk closure and the one-by-one baseline, per database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=500)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(
        "| database, path | members | s | CPU s | responders | rows/s | peak MB "
        f"| target (≤ {TARGET_S:.0f} s, < {TARGET_MB:.0f} MB) |"
    )
    print("|---" * 8 + "|")
    with databases(args.postgres) as found:
        for name, url in found:
            engine = make_engine(url)
            migrate(engine)
            wall, cpu, made, peak = bulk(engine, members(args.members))
            met = "met" if wall <= TARGET_S and peak < TARGET_MB else "NOT met"
            print(
                f"| {name}, closure in bulk | {args.members} | {wall:.1f} | {cpu:.1f} | {made} "
                f"| {made / wall:.0f} | {peak:.0f} | {met} |"
            )
            few = members(args.baseline, prefix="B")
            base_wall, base_cpu, saved = one_by_one(engine, [m for m in few if not m.is_bot])
            scale = args.members / args.baseline
            print(
                f"| {name}, baseline: one by one ({args.baseline}, x{scale:.0f}) | {args.members} "
                f"| {base_wall * scale:.1f} | {base_cpu * scale:.1f} | {saved} "
                f"| {saved / base_wall:.0f} | | |"
            )
            engine.dispose()


if __name__ == "__main__":
    main()
