"""`ooo db upgrade`: apply pending migrations and stop."""

import argparse
import logging

from bot.cli.environment import settings_of
from bot.config import DatabaseSettings

logger = logging.getLogger("ooo")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `db` subcommands."""
    db = subparsers.add_parser("db", help="database maintenance")
    commands = db.add_subparsers(dest="db_command", required=True)
    commands.add_parser("upgrade", help="apply pending migrations").set_defaults(func=_upgrade)


def _upgrade(_args: argparse.Namespace) -> int:
    """Apply migrations and stop."""
    from storage.db import make_engine, migrate

    migrate(make_engine(settings_of(DatabaseSettings).database_url))
    logger.info("database is up to date")
    return 0
