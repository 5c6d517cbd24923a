"""`ooo data`: print everything stored about a person as JSON, or erase it."""

import argparse
import json

from sqlalchemy import Engine

from bot.accounts import personal_data
from bot.cli.environment import settings_of
from bot.config import DatabaseSettings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `data` subcommands."""
    data = subparsers.add_parser("data", help="what ooo stores about a person")
    commands = data.add_subparsers(dest="data_command", required=True)
    for name, run, summary in (
        ("export", _export, "print everything stored about a person, as JSON"),
        ("delete", _delete, "erase everything stored about a person"),
    ):
        command = commands.add_parser(name, help=summary)
        command.add_argument("--team", required=True, help="the workspace's team id, T…")
        command.add_argument("--user", required=True, help="the person's user id, U… or W…")
        command.set_defaults(func=run)


def _engine() -> Engine:
    """The database of the settings, migrated."""
    from storage.db import make_engine, migrate

    settings = settings_of(DatabaseSettings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    return engine


def _export(args: argparse.Namespace) -> int:
    """Print the person's data as one JSON document."""
    found = personal_data.export(_engine(), team_id=args.team, user_id=args.user)
    print(json.dumps(found, indent=2, ensure_ascii=False))
    return 0


def _delete(args: argparse.Namespace) -> int:
    """Erase the person's data and say what was removed."""
    removed = personal_data.erase(_engine(), team_id=args.team, user_id=args.user)
    summary = ", ".join(f"{what} {count}" for what, count in removed.items())
    print(f"erased {args.user} in {args.team}: {summary}")
    return 0
