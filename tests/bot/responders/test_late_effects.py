"""An effect that outlived its purpose is not sent (Alice's "you're on" DM after she is back),
unless an attempt cut short already posted it: then it was sent, and is recorded so."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, update

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.outbox.post_once import metadata_for
from storage.db import session_scope
from storage.effects_queries import SENDING, enqueue_effect
from storage.models import Effect
from tests.bot.outbox.conftest import client_on, worker_on
from tests.bot.outbox.test_outbox import effect
from tests.bot.responders.lifecycle_steps import add_responder
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

# Each kind that stops making sense once the absence ended, the payload it was queued with,
# and where it posts (None: the owner's DM).
LATE = [
    pytest.param(
        EffectKind.RESPONDER_ON, {"due_since": "start", "applied_at": "start"}, None, id="on"
    ),
    pytest.param(EffectKind.RESPONDER_REMIND, {}, None, id="remind"),
    pytest.param(
        EffectKind.RESPONDER_ANNOUNCE, {"channel": "C0GENERAL"}, "C0GENERAL", id="announce"
    ),
]


def queue_late(
    engine: Engine, clock: FakeClock, kind: EffectKind, payload: dict[str, str]
) -> tuple[int, datetime]:
    """Alice's absence ended an hour ago; an effect of it queued at its start was held up (a
    Slack outage) until now. Her responder's id, and when it started."""
    start, end = clock() - timedelta(days=2), clock() - timedelta(hours=1)
    alice = add_responder(engine, "UALICE", starts_at=start, ends_at=end, saved_at=start)
    with session_scope(engine) as session:
        enqueue_effect(
            session,
            key="late",
            kind=kind,
            payload={k: start.isoformat() if v == "start" else v for k, v in payload.items()},
            workspace=Workspace("T0001"),
            now=start,
            owner_id="UALICE",
            responder_id=alice,
        )
    return alice, start


def deliver(engine: Engine, fake: FakeSlack, clock: FakeClock) -> None:
    worker = worker_on(engine, fake, clock)
    try:
        worker.deliver_due()
    finally:
        worker.close()


def ooo_posts(fake: FakeSlack, channel: str) -> list[object]:
    """The messages ooo posted in a conversation (a DM is named by its person)."""
    return [m["ts"] for m in fake.messages_to(channel) if m.get("metadata")]


@pytest.mark.parametrize(("kind", "payload", "channel"), LATE)
def test_it_skips_what_no_longer_makes_sense_once_the_absence_ended(
    engine: Engine,
    fake: FakeSlack,
    clock: FakeClock,
    kind: EffectKind,
    payload: dict[str, str],
    channel: str | None,
) -> None:
    queue_late(engine, clock, kind, payload)
    deliver(engine, fake, clock)
    assert ooo_posts(fake, channel or "UALICE") == []
    assert effect(engine, "late").result == "skipped"


@pytest.mark.parametrize(("kind", "payload", "channel"), LATE)
def test_it_records_as_sent_what_an_attempt_cut_short_posted_before_the_end(
    engine: Engine,
    fake: FakeSlack,
    clock: FakeClock,
    kind: EffectKind,
    payload: dict[str, str],
    channel: str | None,
) -> None:
    _, start = queue_late(engine, clock, kind, payload)
    # ooo posted it at the start and was killed before recording it; its claim has run out.
    posted = client_on(fake).chat_postMessage(
        channel=channel or "UALICE", text="earlier", metadata=metadata_for("late")
    )
    with session_scope(engine) as session:
        session.execute(
            update(Effect)
            .where(Effect.key == "late")  # type: ignore[arg-type]
            .values(status=SENDING, attempts=1, lease_until=start, first_attempt_at=start)
        )
    deliver(engine, fake, clock)
    assert ooo_posts(fake, channel or "UALICE") == [posted["ts"]]
    assert effect(engine, "late").result == f"{posted['channel']}:{posted['ts']}"
