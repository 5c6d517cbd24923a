"""Real processes in real time: `ooo run` serves, survives a restart, replicas share a database."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from storage.db import session_scope
from storage.models import ResponderRow
from tests.bot.flows import stored
from tests.conftest import SIGNING_SECRET, postgres_database
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket_mode import FakeSocketMode, SocketModeDriver

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(fake: FakeSlack, database_url: str, port: int, **variables: str) -> dict[str, str]:
    """What `ooo run` needs to serve on `port` against the fake Slack and a database."""
    return {
        **os.environ,
        "SLACK_BOT_TOKEN": fake.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": database_url,
        "SLACK_APP_TOKEN": "",
        "PORT": str(port),
        **variables,
    }


def start(
    fake: FakeSlack, database_url: str, *flags: str, **variables: str
) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m bot run` (HTTP unless told otherwise) on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--host", "127.0.0.1", *flags],
        cwd=ROOT,
        env=environment(fake, database_url, port, **variables),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}"


def run_to_end(
    fake: FakeSlack, database_url: str, *flags: str, **variables: str
) -> subprocess.CompletedProcess[str]:
    """Run `ooo run` expecting it to stop by itself, and return what it printed."""
    process, _ = start(fake, database_url, *flags, **variables)
    _, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, "", stderr)


def wait_healthy(process: subprocess.Popen[str], url: str) -> None:
    """Wait until /healthz answers 200, failing with the process's stderr if it dies."""
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"ooo exited with {process.returncode}: {process.stderr.read()}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "ooo did not become healthy in 30 s"
        time.sleep(0.1)


@contextmanager
def ooo_run(fake: FakeSlack, *database_urls: str, **variables: str) -> Iterator[list[str]]:
    """Run one `ooo` process per database URL, all started at once; yield their URLs."""
    started = [start(fake, url, **variables) for url in database_urls]
    try:
        for process, url in started:
            wait_healthy(process, url)
        yield [url for _, url in started]
    finally:
        for process, _ in started:
            process.terminate()
        ended = [process.communicate(timeout=10) for process, _ in started]
    assert [process.returncode for process, _ in started] == [0] * len(started), ended
    for _, stderr in ended:
        # Bolt, left to read the environment, warned here about a token it was handed twice.
        assert "Traceback" not in stderr and "WARNING slack_bolt" not in stderr, stderr


def test_it_serves_slack_keeps_data_across_a_restart(fake: FakeSlack, engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with ooo_run(fake, url) as [app]:
        driver = SlackDriver(f"{app}/slack/events", SIGNING_SECRET, fake)
        driver.command("UALICE", "until further notice")
        modal = fake.modal("UALICE")
        assert modal is not None
        assert driver.submit("UALICE", modal["id"]).status == 200
    # Stopped right after the answer: the queued confirmation still went out.
    assert fake.last_dm("UALICE") is not None
    with ooo_run(fake, url) as [app]:
        driver = SlackDriver(f"{app}/slack/events", SIGNING_SECRET, fake)
        listing = driver.command("UALICE", "list").json()
        assert "until you turn your responder off" in listing["text"]
    assert len(stored(engine)) == 1


def test_it_serves_socket_mode_with_health_and_drains_follow_ups_on_sigterm(
    fake: FakeSlack, engine: Engine
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with FakeSocketMode() as socket:
        fake.serve_socket_mode(socket.url)
        with ooo_run(fake, url, SLACK_APP_TOKEN=fake.app_token, SLACK_SIGNING_SECRET="") as [app]:
            # Without signature checks, Bolt must not be reachable over HTTP in Socket Mode.
            assert httpx.post(f"{app}/slack/events", data={"command": "/ooo"}).status_code == 404
            driver = SocketModeDriver(socket, fake)
            driver.command("UALICE", "until further notice")
            modal = fake.modal("UALICE")
            assert modal is not None
            assert driver.submit("UALICE", modal["id"]).status == 200
        # Stopped right after the ack: the queued confirmation still went out.
        assert fake.last_dm("UALICE") is not None
    assert len(stored(engine)) == 1


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-revoked"}, "SLACK_BOT_TOKEN: Slack refused it (invalid_auth)"),
        (
            {"SLACK_APP_TOKEN": "xapp-1-revoked", "SLACK_SIGNING_SECRET": ""},
            "SLACK_APP_TOKEN: Slack refused it (invalid_auth)",
        ),
        (
            {"SLACK_API_URL": "http://127.0.0.1:{closed}/api/"},
            "SLACK_API_URL: could not reach Slack at http://127.0.0.1:{closed}/api/ (",
        ),
    ],
    ids=["revoked bot token", "revoked app token", "nothing listening"],
)
def test_it_exits_with_2_and_one_line_when_slack_refuses_or_is_unreachable(
    fake: FakeSlack, tmp_path: Path, variables: dict[str, str], expected: str
) -> None:
    closed = str(free_port())
    fake.allow("invalid_auth")
    variables = {name: value.format(closed=closed) for name, value in variables.items()}
    done = run_to_end(fake, f"sqlite:///{tmp_path}/ooo.db", **variables)
    assert done.returncode == 2, done.stderr
    assert expected.format(closed=closed) in done.stderr
    assert "Traceback" not in done.stderr


def test_it_answers_over_http_when_told_even_with_an_app_token(
    fake: FakeSlack, tmp_path: Path
) -> None:
    process, app = start(
        fake, f"sqlite:///{tmp_path}/ooo.db", "--http", SLACK_APP_TOKEN=fake.app_token
    )
    try:
        wait_healthy(process, app)
        driver = SlackDriver(f"{app}/slack/events", SIGNING_SECRET, fake)
        assert driver.command("UALICE", "list").status == 200
    finally:
        process.terminate()
        process.communicate(timeout=10)
    assert "apps.connections.open" not in [call.method for call in fake.calls]


def test_it_exits_with_2_and_no_traceback_on_bad_settings(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "SLACK_BOT_TOKEN" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.postgres
def test_it_lets_two_replicas_migrate_and_serve_one_fresh_postgres_database(
    fake: FakeSlack,
) -> None:
    with postgres_database() as url, ooo_run(fake, url, url) as apps:
        for app in apps:
            driver = SlackDriver(f"{app}/slack/events", SIGNING_SECRET, fake)
            assert driver.command("UALICE", "list").status == 200


@contextmanager
def table_away(engine: Engine, table: str) -> Iterator[None]:
    """A table the app cannot reach for a while, as during a database failover."""
    with engine.begin() as connection:
        connection.execute(text(f"ALTER TABLE {table} RENAME TO {table}_away"))
    try:
        yield
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"ALTER TABLE {table}_away RENAME TO {table}"))


def test_socket_mode_acknowledges_a_message_only_once_it_is_recorded(
    fake: FakeSlack, engine: Engine
) -> None:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        alice = ResponderRow(
            team_id="T0001",
            owner_id="UALICE",
            kind="personal",
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=2),
            tz="Europe/Paris",
            message="I'm away.",
            applied="on",
            due_at=now + timedelta(days=2),
            created_at=now,
            updated_at=now,
        )
        session.add(alice)
    url = engine.url.render_as_string(hide_password=False)
    with FakeSocketMode() as socket:
        fake.serve_socket_mode(socket.url)
        process, app = start(fake, url, SLACK_APP_TOKEN=fake.app_token, SLACK_SIGNING_SECRET="")
        try:
            wait_healthy(process, app)
            driver = SocketModeDriver(socket, fake)
            event = fake.post_as("UBOB", "C0GENERAL", "<@UALICE> the invoice?")
            with table_away(engine, "slack_event"):
                first = driver.event(event, event_id="Ev1", ack_within=3)
                time.sleep(1)  # the outage outlasts the first delivery's work, whenever it runs
            # Slack delivers again only what was not acknowledged.
            if first.status != 200:
                driver.event(event, event_id="Ev1", retry_num=1, retry_reason="timeout")
            deadline = time.monotonic() + 10
            while not fake.ephemerals_to("UBOB") and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            process.terminate()
            process.communicate(timeout=10)
    assert len(fake.ephemerals_to("UBOB")) == 1
    assert first.status == 408
