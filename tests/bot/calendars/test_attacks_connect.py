"""Attacks on `/ooo calendar`: the addresses people and attackers paste, as Slack sends them."""

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from tests.bot.calendars.conftest import Event, FeedServer, ics
from tests.bot.calendars.connected.test_command import calendar, stored_feed
from tests.bot.calendars.connected.test_sync import HOLIDAY, TRIP, on, rows
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def live(engine: Engine) -> list[tuple[str, str | None, datetime, datetime | None]]:
    """Each responder not deleted: whose, from which event, when."""
    return [
        (r.owner_id, r.event_uid, r.starts_at, r.ends_at)
        for r in rows(engine)
        if r.deleted_at is None
    ]


def test_it_reads_a_query_string_slack_escaped_with_amp(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    feed_server.feeds["/cal.ics?user=alice&key=s3cret"] = ics([HOLIDAY])
    escaped = feed_server.url("/cal.ics?user=alice&amp;key=s3cret")
    said = calendar(slack, fake, f"<{escaped}>")
    assert "Calendar connected" in said, said
    assert feed_server.requests[-1]["path"] == "/cal.ics?user=alice&key=s3cret"


def test_it_connects_what_alice_pasted_with_the_usual_noise(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/alice.ics", [HOLIDAY])
    upper = url.replace("http://", "HTTP://")
    for typed in (f"<{url}|{url}>", f"  <{url}>  ", f"<{upper}>", f"<{url}|My holidays 🏖>"):
        said = calendar(slack, fake, typed)
        assert "Calendar connected. Found 1 absence" in said, (typed, said)
        assert [uid for _, uid, _, _ in live(engine)] == [HOLIDAY.uid]


def test_it_connects_a_link_followed_by_a_full_stop(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/alice.ics", [HOLIDAY])
    for typed in (f"<{url}>.", f"{url}."):
        said = calendar(slack, fake, typed)
        assert "Calendar connected. Found 1 absence" in said, (typed, said)


INTERNAL = [
    "127.0.0.1",
    "localhost",
    "10.1.2.3",
    "192.168.0.1",
    "169.254.169.254",
    "[::1]",
    "2130706433",
    "0x7f.1",
    "0177.0.0.1",
    "[::ffff:127.0.0.1]",
    "[fd00::1]",
    "0.0.0.0",
    "224.0.0.1",
]


def test_it_refuses_every_internal_address_and_stores_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    for host in INTERNAL:
        said = calendar(slack, fake, f"<https://{host}/latest/meta-data/secret.ics>")
        assert "I didn't connect that calendar" in said, (host, said)
        assert "secret" not in said and "meta-data" not in said
        assert stored_feed(engine) is None and rows(engine) == []


def test_it_refuses_the_allowed_servers_other_ports_and_names(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    feed_server.publish("/alice.ics", [HOLIDAY])
    for url in (
        f"http://localhost:{feed_server.port}/alice.ics",
        f"https://127.0.0.1:{feed_server.port + 1}/alice.ics",
        "http://example.com/alice.ics",
    ):
        said = calendar(slack, fake, f"<{url}>")
        assert "I didn't connect that calendar" in said, (url, said)
    assert feed_server.requests == [] and stored_feed(engine) is None


STRANGE = [
    "<{url}> <{other}>",
    "<{url}> my work calendar",
    "<mailto:alice@example.com|alice@example.com>",
    "<https://{long}.example.com/x.ics>",
    "<https://example.com/{long}>",
    "<https://exa mple.com/x.ics>",
    "<ftp://example.com/x.ics>",
    "<javascript:alert(1)>",
    "<https://>",
    "<https://xn--/x.ics>",
    "<https://bücher.example/x.ics>",
    "<https://example.com:99999/x.ics>",
    "<https://user:pass@/x.ics>",
    "<webcal://10.0.0.1/x.ics>",
]


def test_it_answers_a_strange_address_clearly_and_stores_nothing_else(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/alice.ics", [HOLIDAY])
    other = feed_server.publish("/other.ics", [TRIP])
    for typed in STRANGE:
        said = calendar(slack, fake, typed.format(url=url, other=other, long="a" * 3000))
        assert said.strip(), (typed, "no answer at all")
        assert "Traceback" not in said and "rror:" not in said, (typed, said)
        # Either it connected exactly one calendar, or it said why not and kept nothing.
        if "Calendar connected" in said:
            assert len(live(engine)) == 1, typed
            calendar(slack, fake, "off")
        else:
            assert stored_feed(engine) is None, typed


NOT_CALENDARS = {
    "/login": (b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>", "sign-in"),
    "/malformed.ics": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:x\r\n",
        "calendar",
    ),
    "/binary.ics": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "calendar"),
    "/empty.ics": (b"", "calendar"),
    "/huge.ics": (b"BEGIN:VCALENDAR\r\n" + (b"X-PAD:" + b"a" * 70 + b"\r\n") * 70_000, "large"),
    "/gone.ics": (None, "404"),
}


def test_it_refuses_what_is_no_calendar_and_keeps_the_one_connected(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY]))
    for path, (body, reason) in NOT_CALENDARS.items():
        if body is not None:
            feed_server.feeds[path] = body
        said = calendar(slack, fake, f"<{feed_server.url(path)}>")
        assert "I didn't connect that calendar" in said and reason in said.lower(), (path, said)
        feed = stored_feed(engine)
        assert feed is not None and feed.found == 1 and len(live(engine)) == 1, path


def test_it_makes_no_responder_of_meetings_tentative_or_declined_events(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    meetings = [
        Event("sync@example.com", on(10, 9), on(10, 10), title="Team sync", marked=False),
        Event("1on1@example.com", on(11, 9), on(11, 10), title="1:1 Alice/Bob", marked=False),
        Event("talk@example.com", on(12, 9), on(12, 10), title="Talk: PTO policy", marked=False),
    ]
    said = calendar(slack, fake, feed_server.publish("/alice.ics", meetings))
    assert "no absence in the next 90 days" in said, said
    assert live(engine) == []


def test_it_never_doubles_a_calendar_subscribed_twice_or_by_two_people(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.publish("/shared.ics", [HOLIDAY, TRIP])
    calendar(slack, fake, f"<{url}>")
    calendar(slack, fake, url)
    calendar(slack, fake, f"<{url}|again>")
    calendar(slack, fake, f"<{url}>", user="UBOB")
    owners = sorted(owner for owner, _, _, _ in live(engine))
    assert owners == ["UALICE", "UALICE", "UBOB", "UBOB"]


def test_it_makes_a_responder_on_now_of_an_event_under_way(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    now = clock()
    began = Event("began@example.com", datetime(2026, 11, 20, tzinfo=UTC), on(3))
    calendar(slack, fake, feed_server.publish("/alice.ics", [began]))
    assert [(uid, end) for _, uid, _, end in live(engine)] == [(began.uid, on(3))]
    [row] = [r for r in rows(engine) if r.deleted_at is None]
    assert row.starts_at <= now


ALL_DAY = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    b"BEGIN:VEVENT\r\nUID:allday@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
    b"DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261212\r\nSUMMARY:Vacation\r\n"
    b"TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_it_reads_an_all_day_event_as_whole_days_where_its_person_lives(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    fake.add_user("UKENJI", "kenji", tz="Asia/Tokyo")
    fake.add_user("UJANE", "jane", tz="America/Los_Angeles")
    feed_server.feeds["/allday.ics"] = ALL_DAY
    for person in ("UKENJI", "UJANE"):
        calendar(slack, fake, f"<{feed_server.url('/allday.ics')}>", user=person)
    assert sorted(live(engine)) == [
        (
            "UJANE",
            "allday@google.com",
            datetime(2026, 12, 10, 8, tzinfo=UTC),
            datetime(2026, 12, 12, 8, tzinfo=UTC),
        ),
        (
            "UKENJI",
            "allday@google.com",
            datetime(2026, 12, 9, 15, tzinfo=UTC),
            datetime(2026, 12, 11, 15, tzinfo=UTC),
        ),
    ]


def test_it_never_shows_or_logs_the_secret_address(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "/private-3f9a1c77b2e4/basic.ics"
    url = feed_server.publish(secret, [HOLIDAY])
    said = calendar(slack, fake, f"<{url}|{url}>")
    said += calendar(slack, fake, "")
    said += calendar(slack, fake, "only-ooo")
    feed_server.feeds.pop(secret)
    said += calendar(slack, fake, f"<{url}>")
    said += calendar(slack, fake, "off")
    slack.command("UALICE", "list")
    slack.event({"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "home"})
    sent = repr([call.args for call in fake.calls])
    assert "3f9a1c77b2e4" not in said
    assert "3f9a1c77b2e4" not in sent
    assert "3f9a1c77b2e4" not in caplog.text


def test_it_says_a_very_long_link_is_too_long(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    said = calendar(slack, fake, "<https://outlook.office365.com/owa/calendar/" + "a" * 3000 + ">")
    assert "I didn't connect that calendar" in said and "long" in said.lower(), said
    assert stored_feed(engine) is None


def test_it_names_an_international_host_as_typed(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    said = calendar(slack, fake, "<https://bücher.example/x.ics>")
    assert "I didn't connect that calendar" in said and "bücher.example" in said, said
