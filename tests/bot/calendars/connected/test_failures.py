"""A feed that fails: backed off, its responders kept, its person told once after a day."""

from datetime import timedelta

from sqlalchemy import Engine

from bot.calendars.connected.refresh import Reader, refresh_feed
from bot.calendars.connected.sweep import RefreshSweep, claim_due
from bot.outbox.worker import EffectWorker
from tests.bot.calendars.conftest import FeedServer, connected
from tests.bot.calendars.connected.test_sync import HOLIDAY, effects, feed_now, rows
from tests.conftest import NOW
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_it_keeps_the_responders_of_a_feed_that_disappeared_and_backs_off(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    del feed_server.feeds["/alice.ics"]
    waits, now = [], NOW
    for _attempt in range(4):
        refresh_feed(engine, reader, feed_now(engine, feed), now=now)
        stored = feed_now(engine, feed)
        waits.append(stored.due_at - now)
        now = stored.due_at
    assert waits == [timedelta(minutes=m) for m in (15, 30, 60, 120)]
    assert (stored.failures, stored.failing_since, stored.problem) == (4, NOW, "http_status:404")
    assert [(r.deleted_at, r.ends_at) for r in rows(engine)] == [(None, HOLIDAY.end)]


def test_it_tells_its_person_once_after_a_day_and_forgets_it_once_it_reads(
    engine: Engine,
    reader: Reader,
    feed_server: FeedServer,
    fake: FakeSlack,
    effects: EffectWorker,
    clock: FakeClock,
) -> None:
    url = feed_server.url("/gone.ics")
    feed = connected(engine, url)
    for hours in (0, 12, 23, 24, 30, 36):
        refresh_feed(engine, reader, feed_now(engine, feed), now=NOW + timedelta(hours=hours))
    assert len(_told(engine)) == 1
    clock.set(NOW + timedelta(hours=36))
    while effects.deliver_due():
        pass
    dm = fake.last_dm("UALICE")
    assert dm is not None and "127.0.0.1/…" in dm["text"] and "/gone.ics" not in dm["text"]
    feed_server.publish("/gone.ics", [HOLIDAY])
    refresh_feed(engine, reader, feed_now(engine, feed), now=NOW + timedelta(hours=40))
    assert (feed_now(engine, feed).failing_since, feed_now(engine, feed).told_at) == (None, None)
    feed_server.feeds.clear()
    for hours in (41, 70):
        refresh_feed(engine, reader, feed_now(engine, feed), now=NOW + timedelta(hours=hours))
    assert len(_told(engine)) == 2


def _told(engine: Engine) -> list[object]:
    return list(effects(engine, "calendar.failing"))


def test_it_lets_one_replica_claim_a_due_feed(engine: Engine, feed_server: FeedServer) -> None:
    connected(engine, feed_server.url("/alice.ics"))
    connected(engine, feed_server.url("/bob.ics"), owner="UBOB")
    first = claim_due(engine, now=NOW, limit=10)
    assert len(first) == 2
    assert claim_due(engine, now=NOW, limit=10) == []
    assert len(claim_due(engine, now=NOW + timedelta(minutes=10), limit=10)) == 2


def test_it_reads_every_due_feed_though_one_fails(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    broken = connected(engine, feed_server.url("/broken.ics"), owner="UBOB")
    alice = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    sweep = RefreshSweep(reader, budget=30)
    assert sweep.run(engine, NOW) == 2
    sweep.close()
    assert feed_now(engine, broken).problem == "http_status:404"
    assert feed_now(engine, alice).found == 1
    assert [r.owner_id for r in rows(engine)] == ["UALICE"]


def test_it_reads_nothing_without_a_key(engine: Engine, feed_server: FeedServer) -> None:
    connected(engine, feed_server.url("/alice.ics"))
    sweep = RefreshSweep(None)
    assert sweep.sweep().next_due is None
    assert sweep.run(engine, NOW) == 0
    sweep.close()
