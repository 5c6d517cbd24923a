"""Forged owner buttons: someone else replays Alice's DM buttons."""

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import save, stored
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.responders.test_lifecycle import AWAY, ENDS, REMINDS, STARTS, reminder_of
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def test_adv_someone_else_clicks_alices_one_more_day(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    run_at(engine, clock, effects, REMINDS)
    fake.allow("user_not_in_channel")  # the refusal is tried as an ephemeral in Alice's DM
    slack.click("UBOB", action_id="responder_extend_day", message=reminder_of(fake))
    assert stored(engine)[0].ends_at == ENDS


@pytest.mark.parametrize("action_id", ["responder_end"])
def test_adv_someone_else_clicks_alices_end_or_delete(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker,
    action_id: str,
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    on_dm = [m for m in fake.messages_to("UALICE") if m.get("blocks")][-1]
    slack.click("UBOB", action_id=action_id, message=on_dm)
    modal = fake.modal("UBOB")
    if modal is not None and modal["title"]["text"] != "Not available":
        slack.submit("UBOB", modal["id"])
    [responder] = stored(engine)
    assert responder.ends_at == ENDS and responder.deleted_at is None
