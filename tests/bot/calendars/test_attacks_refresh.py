"""Attacks on a connected calendar over time: a feed that changes, disappears, or is taken over,
read again by the app's own scheduler, and the Home tab's form fed bad addresses."""

from sqlalchemy import Engine

from bot.blocks.calendar import OPEN_FORM, URL
from bot.core.workspace import Workspace
from bot.responders.changes import extend_by_a_day
from bot.responders.use_cases import owner_transaction
from tests.bot.calendars.conftest import Event, FeedServer
from tests.bot.calendars.connected.test_command import calendar, home, stored_feed
from tests.bot.calendars.connected.test_sync import HOLIDAY, TRIP, on, rows
from tests.bot.calendars.test_attacks_connect import live
from tests.bot.team.team_flows import away
from tests.conftest import NOW, SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

MOVED = Event(HOLIDAY.uid, on(11), on(16))
NEW = Event("new@example.com", on(24), on(26))
TRIP_CANCELLED = Event(TRIP.uid, TRIP.start, TRIP.end, cancelled=True)


def later(slack: SettlingDriver, clock: FakeClock, hours: float = 1) -> None:
    """Let time pass past a refresh period and let the app's scheduler do what is due."""
    clock.advance(hours=hours)
    slack.settle()


def test_it_follows_a_feed_that_changes_between_reads_on_its_own(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    url = feed_server.publish("/alice.ics", [HOLIDAY, TRIP])
    calendar(slack, fake, f"<{url}>")
    feed_server.publish("/alice.ics", [MOVED, TRIP_CANCELLED, NEW])
    later(slack, clock)
    assert sorted((uid, start) for _, uid, start, _ in live(engine)) == [
        (HOLIDAY.uid, on(11)),
        (NEW.uid, on(24)),
    ]


def test_it_keeps_the_responders_of_a_feed_that_disappears(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    calendar(slack, fake, f"<{feed_server.publish('/alice.ics', [HOLIDAY, TRIP])}>")
    feed_server.feeds.pop("/alice.ics")
    later(slack, clock)
    later(slack, clock, hours=30)
    assert len(live(engine)) == 2
    assert "404" in calendar(slack, fake, "") or "error" in calendar(slack, fake, "").lower()


def test_it_keeps_a_responder_made_by_hand_over_a_calendar_event(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    away(engine, "UALICE", on(9), on(16))
    said = calendar(slack, fake, f"<{feed_server.publish('/alice.ics', [HOLIDAY, TRIP])}>")
    assert "Calendar connected" in said, said
    later(slack, clock)
    kept = [r for r in rows(engine) if r.deleted_at is None]
    assert sorted(str(r.event_uid) for r in kept) == ["None", TRIP.uid]


def submit_form(slack: SettlingDriver, fake: FakeSlack, typed: str) -> dict[str, object]:
    """Open the Home tab's Connect form, submit this address; the form's answer ({} if closed)."""
    slack.click("UALICE", action_id=OPEN_FORM, view_id=home(slack, fake)["id"])
    modal = fake.modal("UALICE")
    assert modal is not None
    reply = slack.submit("UALICE", modal["id"], {URL: typed})
    return dict(reply.json()) if reply.text else {}


def test_it_refuses_bad_addresses_in_the_home_form_and_stores_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    feed_server.feeds["/login"] = b"<html><body>Sign in to continue</body></html>"
    for typed in (
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.7/s3cr3t-cal.ics",
        "http://example.com/s3cr3t-cal.ics",
        feed_server.url("/login"),
        feed_server.url("/nothing-here-s3cr3t.ics"),
        "webcal://[::1]/s3cr3t-cal.ics",
    ):
        answer = submit_form(slack, fake, typed)
        if answer.get("response_action") != "errors":
            dm = fake.last_dm("UALICE")
            assert dm is not None and "I didn't connect that calendar" in dm["text"], typed
            assert "s3cr3t" not in dm["text"]
        assert "s3cr3t" not in str(answer), (typed, answer)
        assert stored_feed(engine) is None and rows(engine) == []


def test_it_refuses_an_address_typed_as_private_digits_in_the_form_itself(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    answer = submit_form(slack, fake, "https://169.254.169.254/latest/meta-data/")
    assert answer.get("response_action") == "errors", answer


def test_it_keeps_what_alice_took_over_when_she_disconnects_the_calendar(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    calendar(slack, fake, f"<{feed_server.publish('/alice.ics', [HOLIDAY, TRIP])}>")
    holiday = next(r for r in rows(engine) if r.event_uid == HOLIDAY.uid)
    alice = Workspace("T0001")
    with owner_transaction(engine, workspace=alice, owner_id="UALICE") as session:
        extend_by_a_day(
            session, workspace=alice, owner_id="UALICE", responder_id=holiday.id or 0, now=NOW
        )
    calendar(slack, fake, "off")
    assert [(start, end) for _, _, start, end in live(engine)] == [(on(10), on(16))]


def test_it_leaves_bob_his_absences_when_alice_disconnects_the_feed_they_share(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/shared.ics", [HOLIDAY, TRIP])
    for person in ("UALICE", "UBOB"):
        calendar(slack, fake, f"<{url}>", user=person)
    calendar(slack, fake, "off")
    assert sorted(owner for owner, _, _, _ in live(engine)) == ["UBOB", "UBOB"]
    assert stored_feed(engine, "UBOB") is not None
