"""Attacks on fetching a feed: servers that redirect inward, lie about their answer, or drip."""

from collections.abc import Iterator
from typing import Any

import pytest

from bot.calendars.fetching.fetch import FeedError, Fetched, fetch_feed
from tests.bot.calendars.fetching.feed_server import (
    CALENDAR,
    FeedServer,
    Handler,
    feed_server,
    resolving,
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def fetch(server: FeedServer, path: str, **options: Any) -> Fetched:
    """Fetch from the local server, allowed at its loopback address."""
    options = {"etag": None, "last_modified": None, "resolver": resolving({}), **options}
    return fetch_feed(server.url(path), allow_hosts=server.allowed, **options)


def failure(server: FeedServer, path: str, **options: Any) -> FeedError:
    """The error fetching this path of the local server raises."""
    with pytest.raises(FeedError) as refused:
        fetch(server, path, **options)
    return refused.value


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::ffff:169.254.169.254]/latest/meta-data/",
        "//169.254.169.254/latest/meta-data/",
        "https://metadata.google.internal/computeMetadata/v1/",
        "https://2852039166/latest/meta-data/",
        "https://cal.example.com@127.0.0.1/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_FLUSHALL",
        "ftp://cal.example.com/a.ics",
        "http://[::1]:22/",
    ],
)
def test_it_refuses_a_redirect_to_an_internal_service(server: FeedServer, location: str) -> None:
    server.redirects("/alice.ics", location)
    resolver = resolving({"metadata.google.internal": ["169.254.169.254"]})
    error = failure(server, "/alice.ics", resolver=resolver)
    assert error.code in {"refused_address", "not_https", "not_a_url", "unresolvable"}
    assert [path for path, _ in server.requests] == ["/alice.ics"]


def _cut_short(chunked: bool) -> Any:
    """Answer with less than promised: a declared length or a chunked stream never finished."""

    def answer(handler: Handler) -> None:
        handler.send_response(200)
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        else:
            handler.send_header("Content-Length", str(len(CALENDAR) * 10))
        handler.send_header("Connection", "close")
        handler.end_headers()
        half = CALENDAR[:40]
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(half), half) if chunked else half)
        handler.close_connection = True

    return answer


@pytest.mark.parametrize(
    "chunked",
    [
        pytest.param(False, id="short length"),
        pytest.param(True, id="unfinished chunks"),
    ],
)
def test_it_never_takes_a_body_cut_short_for_the_whole_feed(
    server: FeedServer, chunked: bool
) -> None:
    server.routes["/alice.ics"] = _cut_short(chunked)
    assert failure(server, "/alice.ics").code in {"bad_response", "unreachable"}


def _flood_of_continues(handler: Handler) -> None:
    """Answer "100 Continue" again and again, each in time, never the response itself."""
    _drip(handler, [b"HTTP/1.1 100 Continue\r\n\r\n"] * 150)


def _dripped_headers(handler: Handler) -> None:
    """Send the status line, then a header a byte at a time, each byte in time."""
    _drip(handler, [b"HTTP/1.1 200 OK\r\nX-Slow: ", *[b"x"] * 150])


def _drip(handler: Handler, pieces: list[bytes]) -> None:
    """Write the pieces 10 ms apart (about 1.5 s in all), then hang up."""
    try:
        for piece in pieces:
            handler.wfile.write(piece)
            handler.wfile.flush()
            if handler.server.released.wait(0.01):
                return
    except OSError:
        pass  # the client gave up
    handler.close_connection = True


@pytest.mark.parametrize("route", [_flood_of_continues, _dripped_headers], ids=["100", "headers"])
def test_it_gives_up_on_a_slow_head_within_the_whole_fetchs_time(
    server: FeedServer, route: Any
) -> None:
    server.routes["/alice.ics"] = route
    assert failure(server, "/alice.ics", timeout=2, total_seconds=0.1).code == "timeout"


@pytest.mark.parametrize(
    "headers",
    [{"X_Padding": "x" * 70000}, {f"X_Header_{n}": "x" for n in range(150)}],
    ids=["one huge header", "too many headers"],
)
def test_it_calls_monstrous_headers_a_bad_response(
    server: FeedServer, headers: dict[str, str]
) -> None:
    server.serves("/alice.ics", **headers)
    assert failure(server, "/alice.ics").code == "bad_response"


def test_it_sends_a_path_with_spaces_and_accents_percent_encoded(server: FeedServer) -> None:
    server.serves("/my%20calendar/%C3%A9t%C3%A9.ics")
    assert fetch(server, "/my calendar/été.ics").body == CALENDAR


def test_it_never_sends_a_header_smuggled_into_the_url(server: FeedServer) -> None:
    server.serves("/alice.ics")
    with pytest.raises(FeedError):  # the path, escaped, is not found: 404
        fetch(server, "/alice.ics\r\nX-Evil: 1")
    assert all("X-Evil" not in headers for _, headers in server.requests)


def test_it_sends_back_a_weak_etag_as_the_server_gave_it(server: FeedServer) -> None:
    server.serves("/alice.ics", b"", 304, ETag='W/"alice-7"')
    fetched = fetch(server, "/alice.ics", etag='W/"alice-7"')
    assert fetched == Fetched(None, 'W/"alice-7"', None)
    assert server.requests[0][1]["If-None-Match"] == 'W/"alice-7"'


def _head_cut_off(handler: Handler) -> None:
    """Send a status line and half a header, then hang up."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: xx")
    handler.close_connection = True


def test_it_calls_a_head_cut_off_a_bad_response(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _head_cut_off
    assert failure(server, "/alice.ics").code == "bad_response"


def test_it_passes_on_the_character_set_an_old_server_declared(server: FeedServer) -> None:
    server.serves("/alice.ics", Content_Type="text/calendar; charset=ISO-8859-1")
    assert fetch(server, "/alice.ics").charset == "iso-8859-1"
