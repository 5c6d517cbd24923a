"""Steps the closure tests share: close as an admin, confirm, read what was stored."""

from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from bot.blocks.closures import CLOSE
from storage.db import session_scope
from storage.models import AuditEntry, ClosureMember, ResponderRow
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

CHRISTMAS = "24 Dec to 1 Jan Office closed for the holidays"


def answers(fake: FakeSlack, response_url: str | None) -> list[dict[str, Any]]:
    """What ooo sent to a command's or a click's response_url, oldest first."""
    return fake.responses(response_url or "")


def ask_to_close(slack: SlackDriver, fake: FakeSlack, user: str, words: str) -> dict[str, Any]:
    """Type `/ooo admin close …` and return the confirmation (or refusal) that came after."""
    reply = slack.command(user, f"admin close {words}")
    assert reply.status == 200, reply.text
    sent = answers(fake, reply.response_url)
    return sent[-1] if sent else reply.json()


def close(slack: SlackDriver, fake: FakeSlack, user: str, words: str) -> list[dict[str, Any]]:
    """Close and confirm with Close; return what the click's response_url got."""
    confirmation = ask_to_close(slack, fake, user, words)
    reply = slack.click(user, action_id=CLOSE, message=confirmation)
    assert reply.status == 200, reply.text
    return answers(fake, reply.response_url)


def closure_rows(engine: Engine, owner: str | None = None) -> list[ResponderRow]:
    """The responders closures gave, not deleted, by owner then start."""
    with session_scope(engine) as session:
        query = select(ResponderRow).where(
            col(ResponderRow.closure_id).is_not(None), col(ResponderRow.deleted_at).is_(None)
        )
        if owner is not None:
            query = query.where(col(ResponderRow.owner_id) == owner)
        order = (col(ResponderRow.owner_id), col(ResponderRow.starts_at))
        return list(session.exec(query.order_by(*order)))


def states(engine: Engine) -> dict[str, str]:
    """What the closures did for each member."""
    with session_scope(engine) as session:
        return {m.user_id: m.state for m in session.exec(select(ClosureMember))}


def audited(engine: Engine) -> list[AuditEntry]:
    """Every action recorded as taken for someone else."""
    with session_scope(engine) as session:
        return list(session.exec(select(AuditEntry).order_by(col(AuditEntry.subject_id))))
