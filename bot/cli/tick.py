"""`ooo tick`: run every sweep once by hand and print what it did."""

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.cli.environment import settings_of
from bot.clock import system_clock
from bot.config import DatabaseSettings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `tick` subcommand."""
    parser = subparsers.add_parser(
        "tick", help="run every sweep due now (transitions, digests, purges)"
    )
    parser.add_argument("--now", help="ISO-8601 instant to reconcile at (default: now)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stdout: TextIO | None = None) -> int:
    """Apply what is due (safe beside running apps) and print one line per transition."""
    try:
        now = _instant(args.now) if args.now else system_clock()
    except ValueError:
        print(f"ooo tick: --now {args.now!r} is not an ISO-8601 instant", file=sys.stderr)
        return 2
    settings = settings_of(DatabaseSettings)
    from bot.app import sweeps
    from bot.responders.transitions import TRANSITIONS, apply_due
    from bot.scheduler import tick
    from storage.db import make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    # The transitions in detail, then the other sweeps by how much each did.
    applied = apply_due(engine, now)
    others = tick(engine, now, [s for s in sweeps(settings) if s.name != TRANSITIONS])
    stdout = stdout or sys.stdout
    for one in applied:
        stdout.write(
            f"responder {one.responder_id} ({one.owner_id}): {one.move}, due "
            f"{one.due_since.isoformat()}, {one.effects} effects queued\n"
        )
    stdout.writelines(f"{name}: {count}\n" for name, count in others.items() if count)
    stdout.write(f"{len(applied)} transitions applied at {now.astimezone(UTC).isoformat()}\n")
    return 0


def _instant(text: str) -> datetime:
    """Read an ISO-8601 instant; one without an offset is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
