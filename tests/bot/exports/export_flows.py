"""Steps the export tests share: store a typed absence, ask for an export, read the CSV back."""

import csv
import io
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from bot.core.export_csv import BOM
from storage import responder_queries
from storage.db import session_scope
from storage.models import ResponderRow
from tests.bot.team.team_flows import SECRET
from tests.conftest import NOW
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

HEADER = ["Name", "User ID", "Type", "Start", "End", "Time zone", "Working days"]


def away(
    engine: Engine,
    owner: str,
    start: datetime,
    end: datetime | None,
    *,
    leave_type: str | None = "vacation",
    hide_reason: bool | None = None,
    tz: str = "Europe/Paris",
    kind: str = "personal",
    team_id: str = "T0001",
) -> ResponderRow:
    """Store an absence of `owner` of a type, as the form would have."""
    row = ResponderRow(
        team_id=team_id,
        owner_id=owner,
        kind=kind,
        starts_at=start,
        ends_at=end,
        tz=tz,
        message=SECRET,
        leave_type=leave_type,
        hide_reason=hide_reason,
        created_at=NOW,
        updated_at=NOW,
    )
    with session_scope(engine) as session:
        return responder_queries.add_responder(session, responder=row)


def export(slack: SlackDriver, fake: FakeSlack, user: str, words: str) -> tuple[str, str]:
    """Type `/ooo team export …`: what it answered at once, and what it said afterwards."""
    reply = slack.command(user, f"team export {words}".strip())
    assert reply.status == 200, reply.text
    answers = fake.responses(reply.response_url or "")
    assert answers, f"/ooo team export {words} said nothing afterwards"
    return str(reply.json()["text"]), str(answers[-1]["text"])


def sent_csv(fake: FakeSlack, user: str) -> list[list[str]]:
    """The rows of the one CSV in the person's DM with ooo, read back with `csv`."""
    [shared] = fake.files_in(user)
    assert shared.content is not None
    text = shared.content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def by_person(rows: list[list[str]]) -> dict[str, list[str]]:
    """The data rows by user id (each person once)."""
    return {row[1]: row for row in rows[1:]}


def file_message(fake: FakeSlack, user: str) -> dict[str, Any]:
    """The DM that shared the file."""
    message = fake.last_dm(user)
    assert message is not None and message.get("files")
    return message
