"""`ooo audit`: print what was done for someone else, one JSON object a line."""

import argparse
import json
import sys
from datetime import UTC, date, datetime, time
from typing import TextIO

from bot.cli.environment import settings_of
from bot.config import DatabaseSettings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `audit` subcommand."""
    parser = subparsers.add_parser(
        "audit", help="print what was done for someone else, as JSON lines"
    )
    parser.add_argument("--team", help="only this workspace's team id, T…")
    parser.add_argument("--since", help="only from this day on (YYYY-MM-DD, UTC)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stdout: TextIO | None = None) -> int:
    """Print each entry, oldest first: who, for whom, what, on which absence, when, and dates."""
    try:
        since = (
            # An empty --since is a mistake, not "no filter": only leaving it out means everything.
            None
            if args.since is None
            else datetime.combine(date.fromisoformat(args.since), time(0), UTC)
        )
    except ValueError:
        print(f"ooo audit: --since {args.since!r} is not a day like 2026-12-31", file=sys.stderr)
        return 2
    settings = settings_of(DatabaseSettings)
    from bot.on_behalf.audit import entries_as_json
    from storage.db import make_engine, migrate

    engine = make_engine(settings.database_url)
    migrate(engine)
    stdout = stdout or sys.stdout
    for entry in entries_as_json(engine, team_id=args.team, since=since):
        stdout.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    return 0
