"""No secret reaches a log line at DEBUG, or the database (SQLite's file and WAL) in clear."""

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from bot.logs import configure_logging
from tests.bot.accounts.conftest import (
    ALICE,
    CLIENT_ID,
    CLIENT_SECRET,
    KEY,
    STATE_SECRET,
    Background,
    authorize_url,
    distributed_settings,
    driver,
    install,
)
from tests.bot.flows import save
from tests.conftest import SIGNING_SECRET
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

TOKEN_PREFIXES = (b"xoxb-", b"xoxp-", b"xoxe-", b"xoxe.")


@pytest.fixture
def debug_logs(fake: FakeSlack, engine: Engine) -> Iterator[io.StringIO]:
    """Every logger at DEBUG through ooo's own handler, as `LOG_LEVEL=DEBUG ooo run` sets it
    up; what it writes to stderr is kept."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configure_logging("DEBUG", distributed_settings(fake, engine))
    written = io.StringIO()
    [ours] = root.handlers
    assert isinstance(ours, logging.StreamHandler)
    ours.setStream(written)
    yield written
    root.handlers[:] = handlers
    root.setLevel(level)


def scenario(
    browser: httpx.Client, app_url: str, fake: FakeSlack, clock: FakeClock, background: Background
) -> list[str]:
    """Install with token rotation, refresh, use events and commands, send a forged request,
    and fail a code exchange; every state the install pages handed out."""
    fake.register_app(CLIENT_ID, CLIENT_SECRET, rotation=True)
    assert install(browser, app_url, fake, ALICE).status_code == 200
    alice = driver(app_url, fake, background)
    clock.advance(hours=11, minutes=55)
    assert save(alice, fake, ALICE, "tomorrow").status == 200
    assert alice.event({"type": "app_home_opened", "user": ALICE, "tab": "home"}).status == 200
    forged = alice.command(ALICE, "list", signature="v0=" + "0" * 64)
    assert forged.status == 401
    fake.allow("invalid_code")
    state = authorize_url(browser.get(f"{app_url}/slack/install"))["state"]
    failed = browser.get(
        f"{app_url}/slack/oauth_redirect", params={"code": "9.bogus-code", "state": state}
    )
    assert failed.status_code == 401
    return [state]


def test_no_secret_reaches_the_logs_even_at_debug(
    browser: httpx.Client,
    app_url: str,
    fake: FakeSlack,
    clock: FakeClock,
    background: Background,
    debug_logs: io.StringIO,
) -> None:
    states = scenario(browser, app_url, fake, clock, background)

    logged = debug_logs.getvalue()
    secrets = [*fake.issued_secrets(), "9.bogus-code", CLIENT_SECRET, STATE_SECRET, KEY]
    assert "oauth.v2.access" in logged and "refresh_token" in logged  # DEBUG was on
    leaked = [s for s in [*secrets, SIGNING_SECRET, *states] if s in logged]
    assert leaked == []


def stored_bytes(engine: Engine) -> bytes:
    """What the database holds: SQLite's file and WAL as bytes, or every PostgreSQL row as text."""
    if engine.dialect.name == "sqlite":
        database = Path(str(engine.url.database))
        wal = database.with_name(database.name + "-wal")
        assert wal.stat().st_size > 0
        return database.read_bytes() + wal.read_bytes()
    with engine.connect() as connection:
        rows = [
            connection.execute(text(f'SELECT row_to_json(t)::text FROM "{table.name}" t')).all()
            for table in SQLModel.metadata.sorted_tables
        ]
    assert any(rows)
    return "".join(row[0] for table_rows in rows for row in table_rows).encode()


def test_no_token_is_readable_in_the_database_file_or_its_wal(
    browser: httpx.Client,
    app_url: str,
    fake: FakeSlack,
    clock: FakeClock,
    background: Background,
    engine: Engine,
) -> None:
    scenario(browser, app_url, fake, clock, background)

    contents = stored_bytes(engine)
    assert [prefix for prefix in TOKEN_PREFIXES if prefix in contents] == []
    assert [s for s in fake.issued_secrets() if s.encode() in contents] == []
