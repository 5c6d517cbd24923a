"""The `ooo` command: run the app, migrate the database, check dates, manage keys and data,
read the audit log."""

import argparse
import sys

from bot.cli import audit, data, dates, db, export, keys, run, tick
from bot.config import ConfigError

# One module per subcommand, each adding its own parser; in the order `ooo --help` lists them.
SUBCOMMANDS = (run, db, dates, tick, keys, data, export, audit)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen subcommand."""
    parser = argparse.ArgumentParser(prog="ooo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for subcommand in SUBCOMMANDS:
        subcommand.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
