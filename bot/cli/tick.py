"""`ooo tick`: run one reconciliation pass by hand and print what it applied."""

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.clock import system_clock
from bot.config import DatabaseSettings, load_settings
from bot.logs import configure_logging


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
    settings = load_settings(DatabaseSettings)
    configure_logging(settings.log_level)
    from bot.scheduler import tick
    from storage.db import make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    applied = tick(engine, now)
    stdout = stdout or sys.stdout
    for one in applied:
        stdout.write(
            f"responder {one.responder_id} ({one.owner_id}): {one.move}, due "
            f"{one.due_since.isoformat()}, {one.effects} effects queued\n"
        )
    stdout.write(f"{len(applied)} transitions applied at {now.astimezone(UTC).isoformat()}\n")
    return 0


def _instant(text: str) -> datetime:
    """Read an ISO-8601 instant; one without an offset is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
