"""A fetch is bounded: in size as sent and as decompressed, in time per read and in all."""

import gzip
import threading
import time
import zlib
from collections.abc import Callable, Iterator

import pytest

from bot.calendars.fetching.fetch import FeedError, Fetched, fetch_feed
from tests.bot.calendars.fetching.feed_server import (
    CALENDAR,
    FeedServer,
    Handler,
    Route,
    feed_server,
)

LIMIT = 64 * 1024
# A megabyte of blank lines: it compresses to about a kilobyte.
BOMB = gzip.compress(b"\r\n" * 512 * 1024)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def _streams(chunked: bool, size: int, declared: str | None = None) -> Route:
    """Send `size` bytes in pieces, chunked or until the connection closes, without a length
    (or with a `declared` one that is no length at all)."""

    def stream(handler: Handler) -> None:
        handler.send_response(200)
        if declared is not None:
            handler.send_header("Content-Length", declared)
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        piece = b"X" * 8192
        try:
            for _ in range(size // len(piece)):
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            handler.wfile.write(b"0\r\n\r\n" if chunked else b"")
        except OSError:
            pass  # the client hung up once it had read enough

    return stream


def test_it_reads_a_feed_right_at_the_limit(server: FeedServer) -> None:
    server.serves("/alice.ics", b"X" * LIMIT)
    assert fetch(server, "/alice.ics").body == b"X" * LIMIT


def test_it_refuses_a_feed_whose_declared_length_is_over_the_limit(server: FeedServer) -> None:
    server.serves("/alice.ics", CALENDAR, Content_Length=str(LIMIT + 1))
    refused = failure(server, "/alice.ics")
    assert (refused.code, refused.params) == (
        "too_large",
        {"host": "127.0.0.1", "megabytes": "0.0625"},
    )


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "until closed"])
def test_it_refuses_a_feed_over_the_limit_without_a_length(
    server: FeedServer, chunked: bool
) -> None:
    server.routes["/alice.ics"] = _streams(chunked, 4 * LIMIT)
    assert failure(server, "/alice.ics").code == "too_large"


@pytest.mark.parametrize("declared", ["-1", "lots", "1e9"])
def test_it_refuses_a_feed_over_the_limit_with_a_length_that_lies(
    server: FeedServer, declared: str
) -> None:
    server.routes["/alice.ics"] = _streams(False, 4 * LIMIT, declared)
    assert failure(server, "/alice.ics").code == "too_large"


def test_it_reads_no_further_than_a_short_declared_length(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _streams(False, 4 * LIMIT, declared="100")
    assert fetch(server, "/alice.ics").body == b"X" * 100


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "until closed"])
def test_it_reads_a_feed_under_the_limit_without_a_length(
    server: FeedServer, chunked: bool
) -> None:
    server.routes["/alice.ics"] = _streams(chunked, LIMIT // 2)
    assert fetch(server, "/alice.ics").body == b"X" * (LIMIT // 2)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("GZIP", gzip.compress)],
)
def test_it_undoes_the_compression_it_asked_for(
    server: FeedServer, encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    server.serves("/alice.ics", compress(CALENDAR * 100), Content_Encoding=encoding)
    assert fetch(server, "/alice.ics").body == CALENDAR * 100


def test_it_stops_a_decompression_bomb_at_the_limit(server: FeedServer) -> None:
    """A kilobyte sent, honestly declared, that would inflate to a megabyte."""
    assert len(BOMB) < LIMIT
    server.serves("/alice.ics", BOMB, Content_Encoding="gzip")
    assert failure(server, "/alice.ics").code == "too_large"


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (gzip.compress(CALENDAR)[:-12], "gzip"),
        (b"not gzip at all", "gzip"),
        (CALENDAR, "br"),
    ],
    ids=["cut short", "not compressed", "not asked for"],
)
def test_it_calls_a_body_it_cannot_decode_a_bad_response(
    server: FeedServer, body: bytes, encoding: str
) -> None:
    server.serves("/alice.ics", body, Content_Encoding=encoding)
    assert failure(server, "/alice.ics").code == "bad_response"


def _stalls(handler: Handler) -> None:
    """Say nothing until the test is over."""
    handler.server.released.wait()


def _drips(handler: Handler) -> None:
    """Send the headers, then a byte now and then, never reaching the end."""
    handler.send_response(200)
    handler.send_header("Content-Length", str(LIMIT))
    handler.end_headers()
    try:
        while not handler.server.released.wait(0.02):
            handler.wfile.write(b"X")
            handler.wfile.flush()
    except OSError:
        pass  # the client gave up


def test_it_gives_up_on_a_server_that_stalls(server: FeedServer) -> None:
    server.routes["/alice.ics"] = _stalls
    refused = failure(server, "/alice.ics", timeout=0.3)
    assert (refused.code, refused.params) == ("timeout", {"host": "127.0.0.1"})


def test_it_gives_up_on_a_server_that_drips_past_the_whole_fetchs_time(
    server: FeedServer,
) -> None:
    server.routes["/alice.ics"] = _drips
    refused = failure(server, "/alice.ics", timeout=5, total_seconds=0.3)
    assert refused.code == "timeout"


def fetch(server: FeedServer, path: str, **options: object) -> Fetched:
    """Fetch from the local server with the test's size limit."""
    return fetch_feed(
        server.url(path),
        etag=None,
        last_modified=None,
        allow_hosts=server.allowed,
        max_bytes=LIMIT,
        **options,
    )


def failure(server: FeedServer, path: str, **options: object) -> FeedError:
    """The error fetching this path raises."""
    with pytest.raises(FeedError) as refused:
        fetch(server, path, **options)
    return refused.value


def test_a_resolver_that_never_answers_fails_the_fetch_within_its_time() -> None:
    answered = threading.Event()

    def hanging(host: str, port: int) -> list[tuple[object, ...]]:
        answered.wait(5)  # as a DNS server that does not answer
        return []

    started = time.monotonic()
    with pytest.raises(FeedError) as refused:
        fetch_feed(
            "https://calendar.example/alice.ics",
            etag=None,
            last_modified=None,
            allow_hosts=frozenset(),
            resolver=hanging,
            timeout=0.2,
        )
    answered.set()
    assert (refused.value.code, refused.value.params) == ("timeout", {"host": "calendar.example"})
    assert time.monotonic() - started < 2
