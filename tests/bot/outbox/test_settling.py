"""Outcomes are recorded through the same writer queue as every other change, even when busy."""

import threading
import time

from sqlalchemy import Engine
from sqlmodel import select

from bot.outbox.worker import EffectWorker
from storage.db import begin_writing, session_scope
from storage.models import ResponderVersion
from tests.bot.outbox.test_outbox import effect, enqueue
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def hold_the_write_lock(engine: Engine, fake: FakeSlack, seconds: float) -> threading.Thread:
    """Another change (a busy morning's) holds the write lock while Slack answers the worker."""

    def hold() -> None:
        fake.wait_for(lambda: fake.calls_to("chat.postMessage"), timeout=5)
        with session_scope(engine) as session:
            begin_writing(session, "a long change")
            session.exec(select(ResponderVersion)).all()
            time.sleep(seconds)

    holder = threading.Thread(target=hold)
    holder.start()
    return holder


def test_it_records_a_delivery_while_another_change_holds_the_database(
    engine: Engine, fake: FakeSlack, clock: FakeClock, worker: EffectWorker
) -> None:
    enqueue(engine, clock, "k")
    fake.slow_down("chat.postMessage", 0.2)
    holder = hold_the_write_lock(engine, fake, seconds=1.5)
    try:
        worker.deliver_due()
    finally:
        holder.join()
    sent = effect(engine, "k")
    assert (sent.status, sent.attempts) == ("sent", 1), "recorded, so never sent again"
