"""OOO_ENCRYPTION_KEY at work: checking that it opens the stored tokens, and re-sealing them."""

from sqlalchemy import Engine

from bot.accounts.vault import Vault, WrongKey
from bot.config import problem
from storage import installation_queries as stored
from storage.db import session_scope

SEALED = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
WRONG_KEY = (
    "does not open the tokens stored in the database: start with the key that sealed them "
    "(after changing keys, re-seal them with `ooo keys rotate --old OLD_KEY`)"
)
NEITHER_KEY = "neither it nor --old opens the stored tokens; nothing was changed"


def check_key(engine: Engine, vault: Vault) -> int:
    """Fail closed unless the key opens every stored token; return how many it opened."""
    opened = 0
    with session_scope(engine) as session:
        for row in stored.every_installation(session):
            for sealed in filter(None, (getattr(row, column) for column in SEALED)):
                try:
                    vault.open(sealed)
                except WrongKey:
                    raise problem("OOO_ENCRYPTION_KEY", WRONG_KEY) from None
                opened += 1
    return opened


def rotate_key(engine: Engine, vault: Vault) -> int:
    """Re-seal every stored token under the vault's current key, all or nothing; the count."""
    resealed = 0
    with session_scope(engine) as session:
        for row in stored.every_installation(session):
            for column in SEALED:
                if (sealed := getattr(row, column)) is None:
                    continue
                try:
                    setattr(row, column, vault.reseal(sealed))
                except WrongKey:
                    raise problem("OOO_ENCRYPTION_KEY", NEITHER_KEY) from None
                resealed += 1
            session.add(row)
    return resealed
