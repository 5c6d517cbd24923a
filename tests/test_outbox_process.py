"""Real `ooo run` replicas on one PostgreSQL database, in real time, against a slow Slack:
every effect is delivered, and none twice, though a batch takes longer than a lease."""

import os
import time
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.post_once import effect_key_of
from storage.db import session_scope
from storage.effects_queries import SENT, NewEffect, enqueue_effects
from storage.models import Effect
from tests.support.fake_slack import FakeSlack
from tests.support.forked_ooo import Forked, Forks
from tests.test_lifecycle_process import shared_database, stopped
from tests.test_process import environment, free_port, wait_healthy

EFFECTS = 120
PEOPLE = ["UALICE", "UBOB", "UCAROL", "UDIDIER"]
# Slack answers each post after 0.3 s; a replica's calls time out after a third of its lease
# (2 s), far above that even on a loaded machine, and one replica alone takes longer than the
# lease to send everything. The replicas need about 5 s; the bound is generous.
SLACK_SECONDS, LEASE_SECONDS, WITHIN_SECONDS = 0.3, 6, 90


def start(forks: Forks, fake: FakeSlack, url: str) -> Forked:
    """`ooo run` on a free port, healthy."""
    port = free_port()
    variables = {"LOG_LEVEL": "WARNING", "EFFECT_LEASE_SECONDS": str(LEASE_SECONDS)}
    process = forks.start(["run", "--host", "127.0.0.1"], environment(fake, url, port, **variables))
    wait_healthy(process, f"http://127.0.0.1:{port}")  # type: ignore[arg-type]
    return process


def queue(engine: Engine) -> None:
    """A busy morning: one DM per responder, to four people, all due now."""
    effects = [
        NewEffect(
            key=f"morning:{n}",
            kind=EffectKind.MESSAGE_POST,
            payload={"channel": PEOPLE[n % len(PEOPLE)], "text": f"You're out ({n})"},
            workspace=Workspace("T0001"),
            responder_id=n,
        )
        for n in range(EFFECTS)
    ]
    with session_scope(engine) as session:
        enqueue_effects(session, effects=effects, now=datetime.now(UTC))


def sent(engine: Engine) -> int:
    with session_scope(engine) as session:
        query = select(func.count()).select_from(Effect).where(Effect.status == SENT)
        return int(session.execute(query).scalar_one())


def attempted_again(engine: Engine) -> int:
    """Effects attempted more than once (taken over, or retried)."""
    with session_scope(engine) as session:
        query = select(func.count()).select_from(Effect).where(Effect.attempts > 1)
        return int(session.execute(query).scalar_one())


@pytest.mark.postgres
def test_two_replicas_on_a_slow_slack_deliver_everything_once(
    forks: Forks, fake: FakeSlack, tmp_path: "os.PathLike[str]"
) -> None:
    fake.slow_down("chat.postMessage", SLACK_SECONDS)  # carried out at once, answered late
    with shared_database("postgresql", tmp_path) as (engine, url):
        queue(engine)
        first = start(forks, fake, url)
        second = None
        try:
            fake.wait_for(lambda: fake.calls_to("chat.postMessage"), timeout=30)
            second = start(forks, fake, url)  # comes up while the first is sending
            deadline = time.monotonic() + WITHIN_SECONDS
            while sent(engine) < EFFECTS and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            for process in (first, second):
                if process is not None:
                    stopped(process)
        assert sent(engine) == EFFECTS
        taken_over = attempted_again(engine)
    posted = Counter(effect_key_of(m) for person in PEOPLE for m in fake.messages_to(person))
    twice = sorted(key for key, times in posted.items() if times > 1)
    assert twice == [], f"{len(twice)} of {EFFECTS} effects delivered twice"
    assert len(posted) == EFFECTS
    assert taken_over == 0, f"{taken_over} of {EFFECTS} effects taken over by the other replica"
