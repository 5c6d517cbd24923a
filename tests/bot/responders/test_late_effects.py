"""An effect that outlived its purpose is not sent: Alice's "you're on" DM after she is back."""

from datetime import timedelta

from sqlalchemy import Engine

from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from storage.db import session_scope
from storage.effects_queries import enqueue_effect
from tests.bot.outbox.conftest import worker_on
from tests.bot.outbox.test_outbox import effect
from tests.bot.responders.lifecycle_steps import add_responder
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_it_never_says_a_responder_is_on_once_the_absence_ended(
    engine: Engine, fake: FakeSlack, clock: FakeClock
) -> None:
    start, end = clock() - timedelta(days=2), clock() - timedelta(hours=1)
    alice = add_responder(engine, "UALICE", starts_at=start, ends_at=end, saved_at=start)
    with session_scope(engine) as session:
        enqueue_effect(  # queued at the start, held up by a Slack outage until after the end
            session,
            key="responder:on:late",
            kind=EffectKind.RESPONDER_ON,
            payload={"due_since": start.isoformat(), "applied_at": start.isoformat()},
            workspace=Workspace("T0001"),
            now=start,
            owner_id="UALICE",
            responder_id=alice,
        )
    worker = worker_on(engine, fake, clock)
    try:
        worker.deliver_due()
    finally:
        worker.close()
    assert fake.messages_to("UALICE") == []
    assert effect(engine, "responder:on:late").result == "skipped"
