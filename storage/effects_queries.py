"""Queries on the durable outbox: enqueue inside the caller's transaction, claim, renew, settle."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.db import Changed, begin_writing, note, take_due
from storage.models import Effect

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


@dataclass(frozen=True)
class NewEffect:
    """An effect to record: what to do, for whom, and its idempotency key."""

    key: str
    kind: str
    payload: dict[str, Any]
    workspace: Workspace
    owner_id: str | None = None
    responder_id: int | None = None
    not_before: datetime | None = None


def _row(effect: NewEffect, now: datetime) -> dict[str, Any]:
    return {
        "key": effect.key,
        "kind": effect.kind,
        "payload": json.dumps(effect.payload, separators=(",", ":")),
        "team_id": effect.workspace.team_id,
        "enterprise_id": effect.workspace.enterprise_id,
        "owner_id": effect.owner_id,
        "responder_id": effect.responder_id,
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": effect.not_before or now,
        "created_at": now,
    }


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


@cache
def _insert_absent(dialect: str, *, returning: bool = False) -> Any:
    """INSERT … ON CONFLICT (key) DO NOTHING, built once per dialect: it is dear to build."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # On the table, not the entity: the ORM's bulk insert path costs more than the insert.
    table = Effect.__table__  # type: ignore[attr-defined]
    statement = insert(table).on_conflict_do_nothing(index_elements=["key"])
    return statement.returning(table.c.id) if returning else statement


def enqueue_effect(
    session: Session,
    *,
    key: str,
    kind: str,
    payload: dict[str, Any],
    workspace: Workspace,
    now: datetime,
    owner_id: str | None = None,
    responder_id: int | None = None,
    not_before: datetime | None = None,
) -> bool:
    """Record an effect unless one with this key exists; tell whether it was new."""
    effect = NewEffect(key, kind, payload, workspace, owner_id, responder_id, not_before)
    statement = _insert_absent(_dialect(session), returning=True)
    note(session, Changed.EFFECTS)
    return session.execute(statement, _row(effect, now)).first() is not None


def enqueue_effects(session: Session, *, effects: Sequence[NewEffect], now: datetime) -> None:
    """Record many effects at once, skipping keys already recorded."""
    if effects:
        note(session, Changed.EFFECTS)
        session.execute(_insert_absent(_dialect(session)), [_row(e, now) for e in effects])


def _due(now: datetime) -> ColumnElement[bool]:
    """Due effects, and those whose claimer vanished (its lease ran out)."""
    return or_(
        and_(col(Effect.status) == PENDING, col(Effect.next_attempt_at) <= now),
        and_(col(Effect.status) == SENDING, col(Effect.lease_until) <= now),
    )


def any_due(session: Session, *, now: datetime) -> bool:
    """Whether anything is due: a plain read, so an idle worker never takes SQLite's write lock."""
    return session.exec(select(Effect.id).where(_due(now)).limit(1)).first() is not None


def claim_effects(session: Session, *, now: datetime, limit: int, lease: timedelta) -> list[Effect]:
    """Take up to `limit` due effects (and those whose claimer vanished) for `lease`.

    Call it first in a session: on SQLite the claim then holds the write lock from its first
    read, so two processes never take the same row; PostgreSQL skips rows another one locked.
    An effect taken over from a claimer that vanished comes back `maybe_sent`.
    """
    # Oldest first, and in the order recorded at the same instant: one person's DMs keep theirs.
    due_first = (col(Effect.next_attempt_at), col(Effect.id))
    query = select(Effect).where(_due(now)).order_by(*due_first).limit(limit)
    claimed = take_due(session, query)
    if claimed:
        table = Effect.__table__  # type: ignore[attr-defined]
        session.execute(
            update(table)
            .where(table.c.id.in_([e.id for e in claimed]))
            .values(
                status=SENDING,
                lease_until=now + lease,
                attempts=table.c.attempts + 1,
                first_attempt_at=func.coalesce(table.c.first_attempt_at, now),
            )
        )
    for effect in claimed:
        effect.maybe_sent = effect.maybe_sent or effect.status == SENDING
        effect.first_attempt_at = effect.first_attempt_at or now
        effect.status, effect.lease_until, effect.attempts = (
            SENDING,
            now + lease,
            effect.attempts + 1,
        )
    return claimed


def renew_leases(session: Session, *, held: Sequence[tuple[int, int]], until: datetime) -> set[int]:
    """Extend the lease of effects still being delivered (id, attempts); return those still
    held, leaving out any another worker took over."""
    if not held:
        return set()
    begin_writing(session, "renew_leases")
    table = Effect.__table__  # type: ignore[attr-defined]
    mine = and_(tuple_(table.c.id, table.c.attempts).in_(list(held)), table.c.status == SENDING)
    renewed = session.execute(
        update(table).where(mine).values(lease_until=until).returning(table.c.id)
    )
    return {row.id for row in renewed}


@dataclass(frozen=True)
class Outcome:
    """How one delivery attempt ended: sent, retry at a time, or failed for good.

    An attempt that does not count (Slack asked to wait, or it never began) is given back;
    `maybe_sent` says whether the next attempt must look for this one's message first.
    """

    effect_id: int
    attempts: int
    status: str
    at: datetime
    error: str | None = None
    result: str | None = None
    counted: bool = True
    maybe_sent: bool = False


def settle_effect(session: Session, *, outcome: Outcome) -> bool:
    """Record one attempt as soon as it ended, unless another worker took the effect over;
    first in its session, queued behind the process's other writers. Tell whether it counted."""
    begin_writing(session, "settle_effect")
    table = Effect.__table__  # type: ignore[attr-defined]
    sent, retry = outcome.status == SENT, outcome.status == PENDING
    values: dict[str, Any] = {
        "status": outcome.status,
        "lease_until": None,
        "maybe_sent": retry and outcome.maybe_sent,
        "attempts": outcome.attempts if outcome.counted else outcome.attempts - 1,
    }
    if sent:
        values |= {"sent_at": outcome.at, "result": outcome.result, "last_error": None}
    if retry:
        values["next_attempt_at"] = outcome.at
    if outcome.error is not None:
        values["last_error"] = outcome.error
    mine = and_(table.c.id == outcome.effect_id, table.c.attempts == outcome.attempts)
    settled = update(table).where(mine, table.c.status == SENDING).values(values)
    return session.execute(settled.returning(table.c.id)).first() is not None


def effects_with_key_prefix(session: Session, *, prefix: str) -> list[Effect]:
    """Effects whose key starts with a prefix, oldest first (one responder's, one transition's)."""
    query = select(Effect).where(col(Effect.key).startswith(prefix, autoescape=True))
    return list(session.exec(query.order_by(col(Effect.id))).all())


def failed_effects(
    session: Session, *, workspace: Workspace, owner_id: str, responder_ids: Sequence[int]
) -> list[Effect]:
    """Effects for a person's responders that failed for good, oldest first."""
    if not responder_ids:
        return []
    query = select(Effect).where(
        col(Effect.team_id) == workspace.team_id,
        col(Effect.owner_id) == owner_id,
        col(Effect.status) == FAILED,
        col(Effect.responder_id).in_(responder_ids),
    )
    return list(session.exec(query.order_by(col(Effect.id))).all())


def undelivered(session: Session, *, workspace: Workspace, owner_id: str, kind: str) -> bool:
    """Whether an effect of this kind for this person is still to be delivered, or under way."""
    query = select(Effect.id).where(
        col(Effect.team_id) == workspace.team_id,
        col(Effect.owner_id) == owner_id,
        col(Effect.kind) == kind,
        col(Effect.status).in_((PENDING, SENDING)),
    )
    return session.exec(query.limit(1)).first() is not None
