"""Reading a feed again and again: only what changed in the calendar changes in ooo."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import col, select

from bot.calendars.connected.refresh import Reader, refresh_feed
from bot.core.workspace import Workspace
from bot.responders.changes import extend_by_a_day
from bot.responders.use_cases import owner_transaction
from storage import calendar_queries
from storage.db import begin_writing, session_scope
from storage.models import CalendarFeed, Effect, ResponderRow
from tests.bot.calendars.conftest import Event, FeedServer, connected
from tests.bot.team.team_flows import away
from tests.conftest import NOW

ALICE = Workspace("T0001")


def on(day: int, hour: int = 0) -> datetime:
    """A moment in UTC, late 2026."""
    return datetime(2026, 12, day, hour, tzinfo=UTC)


def rows(engine: Engine) -> list[ResponderRow]:
    """Every responder, deleted or not, oldest first."""
    with session_scope(engine) as session:
        return list(session.exec(select(ResponderRow).order_by(col(ResponderRow.id))))


def feed_now(engine: Engine, feed: CalendarFeed) -> CalendarFeed:
    """The feed as stored now."""
    with session_scope(engine) as session:
        found = calendar_queries.feed_by_id(session, feed_id=feed.id or 0)
    assert found is not None
    return found


def effects(engine: Engine, kind: str | None = None) -> list[Effect]:
    """The effects recorded, of one kind or all."""
    with session_scope(engine) as session:
        query = select(Effect)
        if kind:
            query = query.where(Effect.kind == kind)
        return list(session.exec(query))


HOLIDAY = Event("holiday@example.com", on(10), on(15))
TRIP = Event("trip@example.com", on(20), on(22))


def test_it_makes_a_responder_of_each_absence_once(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY, TRIP]))
    assert refresh_feed(engine, reader, feed, now=NOW) == "created 2, moved 0, removed 0"
    made = rows(engine)
    assert [(r.starts_at, r.ends_at, r.event_uid) for r in made] == [
        (on(10), on(15), HOLIDAY.uid),
        (on(20), on(22), TRIP.uid),
    ]
    assert {r.owner_id for r in made} == {"UALICE"}
    assert "{return_date}" in made[0].message and made[0].backup_id is None
    stored = feed_now(engine, feed)
    assert (stored.found, stored.read_at, stored.problem) == (2, NOW, None)


def test_it_changes_nothing_when_the_feed_did_not_change(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    before, recorded = rows(engine), len(effects(engine))
    later = NOW + timedelta(minutes=15)
    assert refresh_feed(engine, reader, feed_now(engine, feed), now=later) == "unchanged"
    assert feed_server.requests[-1].get("If-None-Match")
    assert [(r.revision, r.updated_at) for r in rows(engine)] == [
        (r.revision, r.updated_at) for r in before
    ]
    assert len(effects(engine)) == recorded
    assert feed_now(engine, feed).read_at == later


def test_it_changes_nothing_when_the_same_calendar_is_sent_again(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    again = feed_now(engine, feed)
    again.etag = None  # a server without validators sends the whole feed each time
    assert refresh_feed(engine, reader, again, now=NOW) == "created 0, moved 0, removed 0"
    assert [r.revision for r in rows(engine)] == [0]


def test_it_follows_a_moved_a_deleted_and_a_new_event(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY, TRIP]))
    refresh_feed(engine, reader, feed, now=NOW)
    moved = Event(HOLIDAY.uid, on(11), on(16))
    new = Event("conference@example.com", on(28), on(30))
    feed_server.publish("/alice.ics", [moved, new])
    assert refresh_feed(engine, reader, feed_now(engine, feed), now=NOW) == (
        "created 1, moved 1, removed 1"
    )
    holiday, trip, conference = rows(engine)
    assert (holiday.starts_at, holiday.ends_at, holiday.revision) == (on(11), on(16), 1)
    assert trip.deleted_at == NOW and trip.event_uid is None
    assert (conference.starts_at, conference.deleted_at) == (on(28), None)


def test_it_ends_now_a_responder_on_whose_event_was_cancelled(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    during = on(12)
    feed_server.publish("/alice.ics", [Event(HOLIDAY.uid, on(10), on(15), cancelled=True)])
    refresh_feed(engine, reader, feed_now(engine, feed), now=during)
    (holiday,) = rows(engine)
    assert (holiday.ends_at, holiday.deleted_at) == (during, None)
    # Back in the calendar, it is a new absence: the ended one stays ended.
    feed_server.publish("/alice.ics", [Event(HOLIDAY.uid, on(10), on(15))])
    refresh_feed(engine, reader, feed_now(engine, feed), now=during + timedelta(hours=1))
    assert [r.ends_at for r in rows(engine)] == [during, on(15)]


def test_it_leaves_alone_a_responder_its_person_changed_in_ooo(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    (holiday,) = rows(engine)
    with owner_transaction(engine, workspace=ALICE, owner_id="UALICE") as session:
        extend_by_a_day(
            session, workspace=ALICE, owner_id="UALICE", responder_id=holiday.id or 0, now=NOW
        )
    feed_server.publish("/alice.ics", [Event(HOLIDAY.uid, on(11), on(12))])
    refresh_feed(engine, reader, feed_now(engine, feed), now=NOW)
    feed_server.publish("/alice.ics", [])
    refresh_feed(engine, reader, feed_now(engine, feed), now=NOW)
    (kept,) = rows(engine)
    assert (kept.taken_over, kept.starts_at, kept.ends_at, kept.deleted_at) == (
        True,
        on(10),
        on(16),
        None,
    )


def test_it_never_brings_back_a_responder_its_person_deleted(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY]))
    refresh_feed(engine, reader, feed, now=NOW)
    with session_scope(engine) as session:
        begin_writing(session, "test")
        (holiday,) = session.exec(select(ResponderRow)).all()
        holiday.deleted_at = NOW
    refresh_feed(engine, reader, feed_now(engine, feed), now=NOW)
    assert len(rows(engine)) == 1


def test_it_leaves_out_an_absence_overlapping_one_made_by_hand(
    engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    away(engine, "UALICE", on(12), on(13))
    feed = connected(engine, feed_server.publish("/alice.ics", [HOLIDAY, TRIP]))
    refresh_feed(engine, reader, feed, now=NOW)
    assert [r.event_uid for r in rows(engine)] == [None, TRIP.uid]
    assert feed_now(engine, feed).overlapping == 1
