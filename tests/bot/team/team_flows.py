"""Steps the team view tests share: store someone's absence, ask for a team, read the answer."""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from storage import responder_queries
from storage.db import session_scope
from storage.models import ResponderRow
from tests.conftest import NOW
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

PARIS = ZoneInfo("Europe/Paris")
SECRET = "my private words, never shown to the team"


def on(day: int, month: int = 11, hour: int = 0) -> datetime:
    """A moment in Paris in late 2026."""
    return datetime(2026, month, day, hour, tzinfo=PARIS).astimezone(UTC)


def away(
    engine: Engine,
    owner: str,
    start: datetime,
    end: datetime | None,
    *,
    kind: str = "personal",
    team_id: str = "T0001",
    backup: str | None = None,
) -> ResponderRow:
    """Store a responder for `owner`, as the form would have."""
    row = ResponderRow(
        team_id=team_id,
        owner_id=owner,
        kind=kind,
        starts_at=start,
        ends_at=end,
        tz="Europe/Paris",
        message=SECRET,
        external_message=f"{SECRET} (external)",
        backup_id=backup,
        created_at=NOW,
        updated_at=NOW,
    )
    with session_scope(engine) as session:
        return responder_queries.add_responder(session, responder=row)


def ask(slack: SlackDriver, fake: FakeSlack, user: str, text: str) -> dict[str, Any]:
    """Type `/ooo team …` and return the answer it sent to the response_url afterwards."""
    reply = slack.command(user, f"team {text}".strip())
    assert reply.status == 200, reply.text
    if reply.text:
        return dict(reply.json())
    answers = fake.responses(reply.response_url or "")
    assert answers, f"/ooo team {text} answered nothing"
    return answers[-1]
