"""What ooo keeps about a person: exported on request, erased on request or after they leave."""

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from bot.core.workspace import Workspace
from bot.responders.changes import end_now
from bot.scheduler import Sweep
from storage import audit_queries, closure_queries, published_feed_queries, responder_queries
from storage import personal_queries as personal
from storage.db import begin_writing, session_scope

# Installation columns a person's export shows; tokens are never exported, only whether one is kept.
INSTALLATION_FIELDS = ("team_id", "enterprise_id", "installed_at", "user_scopes")
EFFECT_FIELDS = ("kind", "responder_id", "status", "created_at", "sent_at", "payload")
# A connected account's columns an export shows: never its tokens.
ACCOUNT_FIELDS = ("team_id", "enterprise_id", "scopes", "connected_at", "token_expires_at")
# A calendar feed's columns an export shows: its hint, never its secret URL.
CALENDAR_FIELDS = (
    "team_id",
    "hint",
    "tz",
    "locale",
    "marked_only",
    "message",
    "read_at",
    "found",
    "failing_since",
    "problem",
    "created_at",
)
# A published feed's columns an export shows: never its token, sealed or hashed.
FEED_FIELDS = (
    "kind",
    "target_id",
    "target_label",
    "locale",
    "created_at",
    "revoked_at",
    "last_read_at",
)
# Erasing is cheap and idempotent, so every replica may run it; hourly is soon enough.
DEPARTED_EVERY = timedelta(hours=1)


def export(engine: Engine, *, team_id: str, user_id: str) -> dict[str, Any]:
    """Everything stored about a person in a workspace, as JSON-ready values."""
    with session_scope(engine) as session:
        departure = personal.departure_of(session, team_id=team_id, user_id=user_id)
        change = personal.last_change(session, team_id=team_id, user_id=user_id)
        installations = personal.installations_by(session, team_id=team_id, user_id=user_id)
        return {
            "team_id": team_id,
            "user_id": user_id,
            "responders": [
                _plain(r)
                for r in personal.responders_owned(session, team_id=team_id, user_id=user_id)
            ],
            "forwarded_to_them_by": [
                {"responder_id": r.id, "owner_id": r.owner_id}
                for r in personal.responders_forwarding_to(
                    session, team_id=team_id, user_id=user_id
                )
            ],
            "messages_they_sent_to_responders": [
                _plain(m) for m in personal.mentions_sent(session, team_id=team_id, user_id=user_id)
            ],
            "reminders_they_asked_for": [
                _plain(r)
                for r in personal.reminders_asked(session, team_id=team_id, user_id=user_id)
            ],
            "side_effects_of_their_responders_or_naming_them": [
                {name: _json(getattr(e, name)) for name in EFFECT_FIELDS}
                for e in personal.effects_for(session, team_id=team_id, user_id=user_id)
            ],
            "their_teams_and_team_digests": [
                _plain(t) for t in personal.teams_of(session, team_id=team_id, user_id=user_id)
            ],
            "installations_they_made": [
                {
                    **{name: _json(getattr(i, name)) for name in INSTALLATION_FIELDS},
                    "keeps_their_user_token": i.user_token is not None,
                }
                for i in installations
            ],
            "connected_account": [
                {name: _json(getattr(a, name)) for name in ACCOUNT_FIELDS}
                for a in personal.accounts_of(session, team_id=team_id, user_id=user_id)
            ],
            "calendar": [
                {name: _json(getattr(c, name)) for name in CALENDAR_FIELDS}
                for c in personal.calendars_of(session, team_id=team_id, user_id=user_id)
            ],
            "published_feeds": [
                {name: _json(getattr(f, name)) for name in FEED_FIELDS}
                for f in personal.feeds_of(session, team_id=team_id, user_id=user_id)
            ],
            "done_for_someone_else_by_them_or_for_them": [
                {**_plain(a), "detail": json.loads(a.detail)}
                for a in audit_queries.naming(session, team_id=team_id, user_id=user_id)
            ],
            "what_office_closures_did_for_them": [
                _plain(m)
                for m in closure_queries.memberships_of(session, team_id=team_id, user_id=user_id)
            ],
            "deactivated_at": _json(departure.departed_at) if departure else None,
            "last_deactivated_or_reactivated_at": _json(change.changed_at) if change else None,
        }


def erase(engine: Engine, *, team_id: str, user_id: str) -> dict[str, int]:
    """Delete everything stored about a person in a workspace; what was removed."""
    with session_scope(engine) as session:
        return personal.erase_person(session, team_id=team_id, user_id=user_id)


def user_changed(
    engine: Engine,
    *,
    workspace: Workspace,
    user_id: str,
    deleted: bool,
    at: datetime,
    now: datetime,
) -> None:
    """Slack deactivated or reactivated someone at `at`; a word older than the last one applied
    (a retry arriving late) changes nothing."""
    with session_scope(engine) as session:
        begin_writing(session, "user_changed")
        team_id = workspace.team_id
        if not personal.newest_change(session, team_id=team_id, user_id=user_id, at=at):
            return
        if deleted:
            _depart(session, workspace=workspace, user_id=user_id, now=now)
        else:
            _reactivate(session, workspace=workspace, user_id=user_id)


def _depart(session: Session, *, workspace: Workspace, user_id: str, now: datetime) -> None:
    """End their responders and stop their calendar feeds now; erase them after the retention
    period (see `purge_departed`)."""
    ending = responder_queries.responders_of(
        session, workspace=workspace, owner_id=user_id, now=now, ended_within=timedelta(0)
    )
    for responder in ending:
        end_now(session, workspace=workspace, owner_id=user_id, responder_id=responder.id, now=now)
    feeds = published_feed_queries.feeds_of(session, workspace=workspace, owner_id=user_id)
    published_feed_queries.revoke_feeds(session, feed_ids=[f.id for f in feeds if f.id], now=now)
    personal.record_departure(session, team_id=workspace.team_id, user_id=user_id, now=now)


def _reactivate(session: Session, *, workspace: Workspace, user_id: str) -> None:
    """Call off their pending erasure, if any: every profile change says "not deleted" too."""
    personal.forget_departure(session, team_id=workspace.team_id, user_id=user_id)


def purge_departed(engine: Engine, *, now: datetime, retention: timedelta) -> int:
    """Erase the people deactivated longer ago than the retention period; how many."""
    with session_scope(engine) as session:
        begin_writing(session, "purge_departed")
        gone = personal.departed_before(session, moment=now - retention)
        for departure in gone:
            personal.erase_person(session, team_id=departure.team_id, user_id=departure.user_id)
    return len(gone)


def departed_sweep(retention: timedelta) -> Sweep:
    """The hourly erasure of people deactivated longer ago than `retention`."""

    def run(engine: Engine, now: datetime) -> int:
        return purge_departed(engine, now=now, retention=retention)

    return Sweep("departed_people", run, every=DEPARTED_EVERY)


def _plain(row: SQLModel) -> dict[str, Any]:
    return {name: _json(value) for name, value in row.model_dump().items()}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
