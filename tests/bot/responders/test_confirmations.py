"""The saved and deleted DMs are effects recorded with the change: sent once, never lost."""

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.models import Effect
from tests.bot.flows import open_form, stored
from tests.bot.responders.test_manage import choose
from tests.conftest import SIGNING_SECRET
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def driver(app_url: str, fake: FakeSlack) -> SlackDriver:
    """Slack's side, delivering nothing: the tests deliver the outbox themselves."""
    return SlackDriver(f"{app_url}/slack/events", SIGNING_SECRET, fake)


def effects_of(engine: Engine, responder_id: int) -> dict[str, str]:
    with session_scope(engine) as session:
        found = session.exec(select(Effect).where(Effect.responder_id == responder_id)).all()
        return {e.key: e.kind for e in found}


def test_it_records_the_saved_dm_with_the_save_and_sends_it_from_the_outbox(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker
) -> None:
    driver.submit("UALICE", open_form(driver, fake, "UALICE", "tomorrow")["id"])
    [alice] = stored(engine)
    assert effects_of(engine, alice.id or 0) == {f"responder:{alice.id}:saved:0": "responder.saved"}
    assert fake.last_dm("UALICE") is None
    effects.deliver_due()
    saved = fake.last_dm("UALICE")
    assert saved is not None and " is set: " in saved["text"]
    [alice] = stored(engine)
    assert alice.dm_channel is not None and alice.dm_ts == saved["ts"]


def test_it_sends_the_saved_dm_once_slack_answers_again(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    driver.submit("UALICE", open_form(driver, fake, "UALICE", "tomorrow")["id"])
    fake.fail_next("chat.postMessage", "internal_error")
    effects.deliver_due()
    assert fake.last_dm("UALICE") is None
    clock.advance(seconds=2)
    effects.deliver_due()
    assert len(fake.messages_to("UALICE")) == 1
    assert " is set: " in fake.messages_to("UALICE")[0]["text"]


def test_it_records_the_deleted_dm_with_the_deletion(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker
) -> None:
    driver.submit("UALICE", open_form(driver, fake, "UALICE", "tomorrow")["id"])
    effects.deliver_due()
    driver.click("UALICE", action_id="responder_delete", message=fake.last_dm("UALICE"))
    driver.submit("UALICE", fake.modal("UALICE")["id"])  # type: ignore[index]
    assert len(fake.messages_to("UALICE")) == 1
    effects.deliver_due()
    [saved, deleted] = fake.messages_to("UALICE")
    assert deleted["text"].endswith("is deleted.")
    assert saved["text"] == deleted["text"], "the saved DM's buttons are retired"


def test_it_never_sends_a_saved_dm_after_the_deletion_it_was_late_for(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    driver.submit("UALICE", open_form(driver, fake, "UALICE", "tomorrow")["id"])
    fake.fail_next("chat.postMessage", "internal_error")
    effects.deliver_due()
    [alice] = stored(engine)
    choose(driver, "UALICE", f"delete:{alice.id}", message=driver.command("UALICE", "list").json())
    driver.submit("UALICE", fake.modal("UALICE")["id"])  # type: ignore[index]
    clock.advance(seconds=30)
    effects.deliver_due()
    [deleted] = fake.messages_to("UALICE")
    assert deleted["text"].endswith("is deleted.")


def test_it_sends_only_the_newest_of_two_saves_delivered_together(
    driver: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker
) -> None:
    driver.submit("UALICE", open_form(driver, fake, "UALICE", "tomorrow")["id"])
    [alice] = stored(engine)
    for words in ("Back soon.", "Back on Monday."):
        choose(
            driver, "UALICE", f"edit:{alice.id}", message=driver.command("UALICE", "list").json()
        )
        driver.submit("UALICE", fake.modal("UALICE")["id"], {"message": words})  # type: ignore[index]
    effects.deliver_due()
    [saved] = fake.messages_to("UALICE")
    assert " is updated: " in saved["text"] and "Back on Monday." in str(saved["blocks"])
