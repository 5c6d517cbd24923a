"""Shared fixtures: a database per backend, the fake Slack, a clock, and the app over real HTTP."""

import os
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from slack_bolt import App
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from bot.app import build_services, create_app
from bot.config import Settings
from bot.home.followups import Followups
from bot.outbox.worker import EffectWorker
from bot.scheduler import Scheduler
from bot.services import Services
from bot.web import http_server, stop
from storage.db import lock_timed_out, make_engine, migrate
from tests.support.clock import FakeClock
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.forked_ooo import Forks
from tests.support.sqlite_writers import complaint, found, watch

SIGNING_SECRET = "test-signing-secret"
POSTGRES_ADMIN = os.environ.get("OOO_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
# Friday 27 November 2026, 10:00 UTC (11:00 in Paris, 05:00 in New York).
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)

watch()


@pytest.fixture(autouse=True)
def writers_begin_as_writers() -> Iterator[None]:
    """Fail a test during which a SQLite transaction wrote after reading, not begun as a writer."""
    found()  # what a previous test's stray thread left is not this test's
    yield
    if wrong := complaint():
        pytest.fail(wrong)


@contextmanager
def postgres_database() -> Iterator[str]:
    """Create a throwaway PostgreSQL database, or skip when there is no server (never in CI)."""
    name = f"ooo_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL is not available: {error}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """One migrated PostgreSQL database for the whole run."""
    with postgres_database() as url:
        engine = make_engine(url)
        migrate(engine)
        yield engine
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A migrated, empty database on each backend."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "ooo.db"
        sqlite = make_engine(f"sqlite:///{path}")
        migrate(sqlite)
        yield sqlite
        sqlite.dispose()
        return
    postgres: Engine = request.getfixturevalue("postgres_engine")
    yield postgres
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with postgres.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def forks() -> Iterator[Forks]:
    """What starts the real-process tests' `ooo run`s, each booting in a fraction of a second."""
    parent = Forks()
    yield parent
    parent.close()


@pytest.fixture
def clock() -> FakeClock:
    """A clock that stands still until a test moves it."""
    return FakeClock(NOW)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """The fake Slack, with Alice (Paris), Bob (New York), Carol (London, en-GB) and friends."""
    with FakeSlack() as slack:
        slack.add_user("UALICE", "alice", tz="Europe/Paris", locale="en-US")
        slack.add_user("UBOB", "bob", tz="America/New_York", locale="en-US")
        slack.add_user("UCAROL", "carol", tz="Europe/London", locale="en-GB")
        slack.add_user("UDIDIER", "didier", tz="Europe/Paris", locale="fr-FR")
        slack.add_channel("C0GENERAL", "general", members=["UALICE", "UBOB", "UCAROL", "UBOT"])
        slack.add_channel("C0SUPPORT", "support", members=["UALICE", "UBOB"])
        slack.add_usergroup("S0ONCALL", "oncall", "On-call engineers", users=["UALICE", "UBOB"])
        yield slack
        slack.assert_no_rejections()


def settings_for(fake: FakeSlack, engine: Engine) -> Settings:
    """Settings that point the app at the fake Slack and the test database."""
    return Settings(
        slack_bot_token=fake.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=engine.url.render_as_string(hide_password=False),
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
def services(engine: Engine, clock: FakeClock, app_settings: Settings) -> Iterator[Services]:
    """The app's services in the settings' mode, as the composition root builds them; nothing is
    started: tests settle follow-ups, run scheduler passes and deliver effects by hand."""
    built = build_services(app_settings, engine, clock)
    yield built
    built.close()


@pytest.fixture
def followups(services: Services) -> Followups:
    """The app's follow-up pool (closed, its queue drained, when the test ends)."""
    return services.followups


@pytest.fixture
def effects(services: Services) -> EffectWorker:
    """The outbox's workers, not started: tests deliver with `deliver_due`."""
    return services.outbox


@pytest.fixture
def scheduler(services: Services) -> Scheduler:
    """The scheduler, not started: tests run its passes by hand."""
    return services.scheduler


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """How the served app is configured: one workspace on the fake (distributed tests override)."""
    return settings_for(fake, engine)


@contextmanager
def served(engine: Engine, app: App | None, services: Services) -> Iterator[str]:
    """ooo's HTTP server on a free loopback port (without Bolt: as beside Socket Mode)."""
    server = http_server(
        engine,
        app,
        host="127.0.0.1",
        port=0,
        accounts=services.accounts,
        feeds=services.feed_reader,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    stop(server)
    thread.join(timeout=5)


@pytest.fixture
def app_url(engine: Engine, services: Services) -> Iterator[str]:
    """The app served by waitress on a free loopback port."""
    with served(engine, create_app(services), services) as url:
        yield url


class SettlingDriver(SlackDriver):
    """A driver that, after each answer, lets what the request set going land: its follow-ups,
    and the scheduler pass and deliveries its nudge would cause."""

    def __init__(
        self,
        app_url: str,
        fake: FakeSlack,
        followups: Followups,
        scheduler: Scheduler | None = None,
        effects: EffectWorker | None = None,
        **options: Any,
    ) -> None:
        super().__init__(app_url, SIGNING_SECRET, fake, **options)
        self.followups, self.scheduler, self.effects = followups, scheduler, effects

    def send(self, *args: Any, **kwargs: Any) -> Reply:
        """Send as Slack does, then let the app's DMs, Home tabs and effects land."""
        reply = super().send(*args, **kwargs)
        self.settle()
        return reply

    def settle(self) -> None:
        """Deliver whatever is due now, including effects that queue more effects."""
        self.followups.join()
        try:
            if self.scheduler is not None:
                self.scheduler.run()
            while self.effects is not None and self.effects.deliver_due():
                pass
        except DBAPIError as error:
            # A test holding the write lock meanwhile: the effects stay due for the next send.
            if not lock_timed_out(error):
                raise


@pytest.fixture
def slack(
    app_url: str,
    fake: FakeSlack,
    followups: Followups,
    scheduler: Scheduler,
    effects: EffectWorker,
) -> SettlingDriver:
    """A driver that signs requests like Slack and posts them to the app."""
    return SettlingDriver(
        f"{app_url}/slack/events", fake, followups, scheduler=scheduler, effects=effects
    )


# The organisation flows (types, working days, acting for others, closures, exports) drive ooo
# through the fake Slack, and read and write the database as every other flow does: on
# PostgreSQL only what races or runs on replicas tells anything SQLite does not.
FLOWS = ("exports", "closures", "organisation", "on_behalf", "workdays")
SQLITE_FLOWS = tuple(f"tests/bot/{part}/" for part in FLOWS)
RACES = re.compile(r"replica|concurren|race|twice|double|at_once|two_admins|once")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the organisation flows on SQLite, and their races on PostgreSQL too."""
    kept, left = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        flow = item.nodeid.startswith(SQLITE_FLOWS)
        if flow and params.get("engine") == "postgres" and not RACES.search(item.name):
            left.append(item)
        else:
            kept.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
