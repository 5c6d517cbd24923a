"""Reply queries on SQLite and PostgreSQL: candidates, event dedupe under retries, retention."""

import threading
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, delete, update
from sqlmodel import col, select

from storage import reply_queries, retention_queries
from storage.db import session_scope
from storage.models import Mention, ResponderRow, SlackEvent
from tests.storage.test_queries import ACME, GLOBEX, NOW, add, responder

ON = {"starts_at": NOW - timedelta(days=1), "ends_at": NOW + timedelta(days=1)}


def mention(responder_id: int, at: object, ts: str = "1.0") -> Mention:
    return Mention(
        team_id="T0001",
        responder_id=responder_id,
        sender_id="UBOB",
        channel_id="C0GENERAL",
        message_ts=ts,
        outcome=reply_queries.REPLIED,
        window_key=f"{responder_id}:0",
        at=at,
    )


def test_it_lists_the_responders_not_ended_of_a_workspace(engine: Engine) -> None:
    on, later, _ended, _elsewhere = add(
        engine,
        responder("UALICE", **ON),
        responder("UERIN"),  # starts in three days
        responder("UCAROL", starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(days=1)),
        responder("UALICE", GLOBEX, **ON),
    )
    with session_scope(engine) as session:
        found = reply_queries.not_ended(session, workspace=ACME, now=NOW)
    assert [r.id for r in found] == [on, later]


def test_it_claims_an_event_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = reply_queries.claim_event(session, event_id="Ev1", team_id="T0001", now=NOW)
    with session_scope(engine) as session:
        again = reply_queries.claim_event(session, event_id="Ev1", team_id="T0001", now=NOW)
    assert (first, again) == (True, False)


def _claim_meanwhile(engine: Engine, *, commit: bool) -> bool:
    """A retry claims the event while the first delivery's transaction is still open."""
    results: list[bool] = []

    def retry() -> None:
        with session_scope(engine) as session:
            reply_queries.lock_for_replies(session, workspace=ACME, keys=["UALICE"])
            results.append(
                reply_queries.claim_event(session, event_id="Ev1", team_id="T0001", now=NOW)
            )

    with session_scope(engine) as session:
        reply_queries.lock_for_replies(session, workspace=ACME, keys=["UALICE"])
        assert reply_queries.claim_event(session, event_id="Ev1", team_id="T0001", now=NOW)
        thread = threading.Thread(target=retry)
        thread.start()
        time.sleep(0.3)
        assert results == [], "the retry must wait for the first delivery"
        if not commit:
            session.rollback()
    thread.join(timeout=5)
    return results[0]


def test_a_retry_during_the_first_delivery_waits_and_finds_it_handled(engine: Engine) -> None:
    assert _claim_meanwhile(engine, commit=True) is False


def test_a_retry_takes_over_when_the_first_delivery_failed(engine: Engine) -> None:
    assert _claim_meanwhile(engine, commit=False) is True


def test_it_keeps_a_message_once_per_responder(engine: Engine) -> None:
    alice, dan = add(engine, responder("UALICE", **ON), responder("UDAN", **ON))
    with session_scope(engine) as session:
        first = reply_queries.record_mentions(session, mentions=[mention(alice, NOW)])
        both = reply_queries.record_mentions(
            session, mentions=[mention(alice, NOW), mention(dan, NOW)]
        )
    assert (first, both) == ({alice}, {dan})


def test_it_counts_what_was_sent_to_a_sender_and_this_hour(engine: Engine) -> None:
    [alice] = add(engine, responder("UALICE", **ON))
    with session_scope(engine) as session:
        for minutes, ts in ((90, "1.0"), (30, "2.0"), (10, "3.0")):
            row = mention(alice, NOW - timedelta(minutes=minutes), ts)
            reply_queries.record_mentions(session, mentions=[row])
    with session_scope(engine) as session:
        sent = reply_queries.sent_to(
            session, responder_id=alice, sender_id="UBOB", window_key=f"{alice}:0", now=NOW
        )
        other_window = reply_queries.sent_to(
            session, responder_id=alice, sender_id="UBOB", window_key=f"{alice}:1", now=NOW
        )
    assert (sent.last_to_sender, sent.last_hour) == (NOW - timedelta(minutes=10), 2)
    assert other_window.last_to_sender is None


def test_it_forgets_events_and_absences_after_the_retention_period(engine: Engine) -> None:
    month = timedelta(days=31)
    alice, erin, dan = add(
        engine,
        responder("UALICE", **ON),
        responder("UERIN", starts_at=NOW - 2 * month, ends_at=NOW - month),
        responder("UDAN", starts_at=NOW - 2 * month, ends_at=None),
    )
    with session_scope(engine) as session:
        reply_queries.record_mentions(
            session,
            mentions=[
                mention(alice, NOW - 2 * month),
                mention(erin, NOW - 2 * month),
                mention(dan, NOW - month, "3.0"),
                mention(dan, NOW, "4.0"),
            ],
        )
        reply_queries.claim_event(session, event_id="Old", team_id="T0001", now=NOW - month)
        reply_queries.claim_event(session, event_id="New", team_id="T0001", now=NOW)
    with session_scope(engine) as session:
        removed = retention_queries.purge(session, before=NOW - timedelta(days=30))
    with session_scope(engine) as session:
        kept = [(m.responder_id, m.message_ts) for m in session.exec(select(Mention)).all()]
        events = [e.event_id for e in session.exec(select(SlackEvent)).all()]
        owners = [r.owner_id for r in session.exec(select(ResponderRow)).all()]
    assert kept == [(alice, "1.0"), (dan, "4.0")]
    assert (removed, events, owners) == (4, ["New"], ["UALICE", "UDAN"])


# The scheduler's and the confirmation DM's bookkeeping: they never change who is answered.
# How a direct message is answered is read from the database as the reply goes out. Where a
# responder came from (a calendar's occurrence, taken over or not) changes no reply.
UNWATCHED = {
    *("applied", "due_at", "dm_channel", "dm_ts", "saved_status", "reply_as_me"),
    *("calendar_id", "event_uid", "occurrence", "taken_over"),
    # Who set an absence, and the closure it belongs to, change no reply.
    *("set_by", "closure_id"),
}
ANOTHER = {str: "changed", int: 999, bool: False, datetime: NOW + timedelta(hours=1)}
RESPONDER = ResponderRow.__table__  # type: ignore[attr-defined]


def _version(engine: Engine) -> int:
    with session_scope(engine) as session:
        return reply_queries.responders_version(session)


@pytest.mark.parametrize("column", [c.name for c in RESPONDER.columns])
def test_every_change_but_bookkeeping_moves_the_responders_version(
    engine: Engine, column: str
) -> None:
    [alice] = add(engine, responder("UALICE", **ON))
    before = _version(engine)
    stored = RESPONDER.c[column].type
    value = ANOTHER[getattr(stored, "impl_instance", stored).python_type]
    # A bare statement, as another replica or a person at a SQL prompt would write it.
    with engine.begin() as connection:
        connection.execute(update(RESPONDER).where(RESPONDER.c.id == alice).values({column: value}))
    assert (_version(engine) > before) is (column not in UNWATCHED)


def test_adding_and_deleting_a_responder_move_the_version(engine: Engine) -> None:
    before = _version(engine)
    [alice] = add(engine, responder("UALICE", **ON))
    added = _version(engine)
    with engine.begin() as connection:
        connection.execute(delete(ResponderRow).where(col(ResponderRow.id) == alice))
    assert before < added < _version(engine)
