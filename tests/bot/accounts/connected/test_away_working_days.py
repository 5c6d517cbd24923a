"""Alice's Slack status names the day she is back from her working week and holidays, and
follows a change of either while she is away."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine

from bot.core.status import EMOJI
from bot.outbox.worker import EffectWorker
from tests.bot.accounts.conftest import ALICE
from tests.bot.responders.lifecycle_steps import add_responder, run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

PARIS = ZoneInfo("Europe/Paris")


def back_text(day: date) -> str:
    """ "Out of office · back Mon, Dec 14", as Alice (US English) reads it."""
    return f"Out of office · back {day:%a}, {day:%b} {day.day}"


def test_her_status_says_her_next_working_day_and_follows_a_new_week(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    connect_alice: Callable[..., httpx.Response],
) -> None:
    connect_alice()
    clock.set(clock().replace(second=0, microsecond=0) + timedelta(minutes=1))
    now = clock()
    # Out until a Friday at least two days ahead: back on the Saturday at midnight.
    today = now.astimezone(PARIS).date()
    saturday = today + timedelta(days=2 + (5 - (today + timedelta(days=2)).weekday()) % 7)
    ends = datetime.combine(saturday, time(0), tzinfo=PARIS)
    add_responder(engine, ALICE, starts_at=now, ends_at=ends, saved_at=now, set_status=True)
    run_at(engine, clock, effects)
    assert fake.status_of(ALICE)[:2] == (back_text(saturday + timedelta(days=2)), EMOJI)
    clock.set(now + timedelta(hours=1))
    slack.command(ALICE, "week sun-thu")
    run_at(engine, clock, effects)
    assert fake.status_of(ALICE)[:2] == (back_text(saturday + timedelta(days=1)), EMOJI)
