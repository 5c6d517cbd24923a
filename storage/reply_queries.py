"""The queries of automatic replies: candidates, event dedupe, the mention ledger, reminders."""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Insert, bindparam, func, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel, col, select

from bot.core.policy import Sent
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage.db import SQLITE_IMMEDIATE
from storage.models import Mention, Reminder, ResponderRow, ResponderVersion, SlackEvent
from storage.responder_queries import in_workspace, not_ended_by
from storage.responder_rows import value_of

REPLIED, ALREADY, HELD, NUDGED = "replied", "already", "held", "nudged"
# An external sender the responder has no message for: kept, not answered.
SILENT = "silent"
ADDRESSED = (REPLIED, ALREADY, HELD, SILENT)


# The hot path's statements are built once, with parameters: building them per message cost
# more than running them.
_LAST_TO_SENDER = select(func.max(Mention.at)).where(
    col(Mention.responder_id) == bindparam("responder_id"),
    col(Mention.sender_id) == bindparam("sender_id"),
    col(Mention.window_key) == bindparam("window_key"),
    col(Mention.outcome) == REPLIED,
)
_SENT_SINCE = select(func.count()).where(
    col(Mention.responder_id) == bindparam("responder_id"),
    col(Mention.outcome) == REPLIED,
    col(Mention.at) > bindparam("since"),
)
# Both in one statement: each statement in the write lock is a turn to wait for (on SQLite,
# the GIL as well).
_SENT = select(_LAST_TO_SENDER.scalar_subquery(), _SENT_SINCE.scalar_subquery())


def responders_version(session: Session) -> int:
    """A number that grows with every change of any responder (see ResponderVersion)."""
    return session.exec(select(ResponderVersion.version)).first() or 0


def not_ended(session: Session, *, workspace: Workspace, now: datetime) -> list[Responder]:
    """Every responder of a workspace on now or still to come (not deleted)."""
    query = select(ResponderRow).where(
        in_workspace(workspace), col(ResponderRow.deleted_at).is_(None), not_ended_by(now)
    )
    return [value_of(row) for row in session.exec(query.order_by(col(ResponderRow.id)))]


def responder_in(session: Session, *, workspace: Workspace, responder_id: int) -> Responder | None:
    """A responder of this workspace, whoever owns it (senders click its reply's buttons)."""
    query = select(ResponderRow).where(in_workspace(workspace), ResponderRow.id == responder_id)
    row = session.exec(query).first()
    return None if row is None else value_of(row)


def lock_for_replies(session: Session, *, workspace: Workspace, keys: Collection[str]) -> None:
    """Serialise replies of these responders (by id) until the transaction ends.

    Call it first in its session. A sender's window is read, then written: two messages from
    Bob at once must not both find it empty. SQLite takes its write lock; PostgreSQL locks
    each key, in order, so messages for different responders don't wait for each other.
    """
    connection = session.connection(execution_options={SQLITE_IMMEDIATE: True})
    if connection.dialect.name == "postgresql":
        for key in sorted(keys):
            session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                {"key": f"ooo-replies:{workspace.team_id}:{key}"},
            )


def _insert_absent(session: Session, model: type[SQLModel], values: dict[str, Any]) -> bool:
    """Insert a row unless its unique key exists; True when it was new.

    On PostgreSQL a row inserted by a transaction still open makes this wait for it: a retry
    arriving mid-delivery finds the first once it commits, or takes over if it rolled back.
    """
    statement = _insert_statement(session.get_bind().dialect.name, model.__tablename__)
    return session.execute(statement, values).first() is not None


@cache
def _insert_statement(dialect: str, table_name: str, returning: str | None = None) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING RETURNING the key (or a column), built once each."""
    table = SQLModel.metadata.tables[table_name]
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    columns = [table.c[returning]] if returning else table.primary_key.columns
    return insert(table).on_conflict_do_nothing().returning(*columns)


def claim_event(session: Session, *, event_id: str, team_id: str, now: datetime) -> bool:
    """Record an event as handled; False when it was already (a retry)."""
    row = {"event_id": event_id, "team_id": team_id, "received_at": now}
    return _insert_absent(session, SlackEvent, row)


def record_mentions(session: Session, *, mentions: Sequence[Mention]) -> set[int]:
    """Keep what responders did about a message, once per message, in one statement.

    Returns the responders whose record is new; one already kept was handled before.
    """
    if not mentions:
        return set()
    statement = _insert_statement(
        session.get_bind().dialect.name, Mention.__tablename__, returning="responder_id"
    )
    rows = [m.model_dump(exclude={"id"}) for m in mentions]
    # Several rows with RETURNING go out as one multi-row INSERT (SQLAlchemy's insertmanyvalues).
    return set(session.execute(statement, rows).scalars())


def sent_to(
    session: Session, *, responder_id: int, sender_id: str, window_key: str, now: datetime
) -> Sent:
    """What a responder already sent: to one sender in this window, and to anyone this hour."""
    last, hour = session.execute(
        _SENT,
        {
            "responder_id": responder_id,
            "sender_id": sender_id,
            "window_key": window_key,
            "since": now - timedelta(hours=1),
        },
    ).one()
    return Sent(last_to_sender=last, last_hour=hour or 0)


def last_nudge(session: Session, *, responder_id: int) -> datetime | None:
    """When the owner was last told, in a channel, that their responder is still on."""
    query = select(func.max(Mention.at)).where(
        Mention.responder_id == responder_id, Mention.outcome == NUDGED
    )
    return session.exec(query).one()


def mentions_of(session: Session, *, responder_id: int) -> list[Mention]:
    """Every message kept for a responder's digest, oldest first."""
    query = select(Mention).where(
        Mention.responder_id == responder_id, col(Mention.outcome).in_(ADDRESSED)
    )
    return list(session.exec(query.order_by(col(Mention.at), col(Mention.id))).all())


def keep_permalink(
    session: Session, *, responder_id: int, channel_id: str, message_ts: str, permalink: str
) -> None:
    """Remember a message's link, so the digest need not ask Slack again."""
    session.execute(
        update(Mention)
        .where(
            col(Mention.responder_id) == responder_id,
            col(Mention.channel_id) == channel_id,
            col(Mention.message_ts) == message_ts,
        )
        .values(permalink=permalink)
    )


def answered(
    session: Session, *, responder_id: int, sender_id: str, channel_id: str, message_ts: str
) -> bool:
    """Whether a responder answered this sender for this message: a reply's buttons are theirs."""
    query = select(Mention.id).where(
        Mention.responder_id == responder_id,
        Mention.sender_id == sender_id,
        Mention.channel_id == channel_id,
        Mention.message_ts == message_ts,
        Mention.outcome == REPLIED,
    )
    return session.exec(query).first() is not None


def ask_reminder(session: Session, *, responder_id: int, sender_id: str, now: datetime) -> bool:
    """Note that someone wants to know when the absence ends; False if they already asked."""
    row = {"responder_id": responder_id, "sender_id": sender_id, "asked_at": now}
    return _insert_absent(session, Reminder, row)


def reminded(session: Session, *, responder_id: int) -> list[str]:
    """Everyone who asked to be told when this responder's absence ends."""
    query = select(Reminder.sender_id).where(Reminder.responder_id == responder_id)
    return list(session.exec(query.order_by(col(Reminder.id))).all())


def counts(session: Session, *, responder_id: int) -> dict[str, int]:
    """How many messages a responder replied to, held back, and so on, by outcome."""
    query = (
        select(Mention.outcome, func.count())
        .where(Mention.responder_id == responder_id)
        .group_by(col(Mention.outcome))
    )
    return dict(session.exec(query).all())
