"""Steps the on-behalf tests share: name the admin group, set an absence for someone, read the
audit log."""

import json
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import AuditEntry
from tests.bot.flows import open_form
from tests.bot.on_behalf.conftest import ADA, HR_GROUP
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack


def name_hr(slack: SlackDriver) -> Reply:
    """Ada names @hr the admin group, as Slack escapes the mention."""
    reply = slack.command(ADA, f"admin group <!subteam^{HR_GROUP}|@hr>")
    assert reply.status == 200
    return reply


def set_for(
    slack: SlackDriver, fake: FakeSlack, actor: str, person: str, dates: str, **inputs: object
) -> Reply:
    """`/ooo for @person <dates>`, then save the form it opened."""
    modal = open_form(slack, fake, actor, f"for <@{person}|{person.lower()}> {dates}")
    return slack.submit(actor, modal["id"], inputs)


def audit(engine: Engine) -> list[dict[str, Any]]:
    """Every audit entry, oldest first, as plain values with its detail read."""
    with session_scope(engine) as session:
        rows = session.exec(select(AuditEntry).order_by(col(AuditEntry.id))).all()
        return [row.model_dump() | {"detail": json.loads(row.detail)} for row in rows]
