"""Attacks on what a connected calendar holds: exports as real tools write them, titles in every
language ooo reads, the horizon's edges, and a person switching calendars."""

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from tests.bot.calendars.conftest import Event, FeedServer, ics
from tests.bot.calendars.connected.test_command import calendar, stored_feed
from tests.bot.calendars.connected.test_sync import HOLIDAY, TRIP, on, rows
from tests.bot.calendars.test_attacks_connect import live
from tests.bot.calendars.test_attacks_refresh import later
from tests.conftest import NOW, SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def test_it_reads_an_export_with_a_byte_order_mark_and_bare_line_feeds(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    feed_server.feeds["/bom.ics"] = b"\xef\xbb\xbf" + ics([HOLIDAY]).replace(b"\r\n", b"\n")
    said = calendar(slack, fake, f"<{feed_server.url('/bom.ics')}>")
    assert "Calendar connected. Found 1 absence" in said, said


def test_it_answers_off_and_only_ooo_without_a_calendar_clearly(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    for words in ("off", "only-ooo", "all", "OFF", "off please"):
        said = calendar(slack, fake, words)
        assert said.strip() and "Traceback" not in said, words
        assert stored_feed(engine) is None, words


WORDS = [
    "OOO",
    "PTO",
    "Vacation",
    "Congés",
    "Urlaub",
    "Vacaciones",
    "Férias",
    "Ferie",
    "休暇",
    "휴가",
    "休假",
    "Out of office",
]


def test_it_reads_an_absence_in_a_title_in_every_language_it_reads(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    titled = [
        Event(f"t{n}@example.com", on(1 + 2 * n), on(2 + 2 * n), title=title, marked=False)
        for n, title in enumerate(WORDS)
    ]
    calendar(slack, fake, f"<{feed_server.publish('/alice.ics', titled)}>")
    found = {uid for _, uid, _, _ in live(engine)}
    missed = [e.title for e in titled if e.uid not in found]
    assert missed == []


def test_it_reads_only_the_horizon_ahead(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    inside = Event("inside@example.com", NOW + timedelta(days=88), NOW + timedelta(days=89))
    beyond = Event("beyond@example.com", NOW + timedelta(days=92), NOW + timedelta(days=93))
    ended = Event("ended@example.com", NOW - timedelta(days=5), NOW - timedelta(days=2))
    calendar(slack, fake, f"<{feed_server.publish('/alice.ics', [inside, beyond, ended])}>")
    assert [uid for _, uid, _, _ in live(engine)] == [inside.uid]


def test_it_drops_an_event_no_longer_an_absence(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    calendar(slack, fake, f"<{feed_server.publish('/alice.ics', [HOLIDAY, TRIP])}>")
    meeting = Event(HOLIDAY.uid, HOLIDAY.start, HOLIDAY.end, title="Offsite planning", marked=False)
    feed_server.publish("/alice.ics", [meeting, TRIP])
    later(slack, clock)
    assert [uid for _, uid, _, _ in live(engine)] == [TRIP.uid]


def test_it_forgets_the_old_calendars_absences_once_alice_connects_another(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    calendar(slack, fake, f"<{feed_server.publish('/work.ics', [HOLIDAY])}>")
    said = calendar(slack, fake, f"<{feed_server.publish('/home.ics', [TRIP])}>")
    assert "Calendar connected" in said, said
    assert [uid for _, uid, _, _ in live(engine)] == [TRIP.uid]
    assert len(rows(engine)) == 2


def test_it_connects_once_when_alice_sends_the_command_twice_at_once(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/alice.ics", [HOLIDAY, TRIP])
    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(
            pool.map(
                lambda typed: SlackDriver.command(slack, "UALICE", f"calendar {typed}"),
                [f"<{url}>", url, f"<{url}|cal>", f"<{url}>"],
            )
        )
    slack.settle()
    assert all(reply.status == 200 for reply in replies)
    assert sorted(uid or "" for _, uid, _, _ in live(engine)) == [HOLIDAY.uid, TRIP.uid]


def test_it_never_shows_a_secret_query_even_once_the_feed_fails_for_days(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    path = "/calendar/ical/alice%40example.com/private-9d8e7f6a5b4c/basic.ics?token=9d8e7f6a5b4c"
    feed_server.feeds[path] = ics([HOLIDAY])
    said = calendar(slack, fake, f"<{feed_server.url(path)}>")
    assert "Calendar connected" in said, said
    del feed_server.feeds[path]
    for _ in range(8):
        later(slack, clock, hours=6)
    dm = fake.last_dm("UALICE")
    assert dm is not None and "Calendar connected" not in dm["text"], "never told it fails"
    said += calendar(slack, fake, "")
    slack.event({"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "home"})
    for seen in (said, repr([call.args for call in fake.calls]), caplog.text):
        assert "9d8e7f6a5b4c" not in seen and "alice%40example" not in seen
