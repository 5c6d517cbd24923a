"""Queries on the durable outbox: enqueue inside the caller's transaction, claim, settle."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, column, or_, update, values
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.core.workspace import Workspace
from storage.db import Changed, note, take_due
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
            .values(status=SENDING, lease_until=now + lease, attempts=table.c.attempts + 1)
        )
    for effect in claimed:
        effect.status, effect.lease_until, effect.attempts = (
            SENDING,
            now + lease,
            effect.attempts + 1,
        )
    return claimed


@dataclass(frozen=True)
class Outcome:
    """How one delivery attempt ended: sent, retry at a time, or failed for good."""

    effect_id: int
    attempts: int
    status: str
    at: datetime
    error: str | None = None
    result: str | None = None


def settle_effects(session: Session, *, outcomes: Sequence[Outcome]) -> None:
    """Record attempts, unless another worker took the effect over meanwhile; one statement.

    A worker settles a whole batch at once: on SQLite each statement in the write lock is a
    turn the requests wait for.
    """
    if not outcomes:
        return
    table = Effect.__table__  # type: ignore[attr-defined]
    # Every column has a value (no NULL): PostgreSQL can't type a VALUES column of NULLs.
    settled = (
        values(
            column("id", Integer),
            column("attempts", Integer),
            column("status", String),
            column("at", table.c.sent_at.type),
            column("error", String),
            column("result", String),
            name="outcome",
        )
        .data(
            [
                (o.effect_id, o.attempts, o.status, o.at, o.error or "", o.result or "")
                for o in outcomes
            ]
        )
        .cte("outcome")
    )
    sent, retry = settled.c.status == SENT, settled.c.status == PENDING
    session.execute(
        update(table)
        .where(table.c.id == settled.c.id, table.c.attempts == settled.c.attempts)
        .values(
            status=settled.c.status,
            lease_until=None,
            sent_at=case((sent, settled.c.at), else_=table.c.sent_at),
            result=case((sent, settled.c.result), else_=table.c.result),
            last_error=case((sent, None), else_=settled.c.error),
            next_attempt_at=case((retry, settled.c.at), else_=table.c.next_attempt_at),
        )
    )


def release_effects(session: Session, *, effects: Sequence[tuple[int, int]]) -> None:
    """Hand back claimed effects whose delivery never started, as if never claimed."""
    for effect_id, attempts in effects:
        session.execute(
            update(Effect)
            .where(col(Effect.id) == effect_id, col(Effect.attempts) == attempts)
            .values(status=PENDING, lease_until=None, attempts=attempts - 1)
        )


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
