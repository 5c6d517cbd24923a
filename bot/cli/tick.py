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
    parser = subparsers.add_parser("tick", help="apply the responder transitions due now")
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
    from bot.responders.transitions import TRANSITIONS
    from bot.scheduler import tick
    from storage.db import make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    done = tick(engine, now, sweeps(settings))
    stdout = stdout or sys.stdout
    stdout.writelines(f"{line}\n" for lines in done.values() for line in lines)
    applied = len(done[TRANSITIONS])
    stdout.write(f"{applied} transitions applied at {now.astimezone(UTC).isoformat()}\n")
    return 0


def _instant(text: str) -> datetime:
    """Read an ISO-8601 instant; one without an offset is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
