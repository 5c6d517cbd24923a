"""Steps the lifecycle tests share: let time pass, run the scheduler, deliver what it queued."""

from datetime import datetime

from sqlalchemy import Engine

from bot.effects.worker import EffectWorker
from bot.scheduler import Applied, tick
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def run_at(
    engine: Engine, clock: FakeClock, effects: EffectWorker, moment: datetime | None = None
) -> list[Applied]:
    """Move the clock (if told), run one scheduler pass and deliver every effect due."""
    if moment is not None:
        clock.set(moment)
    applied = tick(engine, clock())
    while effects.deliver_due():
        pass
    return applied


def dm_texts(fake: FakeSlack, user: str) -> list[str]:
    """The text of every message the bot sent a person, oldest first."""
    return [m["text"] for m in fake.messages_to(user)]
