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
from bot.team.members import Busy, Refusal, Team, team_of
from bot.team.view import overview_of
from bot.texts import _
from storage import team_queries
from storage.db import begin_writing, session_scope
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
    if team.private and (digest.owner_id not in team.people or digest.channel_id != team.id):
        return stop_digest(delivery, digest, team)
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
    with delivery.speaking_to_many(client, digest.owner_id):
        text, blocks = digest_message(team.label, view, coverage=digest.coverage, names=names)
    return post_once(client, delivery, channel=digest.channel_id, text=text, blocks=blocks)


def stop_digest(delivery: Delivery, digest: TeamDigest, team: Team) -> str:
    """Stop a digest of a private channel its owner may no longer show there, and tell them
    once (the DM's key names the digest)."""
    channel = f"<#{digest.channel_id}>"
    if digest.channel_id != team.id:
        why = _("a private channel's absences are only posted in that channel.")
    else:
        why = _("you're no longer in that private channel.")
    text = _(
        "I stopped posting the digest of {team} in {channel}: {why}",
        team=team.mention,
        channel=channel,
        why=why,
    )
    with session_scope(delivery.engine) as session:
        begin_writing(session, "stop_digest")
        found = team_queries.digest_by_id(session, digest_id=digest.id or 0)
        if found is not None:
            team_queries.delete_digest(session, digest=found)
        enqueue_effect(
            session,
            key=f"{DIGEST_KEY}:{digest.id}:stopped",
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": digest.owner_id, "text": text},
            workspace=delivery.workspace,
            now=delivery.now,
            owner_id=digest.owner_id,
        )
    return "stopped"


DELIVERERS: Deliverers = {EffectKind.TEAM_DIGEST_POST: post_digest}


SWEEP = Sweep("team_digests", sweep_digests, next_due=team_queries.next_digest_due)
