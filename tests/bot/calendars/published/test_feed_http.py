"""A feed over HTTP as calendars read it: 404 for a bad token, 304 for the copy they have,
HEAD, the server beside Socket Mode, and when it was last read."""

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import Engine

from bot.services import Services
from tests.bot.calendars.published.feed_steps import SQLITE_ONLY, events, feed_rows, my_feed, read
from tests.bot.team.team_flows import away, on
from tests.conftest import served
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@SQLITE_ONLY
def test_it_answers_a_made_up_or_malformed_token_with_404(app_url: str) -> None:
    made_up = "A" * 43
    for path in (
        f"/calendars/{made_up}.ics",
        "/calendars/short.ics",
        f"/calendars/{made_up}",
        f"/calendars/{made_up[:42]}%2F.ics",
    ):
        reply = read(app_url, path)
        assert (reply.status_code, reply.text) == (404, "not found\n"), path


@SQLITE_ONLY
def test_it_answers_304_to_a_calendar_that_has_the_current_feed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    path = my_feed(slack, fake, "UALICE")
    first = read(app_url, path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert "private" in first.headers["cache-control"]
    clock.advance(minutes=10)
    same = read(app_url, path, **{"If-None-Match": etag})
    assert (same.status_code, same.content, same.headers["etag"]) == (304, b"", etag)
    assert read(app_url, path, **{"If-Modified-Since": modified}).status_code == 304
    assert read(app_url, path, **{"If-None-Match": '"other"'}).status_code == 200
    away(engine, "UALICE", on(10, 12), on(12, 12))
    clock.advance(minutes=10)
    changed = read(app_url, path, **{"If-None-Match": etag, "If-Modified-Since": modified})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert read(app_url, path, **{"If-Modified-Since": modified}).status_code == 200
    assert len(events(changed.content)) == 2


@SQLITE_ONLY
def test_it_answers_head_with_the_headers_alone(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    reply = httpx.head(f"{app_url}{my_feed(slack, fake, 'UALICE')}")
    assert reply.status_code == 200 and reply.headers["etag"] and reply.content == b""


@pytest.fixture
def socket_mode_url(engine: Engine, services: Services) -> Iterator[str]:
    """The HTTP server `ooo run` starts beside Socket Mode: no Slack endpoint on it."""
    with served(engine, None, services) as url:
        yield url


@SQLITE_ONLY
def test_it_serves_feeds_beside_socket_mode_too(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, socket_mode_url: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    path = my_feed(slack, fake, "UALICE")
    assert len(events(read(socket_mode_url, path).content)) == 1
    assert httpx.post(f"{socket_mode_url}/slack/events").status_code == 404
    assert read(socket_mode_url, "/calendars/" + "B" * 43 + ".ics").status_code == 404


@SQLITE_ONLY
def test_it_records_when_a_feed_was_last_read(
    slack: SlackDriver, fake: FakeSlack, app_url: str, clock: FakeClock, engine: Engine
) -> None:
    path = my_feed(slack, fake, "UALICE")
    assert feed_rows(engine)[0].last_read_at is None
    read(app_url, path)
    assert feed_rows(engine)[0].last_read_at == clock()
    clock.advance(minutes=1)
    read(app_url, path)
    assert feed_rows(engine)[0].last_read_at == clock() - timedelta(minutes=1)
