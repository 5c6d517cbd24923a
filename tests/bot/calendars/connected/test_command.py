"""`/ooo calendar …` in every form Slack sends it, and the Home tab's Calendar section."""

from typing import Any

from sqlalchemy import Engine

from bot.blocks.calendar import DISCONNECT, MESSAGE, ONLY_MARKED, OPEN_FORM, URL
from bot.core.workspace import Workspace
from storage import calendar_queries
from storage.db import session_scope
from storage.models import CalendarFeed
from tests.bot.calendars.conftest import Event, FeedServer
from tests.bot.calendars.connected.test_sync import HOLIDAY, TRIP, on, rows
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


def stored_feed(engine: Engine, owner: str = "UALICE") -> CalendarFeed | None:
    """Someone's feed as stored."""
    with session_scope(engine) as session:
        return calendar_queries.feed_of(session, workspace=Workspace("T0001"), owner_id=owner)


def test_it_connects_a_calendar_however_slack_escaped_its_address(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    forms = {"UALICE": "{url}", "UBOB": "<{url}>", "UCAROL": "<{url}|my holidays>"}
    for person, escaped in forms.items():
        url = feed_server.publish(f"/secret-{person}.ics", [HOLIDAY, TRIP])
        said = calendar(slack, fake, escaped.format(url=url), user=person)
        assert "Calendar connected. Found 2 absences in the next 90 days" in said
        feed = stored_feed(engine, person)
        assert feed is not None and "secret" not in feed.url and feed.hint == "127.0.0.1/…"
    made = rows(engine)
    assert [(r.owner_id, r.event_uid) for r in made[:2]] == [
        ("UALICE", HOLIDAY.uid),
        ("UALICE", TRIP.uid),
    ]
    assert len(made) == 6
    listed = slack.command("UALICE", "list").json()
    assert "from your calendar" in texts(listed["blocks"])


def test_it_changes_nothing_for_an_address_it_cannot_read(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY]))
    feed_server.feeds["/alice.html"] = b"<!doctype html><title>Sign in</title>"
    typed = {"hello": "not a calendar link", feed_server.url("/alice.html"): "sign-in page"}
    for address, because in typed.items():
        said = calendar(slack, fake, address)
        assert "I didn't connect that calendar" in said and because in said.lower()
        feed = stored_feed(engine)
        assert feed is not None and feed.found == 1 and "alice.html" not in said
        assert len(rows(engine)) == 1


def test_it_shows_the_connected_calendar_without_its_address_even_with_nothing_ahead(
    slack: SettlingDriver, fake: FakeSlack, feed_server: FeedServer
) -> None:
    assert "No calendar connected" in calendar(slack, fake, "")
    said = calendar(slack, fake, feed_server.publish("/secret-alice.ics", []))
    assert "no absence in the next 90 days" in said
    said = calendar(slack, fake, "")
    assert "127.0.0.1/…" in said and "0 absences ahead" in said and "secret" not in said


def test_it_counts_only_events_marked_out_of_office_once_asked_and_back(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    titled = Event("pto@example.com", on(20), on(22), title="PTO", marked=False)
    calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY, titled]))
    assert len(rows(engine)) == 2
    assert "only out-of-office events" in calendar(slack, fake, "only-ooo")
    assert (feed := stored_feed(engine)) is not None and feed.marked_only
    assert [r.event_uid for r in rows(engine) if r.deleted_at is None] == [HOLIDAY.uid]
    assert "all absences" in calendar(slack, fake, "all")
    assert (feed := stored_feed(engine)) is not None and not feed.marked_only
    assert len([r for r in rows(engine) if r.deleted_at is None]) == 2


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
