"""Team digests posted once on each working day at the setter's time, across restarts, replicas."""

import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from storage.db import make_engine
from tests.bot.flows import texts
from tests.bot.outbox.conftest import worker_on
from tests.bot.team.team_flows import SECRET, ask, away, on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

LEADS = "<#C0LEADS|team-leads>"
# Monday 30 November 2026, 09:00 in London, where Carol sets the digest up.
MONDAY_NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def digest(slack: SlackDriver, fake: FakeSlack, engine: Engine) -> None:
    """Carol has @oncall's digest posted in #team-leads at 09:00; Alice is away this week."""
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    away(engine, "UALICE", on(30), on(3, 12))
    answer = ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 <!subteam^S0ONCALL|@oncall>")
    assert "every working day" in answer["text"]


def posts(fake: FakeSlack) -> list[dict[str, Any]]:
    """What ooo posted in #team-leads."""
    return fake.messages_to("C0LEADS")


def wake(engine: Engine, effects: EffectWorker, clock: FakeClock) -> None:
    """What the scheduler and the outbox do when they wake up."""
    sweep_digests(engine, clock())
    effects.deliver_due()


@pytest.mark.usefixtures("digest")
def test_it_posts_who_is_out_today_and_this_week_at_the_time_set(
    fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE.replace(hour=8, minute=59))
    wake(engine, effects, clock)
    assert posts(fake) == []
    clock.set(MONDAY_NINE)
    wake(engine, effects, clock)
    (post,) = posts(fake)
    shown = texts(post["blocks"])
    assert "Who's out today and this week · @oncall" in shown
    assert "alice · back" in shown
    assert SECRET not in str(post)


@pytest.mark.usefixtures("digest")
def test_it_posts_once_a_day_however_often_it_wakes(
    fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE)
    for _ in range(6):
        wake(engine, effects, clock)
        clock.advance(minutes=30)
    assert len(posts(fake)) == 1
    clock.advance(days=1)
    wake(engine, effects, clock)
    assert len(posts(fake)) == 2


@pytest.mark.usefixtures("digest")
def test_it_skips_weekends_and_posts_late_rather_than_never(
    fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    wake(engine, effects, clock)
    clock.set(datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    wake(engine, effects, clock)
    assert posts(fake) == []
    # Down from Sunday to Monday 15:00: Monday's still goes out, once.
    clock.set(datetime(2026, 11, 30, 15, 0, tzinfo=UTC))
    wake(engine, effects, clock)
    wake(engine, effects, clock)
    assert len(posts(fake)) == 1


@pytest.mark.usefixtures("digest")
def test_it_posts_once_across_a_restart(
    fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE)
    sweep_digests(engine, clock())  # recorded, then the process stops before delivering
    restarted = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        sweep_digests(restarted, clock())
        again = worker_on(restarted, fake, clock)
        again.deliver_due()
        again.close()
        wake(engine, effects, clock)
    finally:
        restarted.dispose()
    assert len(posts(fake)) == 1


@pytest.mark.usefixtures("digest")
def test_it_posts_once_with_two_replicas_waking_together(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE)
    url = engine.url.render_as_string(hide_password=False)
    replicas = [make_engine(url), make_engine(url)]
    workers = [worker_on(e, fake, clock) for e in replicas]
    start = threading.Barrier(2)

    def replica(index: int) -> None:
        start.wait()
        sweep_digests(replicas[index], clock())
        workers[index].deliver_due()

    threads = [threading.Thread(target=replica, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    for worker, replica_engine in zip(workers, replicas, strict=True):
        worker.deliver_due()
        worker.close()
        replica_engine.dispose()
    assert len(posts(fake)) == 1


@pytest.mark.usefixtures("digest")
def test_it_stops_posting_once_removed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE)
    sweep_digests(engine, clock())
    ask(slack, fake, "UCAROL", f"digest remove {LEADS}")
    effects.deliver_due()
    clock.advance(days=1)
    wake(engine, effects, clock)
    assert posts(fake) == []


def test_it_does_not_post_a_stale_day_after_being_down(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=UTC))  # Thursday: the next one is Friday's
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))  # back on Monday before 09:00
    wake(engine, effects, clock)
    assert posts(fake) == []
    clock.set(MONDAY_NINE)
    wake(engine, effects, clock)
    assert len(posts(fake)) == 1


@pytest.mark.usefixtures("digest")
def test_it_posts_once_a_day_when_the_time_moves_after_todays_post(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    clock.set(MONDAY_NINE)
    wake(engine, effects, clock)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 11:00 @oncall")
    clock.set(MONDAY_NINE.replace(hour=11))
    wake(engine, effects, clock)
    assert len(posts(fake)) == 1


@pytest.mark.usefixtures("digest")
def test_it_says_in_the_list_when_the_last_post_failed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL"])  # ooo was removed
    fake.allow("not_in_channel")
    clock.set(MONDAY_NINE)
    wake(engine, effects, clock)
    listed = ask(slack, fake, "UCAROL", "digest list")["text"]
    assert "the last post failed (not_in_channel): `/invite @ooo` in that channel" in listed
