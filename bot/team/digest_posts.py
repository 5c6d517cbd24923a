"""Posting team digests: each due one is recorded once a day in the outbox, then drawn and sent.

The scheduler's tick sweeps due digests. Moving a digest's next posting time on is a
compare-and-set, and the effect's key names the digest and the local day, so two replicas, a
restart or a repeated tick record each day's post once; the outbox delivers it once.
"""

from datetime import date, datetime

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import Session

from bot.blocks.team_digest import digest_message, named_in
from bot.core.effect_kinds import EffectKind
from bot.core.team import Window
from bot.core.team_digest import (
    DIGEST_DAYS,
    Cadence,
    latest_post,
    next_post,
    post_day,
    time_from_text,
)
from bot.core.workspace import Workspace
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.errors import Permanent
from bot.outbox.post_once import post_once
from bot.scheduler import Sweep
from bot.team.command import Target
from bot.team.members import Busy, Refusal, team_of
from bot.team.view import overview_of
from storage import team_queries
from storage.db import session_scope
from storage.effects_queries import enqueue_effect
from storage.models import TeamDigest

DIGEST_KEY = "team-digest"
BATCH = 100


def sweep_digests(engine: Engine, now: datetime, *, batch: int = BATCH) -> int:
    """Record today's post of every digest due at `now`; return how many were new."""
    recorded = 0
    while True:
        with session_scope(engine) as session:
            due = team_queries.due_digests(session, now=now, limit=batch)
            recorded += sum(_advance(session, digest, now) for digest in due)
        if len(due) < batch:
            return recorded


def _advance(session: Session, digest: TeamDigest, now: datetime) -> int:
    """Move a digest on to its next time and, if today's time has come, record today's post."""
    at, cadence = time_from_text(digest.at), Cadence(digest.cadence)
    following = next_post(now, at=at, tz=digest.tz, cadence=cadence)
    if not team_queries.move_digest_on(
        session, digest=digest, was=digest.next_post_at, to=following
    ):
        return 0
    # Down over a posting time? Today's is still posted late; an older day's is not.
    day = post_day(latest_post(now, at=at, tz=digest.tz, cadence=cadence), digest.tz)
    if day != post_day(now, digest.tz):
        return 0
    return int(
        enqueue_effect(
            session,
            key=f"{DIGEST_KEY}:{digest.id}:{day.isoformat()}",
            kind=EffectKind.TEAM_DIGEST_POST,
            payload={"digest": digest.id, "day": day.isoformat()},
            workspace=Workspace(digest.team_id, digest.enterprise_id),
            now=now,
            owner_id=digest.owner_id,
        )
    )


def post_digest(client: WebClient, delivery: Delivery) -> str:
    """Draw the digest from the team and the responders as they are now, and post it once."""
    with session_scope(delivery.engine) as session:
        digest = team_queries.digest_by_id(session, digest_id=int(delivery.payload["digest"]))
    if digest is None:
        raise Permanent("digest_removed")
    target = Target(digest.target_id, digest.target_label)
    try:
        people = delivery.services.directory
        team = team_of(client, target, team_id=digest.team_id, asker=None, people=people)
    except Busy:
        raise  # Slack is busy listing people: the outbox tries again later
    except Refusal:
        raise Permanent("team_unreadable") from None
    day = date.fromisoformat(str(delivery.payload["day"]))
    view = overview_of(
        delivery.engine,
        team,
        workspace=delivery.workspace,
        window=Window(day, DIGEST_DAYS, digest.tz),
        now=delivery.now,
        coverage=digest.coverage,
    )
    names = delivery.services.directory.display_names(
        client, team_id=digest.team_id, user_ids=named_in(view)
    )
    text, blocks = digest_message(team.label, view, coverage=digest.coverage, names=names)
    return post_once(client, delivery, channel=digest.channel_id, text=text, blocks=blocks)


DELIVERERS: Deliverers = {EffectKind.TEAM_DIGEST_POST: post_digest}


SWEEP = Sweep("team_digests", sweep_digests, next_due=team_queries.next_digest_due)
