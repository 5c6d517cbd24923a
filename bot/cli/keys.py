"""`ooo keys`: make a new OOO_ENCRYPTION_KEY, or re-seal the stored tokens under a new one."""

import argparse
import logging

from cryptography.fernet import Fernet

from bot.accounts.keys import rotate_key
from bot.accounts.vault import Vault, generate_key
from bot.cli.environment import settings_of
from bot.config import VaultSettings, problem

logger = logging.getLogger("ooo")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `keys` subcommands."""
    keys = subparsers.add_parser("keys", help="the key that seals stored tokens")
    commands = keys.add_subparsers(dest="keys_command", required=True)
    commands.add_parser("generate", help="print a new key").set_defaults(func=_generate)
    rotate = commands.add_parser(
        "rotate", help="re-seal every stored token under OOO_ENCRYPTION_KEY"
    )
    rotate.add_argument(
        "--old", required=True, help="the key the tokens are sealed with now (--old=KEY)"
    )
    rotate.set_defaults(func=_rotate)


def _generate(_args: argparse.Namespace) -> int:
    """Print a new random key for OOO_ENCRYPTION_KEY."""
    print(generate_key())
    return 0


def _rotate(args: argparse.Namespace) -> int:
    """Re-seal with the current key whatever the old one (or the current one) sealed."""
    from storage.db import make_engine, migrate

    settings = settings_of(VaultSettings)
    if not settings.ooo_encryption_key:
        raise problem("OOO_ENCRYPTION_KEY", "is missing: set it to the new key first")
    try:
        Fernet(args.old)
    except ValueError:
        raise problem("--old", "is not a key made by `ooo keys generate`") from None
    engine = make_engine(settings.database_url)
    migrate(engine)
    count = rotate_key(engine, Vault(settings.ooo_encryption_key, args.old))
    logger.info("re-sealed %d stored tokens under OOO_ENCRYPTION_KEY", count)
    print(f"re-sealed {count} tokens")
    return 0
