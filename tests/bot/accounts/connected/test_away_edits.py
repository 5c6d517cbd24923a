"""Editing a responder while away: her status and snooze follow a moved end, and ticking or
unticking them in the form acts at once, by the same rules as at the start and the end."""

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine
from sqlmodel import select

from bot.blocks.transitions import EXTEND_DAY
from bot.core.effect_kinds import EffectKind
from bot.core.lifecycle import reminder_at
from bot.core.return_day import return_day
from bot.core.status import EMOJI, RENEW_EVERY
from bot.core.working_days import Schedule
from bot.outbox.worker import EffectWorker
from storage.db import session_scope
from storage.effects_queries import PENDING
from storage.models import Effect, ResponderRow
from storage.responder_rows import value_of
from tests.bot.accounts.conftest import ALICE
from tests.bot.flows import stored
from tests.bot.responders.lifecycle_steps import add_responder, run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

BOTH = ["notify_self", "set_status", "pause_notifications"]
TZ = ZoneInfo("Europe/Paris")


def away(engine: Engine, clock: FakeClock, *, hours: float, status: bool, snooze: bool) -> None:
    """Alice is out from the next whole minute (as the form's pickers write times) for some
    hours, asking ooo for her status and/or a snooze."""
    clock.set(clock().replace(second=0, microsecond=0) + timedelta(minutes=1))
    now = clock()
    end, wishes = (
        now + timedelta(hours=hours),
        {"set_status": status, "pause_notifications": snooze},
    )
    add_responder(engine, ALICE, starts_at=now, ends_at=end, saved_at=now, **wishes)


def edit(slack: SettlingDriver, fake: FakeSlack, engine: Engine, **inputs: object) -> ResponderRow:
    """Alice picks Edit in `/ooo list`, changes some inputs and saves; the responder after."""
    [responder] = stored(engine)
    listing = slack.command(ALICE, "list").json()
    menu = next(
        b["accessory"]
        for b in listing["blocks"]
        if b.get("accessory", {}).get("type") == "overflow"
    )
    slack.click(ALICE, action_id=menu["action_id"], option=f"edit:{responder.id}", message=listing)
    modal = fake.modal(ALICE)
    assert modal is not None and modal["title"]["text"] == "Edit responder"
    reply = slack.submit(ALICE, modal["id"], inputs)
    assert reply.status == 200 and not reply.text, reply.text
    [responder] = stored(engine)
    return responder


def last_day(moment: datetime) -> str:
    """The form's end date for a return at `moment` (midnight in Paris)."""
    return (moment.astimezone(TZ).date() - timedelta(days=1)).isoformat()


def back_text(ends_at: datetime) -> str:
    """ "Out of office · back Thu, Dec 17", written out for Alice (US English, Paris): the
    first working day (Monday to Friday) from the end."""
    back = return_day(ends_at, str(TZ), Schedule())
    return f"Out of office · back {back:%a}, {back:%b} {back.day}"


def stamp(moment: datetime | None) -> int:
    return int(moment.timestamp()) if moment else 0


def test_moving_the_end_later_moves_her_status_and_her_snooze(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    away(engine, clock, hours=6, status=True, snooze=True)
    run_at(engine, clock, effects)
    [before] = stored(engine)
    assert fake.snooze_of(ALICE) == stamp(before.ends_at)

    back = (
        (clock() + timedelta(days=4))
        .astimezone(TZ)
        .replace(hour=0, minute=0, second=0, microsecond=0)
    )
    after = edit(slack, fake, engine, end_date=last_day(back), end_time=None)
    assert after.ends_at == back
    assert fake.status_of(ALICE) == (back_text(back), EMOJI, stamp(back))
    assert fake.snooze_of(ALICE) == stamp(clock() + timedelta(days=1))

    for day in range(1, 4):
        run_at(engine, clock, effects, before.starts_at + day * RENEW_EVERY + timedelta(minutes=1))
        assert fake.snooze_of(ALICE) == stamp(min(back, clock() + timedelta(days=1))), day
    run_at(engine, clock, effects, back)
    assert fake.status_of(ALICE) == ("Writing the plan", ":memo:", 0)
    assert fake.snooze_of(ALICE) is None
    assert len(fake.calls_to("users.profile.set")) == 3  # set, moved, put back


def test_one_more_day_from_the_reminder_moves_her_status_and_snooze_too(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    away(engine, clock, hours=48, status=True, snooze=True)
    run_at(engine, clock, effects)
    [before] = stored(engine)
    remind = reminder_at(value_of(before).timeline())
    assert remind is not None and before.ends_at is not None
    run_at(engine, clock, effects, remind)
    reminder = [m for m in fake.messages_to(ALICE) if m["text"].startswith("You're back")][-1]
    slack.click(ALICE, action_id=EXTEND_DAY, message=reminder)
    [after] = stored(engine)
    assert after.ends_at == before.ends_at + timedelta(days=1)
    assert fake.status_of(ALICE) == (back_text(after.ends_at), EMOJI, stamp(after.ends_at))
    assert fake.snooze_of(ALICE) == stamp(min(after.ends_at, clock() + timedelta(days=1)))


def test_an_end_moved_earlier_or_made_permanent_shows_in_her_status(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    away(engine, clock, hours=24 * 5, status=True, snooze=False)
    run_at(engine, clock, effects)
    sooner = (
        (clock() + timedelta(days=2))
        .astimezone(TZ)
        .replace(hour=0, minute=0, second=0, microsecond=0)
    )
    edit(slack, fake, engine, end_date=last_day(sooner), end_time=None)
    assert fake.status_of(ALICE) == (back_text(sooner), EMOJI, stamp(sooner))

    edit(slack, fake, engine, permanent=["permanent"])
    assert fake.status_of(ALICE) == ("Out of office", EMOJI, 0)
    run_at(engine, clock, effects, sooner + timedelta(days=30))
    assert fake.status_of(ALICE) == ("Out of office", EMOJI, 0)


def test_a_moved_end_leaves_a_status_she_set_herself(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    away(engine, clock, hours=6, status=True, snooze=False)
    run_at(engine, clock, effects)
    fake.set_status_as(ALICE, "In Lisbon", ":sunny:")
    after = edit(slack, fake, engine, end_date=last_day(clock() + timedelta(days=3)))
    assert fake.status_of(ALICE) == ("In Lisbon", ":sunny:", 0)
    run_at(engine, clock, effects, after.ends_at)
    assert fake.status_of(ALICE) == ("In Lisbon", ":sunny:", 0)
    assert len(fake.calls_to("users.profile.set")) == 1


def test_unticking_them_puts_her_status_back_and_ends_the_snooze_now(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    away(engine, clock, hours=24 * 3, status=True, snooze=True)
    run_at(engine, clock, effects)
    assert fake.snooze_of(ALICE) is not None

    after = edit(slack, fake, engine, notify=["notify_self"])
    assert fake.status_of(ALICE) == ("Writing the plan", ":memo:", 0)
    assert fake.snooze_of(ALICE) is None
    # Nor does the snooze come back the next day, or anything happen again at the end.
    run_at(engine, clock, effects, clock() + timedelta(days=1))
    run_at(engine, clock, effects, after.ends_at)
    assert fake.snooze_of(ALICE) is None
    assert len(fake.calls_to("users.profile.set")) == 2
    assert len(fake.calls_to("dnd.endSnooze")) == 1


def test_unticking_them_leaves_what_she_changed_herself(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    away(engine, clock, hours=6, status=True, snooze=True)
    run_at(engine, clock, effects)
    fake.set_status_as(ALICE, "In Lisbon", ":sunny:")
    fake.snooze_as(ALICE, None)
    edit(slack, fake, engine, notify=["notify_self"])
    assert fake.status_of(ALICE) == ("In Lisbon", ":sunny:", 0)
    assert fake.calls_to("dnd.endSnooze") == []


def test_ticking_them_while_away_sets_her_status_and_snoozes_her_now(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    away(engine, clock, hours=30, status=False, snooze=False)
    run_at(engine, clock, effects)
    assert fake.calls_to("users.profile.set") == []

    after = edit(slack, fake, engine, notify=BOTH)
    assert fake.status_of(ALICE) == (
        back_text(after.ends_at or clock()),
        EMOJI,
        stamp(after.ends_at),
    )
    assert fake.snooze_of(ALICE) == stamp(clock() + timedelta(days=1))
    run_at(engine, clock, effects, after.starts_at + RENEW_EVERY + timedelta(minutes=1))
    assert fake.snooze_of(ALICE) == stamp(after.ends_at)
    run_at(engine, clock, effects, after.ends_at)
    assert fake.status_of(ALICE) == ("Writing the plan", ":memo:", 0)
    assert fake.snooze_of(ALICE) is None


def test_a_moved_end_whose_first_try_failed_still_puts_her_own_status_back(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    away(engine, clock, hours=6, status=True, snooze=False)
    run_at(engine, clock, effects)
    fake.fail_next("users.profile.set", "internal_error")
    after = edit(slack, fake, engine, end_date=last_day(clock() + timedelta(days=3)))
    assert fake.status_of(ALICE)[2] != stamp(after.ends_at)

    run_at(engine, clock, effects, clock() + timedelta(minutes=10))  # the retry
    assert fake.status_of(ALICE)[2] == stamp(after.ends_at)
    run_at(engine, clock, effects, clock() + timedelta(minutes=10))  # nothing more to do
    run_at(engine, clock, effects, after.ends_at)
    assert fake.status_of(ALICE) == ("Writing the plan", ":memo:", 0)
    assert len(fake.calls_to("users.profile.set")) == 4  # set, failed, moved, put back


def test_a_moved_end_keeps_one_chain_of_renewals(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    away(engine, clock, hours=24 * 3, status=False, snooze=True)
    run_at(engine, clock, effects)
    assert len(renewals_pending(engine)) == 1
    edit(slack, fake, engine, end_date=last_day(clock() + timedelta(days=6)))
    edit(slack, fake, engine, end_date=last_day(clock() + timedelta(days=5)))
    assert len(renewals_pending(engine)) == 1
    [responder] = stored(engine)
    for day in range(1, 4):
        run_at(
            engine, clock, effects, responder.starts_at + day * RENEW_EVERY + timedelta(minutes=1)
        )
        assert len(renewals_pending(engine)) == 1, day
        assert fake.snooze_of(ALICE) == stamp(clock() + timedelta(days=1)), day
    assert len(fake.calls_to("dnd.setSnooze")) == 4  # at the start, then once a day


def renewals_pending(engine: Engine) -> list[Effect]:
    """The snooze renewals waiting for their moment."""
    with session_scope(engine) as session:
        query = select(Effect).where(
            Effect.kind == EffectKind.SNOOZE_RENEW, Effect.status == PENDING
        )
        return list(session.exec(query).all())
