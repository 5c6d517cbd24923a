"""`/ooo calendar …` in every form Slack sends it, and the Home tab's Calendar section."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.blocks.calendar import DISCONNECT, MESSAGE, ONLY_MARKED, OPEN_FORM, URL
from bot.core.workspace import Workspace
from storage import calendar_queries
from storage.db import session_scope
from storage.models import CalendarFeed
from tests.bot.calendars.conftest import Event, FeedServer
from tests.bot.calendars.test_sync import HOLIDAY, TRIP, on, rows
from tests.bot.flows import texts
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def calendar(slack: SettlingDriver, fake: FakeSlack, words: str, user: str = "UALICE") -> str:
    """Type `/ooo calendar words`; what it answered, at once and then afterwards."""
    reply = slack.command(user, f"calendar {words}".strip())
    assert reply.status == 200, reply.text
    said = [str(reply.json().get("text", ""))] if reply.text else []
    said += [str(r.get("text", "")) for r in fake.responses(reply.response_url or "")]
    return "\n".join(said)


def stored_feed(engine: Engine) -> CalendarFeed | None:
    """Alice's feed as stored."""
    with session_scope(engine) as session:
        return calendar_queries.feed_of(session, workspace=Workspace("T0001"), owner_id="UALICE")


@pytest.mark.parametrize("escaped", ["{url}", "<{url}>", "<{url}|my holidays>"])
def test_it_connects_a_calendar_however_slack_escaped_its_address(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer, escaped: str
) -> None:
    url = feed_server.publish("/secret-alice.ics", [HOLIDAY, TRIP])
    said = calendar(slack, fake, escaped.format(url=url))
    assert "Calendar connected. Found 2 absences in the next 90 days" in said
    feed = stored_feed(engine)
    assert feed is not None and "secret-alice" not in feed.url and feed.hint == "127.0.0.1/…"
    assert [r.event_uid for r in rows(engine)] == [HOLIDAY.uid, TRIP.uid]


@pytest.mark.parametrize(
    ("typed", "because"),
    [("hello", "not a calendar link"), ("/alice.html", "sign-in page")],
)
def test_it_changes_nothing_for_an_address_it_cannot_read(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    typed: str,
    because: str,
) -> None:
    first = feed_server.publish("/alice.ics", [HOLIDAY])
    calendar(slack, fake, first)
    feed_server.feeds["/alice.html"] = b"<!doctype html><title>Sign in</title>"
    said = calendar(slack, fake, feed_server.url(typed) if typed.startswith("/") else typed)
    assert "I didn't connect that calendar" in said and because in said.lower()
    feed = stored_feed(engine)
    assert feed is not None and feed.found == 1
    assert len(rows(engine)) == 1


def test_it_says_when_a_calendar_has_no_absence_ahead(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    said = calendar(slack, fake, feed_server.publish("/empty.ics", []))
    assert "no absence in the next 90 days" in said
    assert stored_feed(engine) is not None


def test_it_shows_the_connected_calendar_without_its_address(
    slack: SettlingDriver, fake: FakeSlack, feed_server: FeedServer
) -> None:
    assert "No calendar connected" in calendar(slack, fake, "")
    calendar(slack, fake, feed_server.publish("/secret-alice.ics", [HOLIDAY]))
    said = calendar(slack, fake, "")
    assert "127.0.0.1/…" in said and "1 absence ahead" in said and "secret" not in said


def test_it_switches_to_out_of_office_events_only_and_back(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY]))
    assert "only out-of-office events" in calendar(slack, fake, "only-ooo")
    assert (feed := stored_feed(engine)) is not None and feed.marked_only
    assert "all absences" in calendar(slack, fake, "all")
    assert (feed := stored_feed(engine)) is not None and not feed.marked_only


def test_it_disconnects_removing_what_had_not_started_and_keeping_what_is_on(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    feed_server: FeedServer,
    clock: FakeClock,
) -> None:
    now = clock()
    on_now = Event("now@example.com", now, on(3))
    calendar(slack, fake, feed_server.publish("/alice.ics", [on_now, HOLIDAY]))
    said = calendar(slack, fake, "off")
    assert "removed the 1 responder" in said and "keeps going" in said
    assert stored_feed(engine) is None
    kept, removed = rows(engine)
    assert (kept.deleted_at, removed.deleted_at) == (None, now)


def test_it_lists_responders_from_a_calendar_as_such(
    slack: SettlingDriver, fake: FakeSlack, feed_server: FeedServer
) -> None:
    calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY]))
    listed = slack.command("UALICE", "list").json()
    assert "from your calendar" in texts(listed["blocks"])


def home(slack: SettlingDriver, fake: FakeSlack) -> dict[str, Any]:
    """Open Alice's Home tab and return it."""
    slack.event({"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "home"})
    view = fake.home("UALICE")
    assert view is not None
    return view


def test_it_connects_a_calendar_from_the_home_tab(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    assert "Connect a calendar" in texts(home(slack, fake)["blocks"])
    slack.click("UALICE", action_id=OPEN_FORM, view_id=home(slack, fake)["id"])
    modal = fake.modal("UALICE")
    assert modal is not None
    refused = slack.submit("UALICE", modal["id"], {URL: "not an address"})
    assert refused.json()["response_action"] == "errors" and stored_feed(engine) is None
    url = feed_server.publish("/alice.ics", [HOLIDAY])
    mine = "Away until {return_date}."
    slack.submit("UALICE", modal["id"], {URL: url, ONLY_MARKED: ["only"], MESSAGE: mine})
    dm = fake.last_dm("UALICE")
    assert dm is not None and "Calendar connected" in dm["text"]
    assert [r.message for r in rows(engine)] == [mine]
    shown = texts(home(slack, fake)["blocks"])
    assert "127.0.0.1/…" in shown and "only out-of-office events" in shown
    slack.click("UALICE", action_id=DISCONNECT, view_id=home(slack, fake)["id"])
    assert stored_feed(engine) is None
