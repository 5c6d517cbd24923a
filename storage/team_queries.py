"""Queries of team views and digests: responders of many people over a window, saved teams."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, update
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from bot.core.responder import Kind
from bot.core.team import Absence
from bot.core.workspace import Workspace
from storage.db import take_due
from storage.models import ResponderRow, SavedTeam, TeamDigest

# Bound parameters per statement: well under SQLite's (32,766 since 3.32) and PostgreSQL's limits.
CHUNK = 5000


def _scoped(model: Any, workspace: Workspace) -> ColumnElement[bool]:
    """Match rows of one workspace by its team id alone, as responders are (see in_workspace):
    a workspace that joins or leaves an Enterprise Grid org keeps its rows."""
    return col(model.team_id) == workspace.team_id


def team_absences(
    session: Session,
    *,
    workspace: Workspace,
    people: Sequence[str],
    start: datetime,
    end: datetime,
) -> list[Absence]:
    """Personal responders of these people overlapping [start, end), as absences.

    Only what a team view may show is read: never the message.
    """
    columns = (
        col(ResponderRow.owner_id),
        col(ResponderRow.starts_at),
        col(ResponderRow.ends_at),
        col(ResponderRow.tz),
        col(ResponderRow.backup_id),
        col(ResponderRow.leave_type),
        col(ResponderRow.hide_reason),
    )
    found: list[Absence] = []
    unique = sorted(set(people))
    for at in range(0, len(unique), CHUNK):
        query = select_columns(*columns).where(
            _scoped(ResponderRow, workspace),
            col(ResponderRow.owner_id).in_(unique[at : at + CHUNK]),
            col(ResponderRow.kind) == Kind.PERSONAL,
            col(ResponderRow.deleted_at).is_(None),
            col(ResponderRow.starts_at) < end,
            or_(col(ResponderRow.ends_at).is_(None), col(ResponderRow.ends_at) > start),
        )
        found += [Absence(*row) for row in session.execute(query).all()]
    return found


def saved_team(session: Session, *, workspace: Workspace, user_id: str) -> SavedTeam | None:
    """The team a person saved as theirs, if any."""
    query = select(SavedTeam).where(_scoped(SavedTeam, workspace), SavedTeam.user_id == user_id)
    return session.exec(query).first()


def save_team(
    session: Session,
    *,
    workspace: Workspace,
    user_id: str,
    target_id: str,
    target_label: str,
    coverage: int,
    tz: str,
    now: datetime,
) -> SavedTeam:
    """Make a channel or user group this person's team, replacing the one saved before."""
    team = saved_team(session, workspace=workspace, user_id=user_id) or SavedTeam(
        team_id=workspace.team_id,
        enterprise_id=workspace.enterprise_id,
        user_id=user_id,
        target_id=target_id,
        target_label=target_label,
        updated_at=now,
    )
    team.target_id, team.target_label = target_id, target_label
    team.coverage, team.tz, team.updated_at = coverage, tz, now
    session.add(team)
    session.flush()
    return team


def digest_posting(
    session: Session, *, workspace: Workspace, channel_id: str, target_id: str
) -> TeamDigest | None:
    """The digest already posting this team in this channel, whoever set it up."""
    query = select(TeamDigest).where(
        _scoped(TeamDigest, workspace),
        TeamDigest.channel_id == channel_id,
        TeamDigest.target_id == target_id,
    )
    return session.exec(query).first()


def save_digest(session: Session, *, digest: TeamDigest) -> TeamDigest:
    """Add a digest, or change the one already posting this team in this channel."""
    existing = digest_posting(
        session,
        workspace=Workspace(digest.team_id, digest.enterprise_id),
        channel_id=digest.channel_id,
        target_id=digest.target_id,
    )
    if existing is not None:
        for name in ("owner_id", "target_label", "at", "tz", "cadence", "coverage", "next_post_at"):
            setattr(existing, name, getattr(digest, name))
        digest = existing
    session.add(digest)
    session.flush()
    return digest


def digests_of(session: Session, *, workspace: Workspace, owner_id: str) -> list[TeamDigest]:
    """The digests a person set up, oldest first."""
    query = select(TeamDigest).where(
        _scoped(TeamDigest, workspace), TeamDigest.owner_id == owner_id
    )
    return list(session.exec(query.order_by(col(TeamDigest.id))).all())


def delete_digest(session: Session, *, digest: TeamDigest) -> None:
    """Stop a digest for good."""
    session.delete(digest)
    session.flush()


def due_digests(session: Session, *, now: datetime, limit: int) -> list[TeamDigest]:
    """Digests whose posting time has come; call it first in its session."""
    query = (
        select(TeamDigest)
        .where(col(TeamDigest.next_post_at) <= now)
        .order_by(col(TeamDigest.next_post_at), col(TeamDigest.id))
        .limit(limit)
    )
    return take_due(session, query)


def move_digest_on(session: Session, *, digest: TeamDigest, was: datetime, to: datetime) -> bool:
    """Move a digest's next posting time on, only if nobody did meanwhile; tell whether it moved."""
    moved = session.execute(
        update(TeamDigest)
        .where(col(TeamDigest.id) == digest.id, col(TeamDigest.next_post_at) == was)
        .values(next_post_at=to)
        .execution_options(synchronize_session=False)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


def digest_by_id(session: Session, *, digest_id: int) -> TeamDigest | None:
    """A digest, or None once it was removed."""
    return session.get(TeamDigest, digest_id)


def next_digest_due(session: Session) -> datetime | None:
    """When the earliest digest falls due."""
    query = select(TeamDigest.next_post_at).order_by(col(TeamDigest.next_post_at)).limit(1)
    return session.exec(query).first()
