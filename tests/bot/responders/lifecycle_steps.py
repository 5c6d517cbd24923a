"""Steps the lifecycle tests share: let time pass, run the scheduler, deliver what it queued."""

from datetime import datetime

from sqlalchemy import Engine

from bot.core.dates import DateRange
from bot.core.responder import Draft, Kind
from bot.core.workspace import Workspace
from bot.outbox.worker import EffectWorker
from bot.responders.changes import save
from bot.responders.transitions import Applied, apply_due
from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def run_at(
    engine: Engine, clock: FakeClock, effects: EffectWorker, moment: datetime | None = None
) -> list[Applied]:
    """Move the clock (if told), run one scheduler pass and deliver every effect due."""
    if moment is not None:
        clock.set(moment)
    applied = apply_due(engine, clock())
    while effects.deliver_due():
        pass
    return applied


def dm_texts(fake: FakeSlack, user: str) -> list[str]:
    """The text of every message the bot sent a person, oldest first."""
    return [m["text"] for m in fake.messages_to(user)]


def add_responder(
    engine: Engine,
    owner_id: str,
    *,
    starts_at: datetime,
    ends_at: datetime | None,
    saved_at: datetime,
    tz: str = "Europe/Paris",
    team_id: str = "T0001",
    **fields: object,
) -> int:
    """Store a personal responder as the modal would have, saved at `saved_at`, plus `fields`."""
    draft = Draft(
        kind=Kind.PERSONAL,
        target_id=None,
        window=DateRange(starts_at, ends_at),
        message="I'm away.",
        external_message=None,
        keep_digest=False,
        forward_to=None,
    )
    with session_scope(engine) as session:
        begin_writing(session, "add_responder")  # as the form's owner lock does
        responder = save(
            session,
            workspace=Workspace(team_id),
            owner_id=owner_id,
            draft=draft,
            tz=tz,
            label=None,
            responder_id=None,
            now=saved_at,
        )
        row = session.get(ResponderRow, responder.id)
        for name, value in fields.items():
            setattr(row, name, value)
    assert responder.id is not None
    return responder.id


def responder_row(engine: Engine, responder_id: int) -> ResponderRow:
    """A stored responder as it is now."""
    with session_scope(engine) as session:
        row = session.get(ResponderRow, responder_id)
    assert row is not None
    return row
