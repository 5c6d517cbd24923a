"""Queries on published calendar feeds, and the responders a feed shows (never their message)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from bot.core.published_events import FeedAbsence
from bot.core.responder import Kind
from bot.core.workspace import Workspace
from storage.models import PublishedFeed, ResponderRow

# Bound parameters per statement, as team views chunk them.
CHUNK = 5000


def add_feed(session: Session, *, feed: PublishedFeed) -> PublishedFeed:
    """Store a new feed and return it with its id."""
    session.add(feed)
    session.flush()
    return feed


def feed_by_hash(session: Session, *, token_hash: str) -> PublishedFeed | None:
    """The feed whose token has this SHA-256, unless it was revoked."""
    query = select(PublishedFeed).where(
        PublishedFeed.token_hash == token_hash, col(PublishedFeed.revoked_at).is_(None)
    )
    return session.exec(query).first()


def feeds_of(
    session: Session, *, workspace: Workspace, owner_id: str, kind: str | None = None
) -> list[PublishedFeed]:
    """A person's feeds not revoked, oldest first; only of one kind when it is given."""
    query = select(PublishedFeed).where(
        PublishedFeed.team_id == workspace.team_id,
        PublishedFeed.owner_id == owner_id,
        col(PublishedFeed.revoked_at).is_(None),
    )
    if kind is not None:
        query = query.where(PublishedFeed.kind == kind)
    return list(session.exec(query.order_by(col(PublishedFeed.id))))


def every_sealed_feed(session: Session) -> list[PublishedFeed]:
    """Every feed whose token is kept sealed: what a new key must re-seal."""
    query = select(PublishedFeed).where(col(PublishedFeed.sealed_token).is_not(None))
    return list(session.exec(query))


def revoke_feeds(session: Session, *, feed_ids: Sequence[int], now: datetime) -> int:
    """Revoke these feeds (their URLs answer 404 from now on); how many were still live."""
    revoked = session.execute(
        update(PublishedFeed)
        .where(col(PublishedFeed.id).in_(list(feed_ids)), col(PublishedFeed.revoked_at).is_(None))
        .values(revoked_at=now, sealed_token=None)
        .execution_options(synchronize_session=False)
    )
    return int(revoked.rowcount)  # type: ignore[attr-defined]


def note_read(
    session: Session, *, feed_id: int, body_hash: str, changed: bool, now: datetime
) -> None:
    """Record a read; when the body differs from the last one served, it changed now."""
    values: dict[str, Any] = {"last_read_at": now, "body_hash": body_hash}
    if changed:
        values["changed_at"] = now
    session.execute(
        update(PublishedFeed)
        .where(col(PublishedFeed.id) == feed_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def feed_absences(
    session: Session,
    *,
    workspace: Workspace,
    people: Sequence[str],
    ended_after: datetime,
    starting_before: datetime,
) -> list[FeedAbsence]:
    """Personal responders of these people that end after one moment and start before another.

    Only what a feed may show is read: never the message.
    """
    columns = (
        col(ResponderRow.id),
        col(ResponderRow.owner_id),
        col(ResponderRow.starts_at),
        col(ResponderRow.ends_at),
        col(ResponderRow.tz),
        col(ResponderRow.backup_id),
        col(ResponderRow.revision),
        col(ResponderRow.updated_at),
        col(ResponderRow.leave_type),
        col(ResponderRow.hide_reason),
    )
    found: list[FeedAbsence] = []
    unique = sorted(set(people))
    for at in range(0, len(unique), CHUNK):
        query = select_columns(*columns).where(
            col(ResponderRow.team_id) == workspace.team_id,
            col(ResponderRow.owner_id).in_(unique[at : at + CHUNK]),
            col(ResponderRow.kind) == Kind.PERSONAL,
            col(ResponderRow.deleted_at).is_(None),
            col(ResponderRow.starts_at) < starting_before,
            or_(col(ResponderRow.ends_at).is_(None), col(ResponderRow.ends_at) > ended_after),
        )
        found += [FeedAbsence(*row) for row in session.execute(query).all()]
    return sorted(found, key=lambda absence: (absence.starts_at, absence.id))
