"""Item 8 attacks: in Socket Mode, events other than messages are not lost when intake fails."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from storage.db import session_scope
from storage.models import ResponderRow
from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket_mode import FakeSocketMode, SocketModeDriver
from tests.test_process import start, table_away, wait_healthy


def _alice_on(engine: Engine) -> None:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        session.add(
            ResponderRow(
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
        )


def _ends(engine: Engine) -> datetime | None:
    with session_scope(engine) as session:
        return session.exec(select(ResponderRow.ends_at)).one()


@pytest.mark.parametrize("table", ["departure", "slack_event", "responder"])
def test_adv_socket_mode_deactivation_during_a_database_outage_is_not_lost(
    fake: FakeSlack, engine: Engine, table: str
) -> None:
    _alice_on(engine)
    before = _ends(engine)
    url = engine.url.render_as_string(hide_password=False)
    deactivated = {"type": "user_change", "user": {"id": "UALICE", "team_id": "T0001", "deleted": True}}
    with FakeSocketMode() as socket:
        fake.serve_socket_mode(socket.url)
        process, app = start(fake, url, SLACK_APP_TOKEN=fake.app_token, SLACK_SIGNING_SECRET="")
        try:
            wait_healthy(process, app)
            driver = SocketModeDriver(socket, fake)
            with table_away(engine, table):
                first = driver.event(deactivated, event_id="EvD1", ack_within=3)
                time.sleep(1)
            if first.status != 200:
                driver.event(deactivated, event_id="EvD1", retry_num=1, retry_reason="timeout")
            deadline = time.monotonic() + 5
            while _ends(engine) == before and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            process.terminate()
            process.communicate(timeout=10)
    assert _ends(engine) != before, f"acknowledged ({first.status}) yet Alice's responder never ended"
