"""What ooo keeps about an absence lasts as long as the absence, and goes a retention period
after it ends; erasing a person removes every row that names them."""

from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import SQLModel, select

from bot.accounts.personal_data import erase
from bot.replies.retention import purge
from storage.db import session_scope
from storage.models import Effect, Mention, Reminder, ResponderRow, Transition
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import NOW, SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

DAYS = 30
KEPT = (Mention, Reminder, Effect, Transition, ResponderRow)


def rows(engine: Engine, model: type[SQLModel]) -> int:
    with session_scope(engine) as session:
        return len(session.exec(select(model)).all())


def test_a_long_absence_keeps_its_reminders_and_its_whole_digest(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, ends_at=NOW + timedelta(days=60))
    slack.message("UBOB", GENERAL, "<@UALICE> the contract?")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    for _ in range(59):
        clock.advance(days=1)
        slack.settle()
        purge(engine, now=clock(), days=DAYS)
    assert alice.ends_at is not None
    clock.set(alice.ends_at)
    slack.settle()

    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        ":wave: <@UALICE> is back. You asked me to let you know."
    ]
    _welcome, digest = fake.messages_to("UALICE")
    assert "*<@UBOB>*" in str(digest["blocks"])


def test_an_absence_is_forgotten_a_retention_period_after_it_ends(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    alice = out(engine, backup_id="UCAROL", forward_to="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the contract?")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    assert alice.ends_at is not None
    clock.set(alice.ends_at)
    slack.settle()
    kept = {model.__name__: rows(engine, model) for model in KEPT}

    clock.set(alice.ends_at + timedelta(days=DAYS - 1))
    purge(engine, now=clock(), days=DAYS)
    still = {model.__name__: rows(engine, model) for model in KEPT}
    clock.set(alice.ends_at + timedelta(days=DAYS, seconds=1))
    purge(engine, now=clock(), days=DAYS)
    gone = {model.__name__: rows(engine, model) for model in KEPT}

    assert all(kept.values()) and still == kept
    assert gone == dict.fromkeys(kept, 0)


def test_erasing_someone_removes_the_effects_that_name_them(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, backup_id="UCAROL", forward_to="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> the contract?")
    slack.click("UBOB", action_id="reply_notify_backup", message=replies_to(fake, "UBOB")[0])

    for person in ("UBOB", "UCAROL"):
        erase(engine, team_id="T0001", user_id=person)

    with session_scope(engine) as session:
        left = [e.payload for e in session.exec(select(Effect))]
    assert [p for p in left if "UBOB" in p or "UCAROL" in p] == []
