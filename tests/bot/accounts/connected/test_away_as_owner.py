"""While away, as the owner: their status set and put back, their notifications paused and
resumed, with their own token only; without a connected account, skipped and shown."""

from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import Engine

from bot.core.status import EMOJI, RENEW_EVERY
from bot.outbox.worker import EffectWorker
from storage.models import ResponderRow
from tests.bot.accounts.conftest import ALICE
from tests.bot.flows import texts
from tests.bot.responders.lifecycle_steps import add_responder, responder_row, run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

USER_ONLY = ("users.profile.set", "dnd.setSnooze", "dnd.endSnooze")


def away(engine: Engine, clock: FakeClock, *, days: float = 3) -> ResponderRow:
    """Alice is out from now for some days, asking for her status and a snooze."""
    now, end = clock(), clock() + timedelta(days=days)
    wishes = {"set_status": True, "pause_notifications": True}
    return responder_row(
        engine, add_responder(engine, ALICE, starts_at=now, ends_at=end, saved_at=now, **wishes)
    )


def test_it_sets_her_status_and_pauses_her_notifications_then_puts_them_back(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    responder = away(engine, clock)
    end = int(responder.ends_at.timestamp()) if responder.ends_at else 0

    run_at(engine, clock, effects)
    text, emoji, expiration = fake.status_of(ALICE)
    assert (emoji, expiration) == (EMOJI, end) and text.startswith("Out of office · back ")
    assert fake.snooze_of(ALICE) == int((clock() + timedelta(days=1)).timestamp())
    assert all(c.token and c.token.startswith("xoxp-") for c in fake.calls if c.method in USER_ONLY)

    run_at(engine, clock, effects, clock() + timedelta(days=1) - timedelta(minutes=4))
    assert fake.snooze_of(ALICE) == int((clock() + timedelta(days=1)).timestamp())

    run_at(engine, clock, effects, responder.ends_at)
    assert fake.status_of(ALICE) == ("Writing the plan", ":memo:", 0)
    assert fake.snooze_of(ALICE) is None
    assert len(fake.calls_to("users.profile.set")) == 2


def test_it_keeps_a_status_she_set_herself_while_away(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    fake.set_status_as(ALICE, "Writing the plan", ":memo:")
    responder = away(engine, clock, days=0.5)
    run_at(engine, clock, effects)
    fake.set_status_as(ALICE, "Back early", ":wave:")
    fake.snooze_as(ALICE, None)
    run_at(engine, clock, effects, responder.ends_at)
    assert fake.status_of(ALICE) == ("Back early", ":wave:", 0)
    assert fake.calls_to("dnd.endSnooze") == []


def test_without_a_connected_account_it_skips_them_and_says_so(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    responder = away(engine, clock)
    run_at(engine, clock, effects)
    run_at(engine, clock, effects, responder.ends_at)
    assert not [c for c in fake.calls if c.method in USER_ONLY]
    shown = texts(fake.home(ALICE)["blocks"])
    assert "I didn't set your Slack status: connect your account" in shown
    assert "I didn't pause your notifications" in shown


def test_a_snooze_that_lapsed_while_ooo_was_down_is_renewed_not_given_up(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    away(engine, clock)
    run_at(engine, clock, effects)
    # ooo is down from just before the renewal until well after the day's snooze ran out.
    run_at(engine, clock, effects, clock() + timedelta(days=1, minutes=20))
    assert fake.snooze_of(ALICE) == int((clock() + timedelta(days=1)).timestamp())


def test_a_snooze_she_ended_herself_stays_ended(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    start = away(engine, clock).starts_at
    run_at(engine, clock, effects)
    run_at(engine, clock, effects, clock() + timedelta(hours=5))
    fake.snooze_as(ALICE, None)
    run_at(engine, clock, effects, start + RENEW_EVERY)  # the renewal, on time
    assert fake.snooze_of(ALICE) is None
    assert len(fake.calls_to("dnd.setSnooze")) == 1


def test_a_longer_snooze_she_chose_herself_outlasts_the_absence(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    responder = away(engine, clock, days=0.5)
    run_at(engine, clock, effects)
    assert responder.ends_at is not None
    mine = int((responder.ends_at + timedelta(days=3)).timestamp())
    fake.snooze_as(ALICE, mine)  # a long weekend on top
    run_at(engine, clock, effects, responder.ends_at)
    assert fake.snooze_of(ALICE) == mine and fake.calls_to("dnd.endSnooze") == []
