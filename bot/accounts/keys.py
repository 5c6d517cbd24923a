"""OOO_ENCRYPTION_KEY at work: checking that it opens the stored tokens, and re-sealing them."""

from collections.abc import Iterator

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from bot.accounts.vault import Vault, WrongKey
from bot.config import problem
from storage import account_queries as accounts
from storage import calendar_queries as calendars
from storage import installation_queries as stored
from storage import published_feed_queries as feeds
from storage.db import begin_writing, session_scope

SEALED = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
# A connected account's sealed columns.
ACCOUNT_SEALED = ("token", "refresh_token")
# A published feed's token, kept sealed so its owner can copy its URL again.
FEED_SEALED = ("sealed_token",)
WRONG_KEY = (
    "does not open the tokens stored in the database: start with the key that sealed them "
    "(after changing keys, re-seal them with `ooo keys rotate --old OLD_KEY`)"
)
NEITHER_KEY = "neither it nor --old opens the stored tokens; nothing was changed"


def check_key(engine: Engine, vault: Vault) -> int:
    """Fail closed unless the key opens every stored token; return how many it opened."""
    opened = 0
    with session_scope(engine) as session:
        for row, column in _sealed(session):
            try:
                vault.open(getattr(row, column))
            except WrongKey:
                raise problem("OOO_ENCRYPTION_KEY", WRONG_KEY) from None
            opened += 1
    return opened


def rotate_key(engine: Engine, vault: Vault) -> int:
    """Re-seal every stored token under the vault's current key, all or nothing; the count."""
    resealed = 0
    with session_scope(engine) as session:
        begin_writing(session, "rotate_key")
        for row, column in _sealed(session):
            try:
                setattr(row, column, vault.reseal(getattr(row, column)))
            except WrongKey:
                raise problem("OOO_ENCRYPTION_KEY", NEITHER_KEY) from None
            session.add(row)
            resealed += 1
    return resealed


def _sealed(session: Session) -> Iterator[tuple[SQLModel, str]]:
    """Every stored sealed value, as its row and column: installations', accounts' and
    calendars' and published feeds' (their URLs are secrets too)."""
    tables: list[tuple[list[SQLModel], tuple[str, ...]]] = [
        (list(stored.every_installation(session)), SEALED),
        (list(accounts.every_account(session)), ACCOUNT_SEALED),
        (list(calendars.every_feed(session)), ("url",)),
        (list(feeds.every_sealed_feed(session)), FEED_SEALED),
    ]
    for rows, columns in tables:
        for row in rows:
            yield from ((row, column) for column in columns if getattr(row, column))
