"""Fetching a feed: conditional requests, redirects checked at every hop, failures by code."""

import logging
import socket
from collections.abc import Iterator

import pytest

from bot.calendars.fetching.fetch import FeedError, Fetched, feed_url, fetch_feed
from tests.bot.calendars.fetching.feed_server import (
    CALENDAR,
    FeedServer,
    Handler,
    feed_server,
    resolving,
)

ETAG = '"alice-v1"'
MODIFIED = "Fri, 27 Nov 2026 10:00:00 GMT"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def test_it_fetches_a_feed_with_its_validators(server: FeedServer) -> None:
    server.serves("/alice.ics", ETag=ETAG, Last_Modified=MODIFIED, Content_Type="text/calendar")
    assert fetch(server, "/alice.ics") == Fetched(CALENDAR, ETAG, MODIFIED)
    asked = server.requests[0][1]
    assert "gzip" in asked["Accept-Encoding"]
    assert "If-None-Match" not in asked
    assert "If-Modified-Since" not in asked


def _unchanged_since(handler: Handler) -> None:
    """Answer 304 to a client that has this version, by either validator."""
    if handler.headers["If-None-Match"] == ETAG or handler.headers["If-Modified-Since"] == MODIFIED:
        handler.answer(304, ETag=ETAG, Content_Length="0")
    else:
        handler.answer(200, CALENDAR, ETag=ETAG, Last_Modified=MODIFIED)


def test_it_fetches_the_url_alice_pasted_into_slack(server: FeedServer) -> None:
    server.serves("/alice.ics")
    typed = "<" + server.url("/alice.ics?user=alice&amp;key=s3cret") + "|my calendar>"
    assert fetch_feed(
        feed_url(typed), etag=None, last_modified=None, allow_hosts=server.allowed
    ) == Fetched(CALENDAR)
    assert server.requests[0][0] == "/alice.ics?user=alice&key=s3cret"


def test_it_asks_again_with_the_etag_and_hears_not_modified(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _unchanged_since
    fetched = fetch(server, "/alice.ics", etag=ETAG)
    assert fetched == Fetched(None, ETAG, None)
    assert server.requests[0][1]["If-None-Match"] == ETAG


def test_it_asks_again_with_the_last_modified_date_and_keeps_it(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _unchanged_since
    fetched = fetch(server, "/alice.ics", last_modified=MODIFIED)
    assert fetched == Fetched(None, ETAG, MODIFIED)
    assert server.requests[0][1]["If-Modified-Since"] == MODIFIED


def test_it_reads_a_changed_feed_despite_old_validators(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _unchanged_since
    fetched = fetch(server, "/alice.ics", etag='"alice-v0"')
    assert fetched == Fetched(CALENDAR, ETAG, MODIFIED)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_it_follows_a_redirect(server: FeedServer, status: int) -> None:
    server.redirects("/old.ics", "/alice.ics?token=s3cret", status)
    server.serves("/alice.ics")
    assert fetch(server, "/old.ics").body == CALENDAR
    assert [path for path, _ in server.requests] == ["/old.ics", "/alice.ics?token=s3cret"]


def test_it_follows_redirects_up_to_the_limit(server: FeedServer) -> None:
    for hop in range(3):
        server.redirects(f"/hop{hop}", server.url(f"/hop{hop + 1}"))
    server.serves("/hop3")
    assert fetch(server, "/hop0", max_redirects=3).body == CALENDAR
    with pytest.raises(FeedError) as refused:
        fetch(server, "/hop0", max_redirects=2)
    assert refused.value.code == "too_many_redirects"


def test_it_stops_a_redirect_loop(server: FeedServer) -> None:
    server.redirects("/loop.ics", "/loop.ics")
    with pytest.raises(FeedError) as refused:
        fetch(server, "/loop.ics")
    assert (refused.value.code, refused.value.params) == (
        "too_many_redirects",
        {"host": "127.0.0.1"},
    )
    assert len(server.requests) == 6


def test_it_refuses_a_redirect_to_a_private_address(server: FeedServer) -> None:
    server.redirects("/alice.ics", "https://metadata.example/latest/meta-data/")
    resolver = resolving({"metadata.example": ["169.254.169.254"]})
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics", resolver=resolver)
    assert (refused.value.code, refused.value.params) == (
        "refused_address",
        {"host": "metadata.example"},
    )


def test_it_refuses_a_redirect_to_plain_http_elsewhere(server: FeedServer) -> None:
    server.redirects("/alice.ics", "http://calendar.example/alice.ics")
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics", resolver=resolving({"calendar.example": ["8.8.8.8"]}))
    assert (refused.value.code, refused.value.params) == (
        "not_https",
        {"host": "calendar.example"},
    )


@pytest.mark.parametrize(
    "location", ["gopher://calendar.example/1", "file:///etc/passwd", "https:///no-host"]
)
def test_it_refuses_a_redirect_to_something_not_fetchable(
    server: FeedServer, location: str
) -> None:
    server.redirects("/alice.ics", location)
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics")
    assert refused.value.code == "not_a_url"


def test_it_calls_a_redirect_without_a_location_a_bad_response(server: FeedServer) -> None:
    server.serves("/alice.ics", b"", 302)
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics")
    assert refused.value.code == "bad_response"


@pytest.mark.parametrize("status", [401, 403, 404, 410, 500, 503])
def test_it_says_which_error_the_server_answered(server: FeedServer, status: int) -> None:
    server.serves("/alice.ics", b"<html>Sign in</html>", status)
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics")
    assert (refused.value.code, refused.value.params) == (
        "http_status",
        {"host": "127.0.0.1", "status": str(status)},
    )


def test_it_refuses_plain_http_to_a_host_not_allowed(server: FeedServer) -> None:
    server.serves("/alice.ics")
    with pytest.raises(FeedError) as refused:
        fetch_feed(server.url("/alice.ics"), etag=None, last_modified=None, allow_hosts=frozenset())
    assert refused.value.code == "not_https"
    assert server.connections == 0


def test_it_allows_a_host_only_on_its_port(server: FeedServer) -> None:
    with pytest.raises(FeedError) as refused:
        fetch_feed(
            server.url("/alice.ics"),
            etag=None,
            last_modified=None,
            allow_hosts=frozenset({f"127.0.0.1:{server.port + 1}"}),
        )
    assert refused.value.code == "not_https"


def test_it_says_when_nothing_listens() -> None:
    with socket.socket() as bound:
        # Bound but not listening: the port is held, and connecting to it is refused.
        bound.bind(("127.0.0.1", 0))
        port = bound.getsockname()[1]
        with pytest.raises(FeedError) as refused:
            fetch_feed(
                f"http://127.0.0.1:{port}/alice.ics",
                etag=None,
                last_modified=None,
                allow_hosts=frozenset({f"127.0.0.1:{port}"}),
            )
    assert (refused.value.code, refused.value.params) == ("unreachable", {"host": "127.0.0.1"})


def _not_http(handler: Handler) -> None:
    handler.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")
    handler.close_connection = True


def test_it_calls_an_answer_that_is_not_http_a_bad_response(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _not_http
    with pytest.raises(FeedError) as refused:
        fetch(server, "/alice.ics")
    assert refused.value.code == "bad_response"


def test_it_never_logs_the_secret_url(server: FeedServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server.redirects("/private-c0ffee/basic.ics", "/private-c0ffee/moved.ics?key=s3cret")
    server.serves("/private-c0ffee/moved.ics")
    fetch(server, "/private-c0ffee/basic.ics")
    with pytest.raises(FeedError):
        fetch(server, "/private-c0ffee/gone.ics?key=s3cret")
    assert "127.0.0.1" in caplog.text
    assert "c0ffee" not in caplog.text
    assert "s3cret" not in caplog.text


def fetch(server: FeedServer, path: str, **options: object) -> Fetched:
    """Fetch a path from the local server, which the allow list lets through over http."""
    options.setdefault("etag", None)
    options.setdefault("last_modified", None)
    return fetch_feed(server.url(path), allow_hosts=server.allowed, **options)
