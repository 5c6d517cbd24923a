"""Attacks on fetching a feed: the URLs people paste, addresses in disguise, lying servers."""

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from bot.calendars.fetch import FeedError, Fetched, feed_url, fetch_feed
from tests.bot.calendars.feed_server import CALENDAR, FeedServer, Handler, feed_server, resolving

GOOGLE = (
    "https://calendar.google.com/calendar/ical/alice.smith%40gmail.com/"
    "private-5f3c0a9e1b2d4c6e8f7a9b0c1d2e3f4a/basic.ics"
)
OUTLOOK = (
    "https://outlook.office365.com/owa/calendar/4f1c2d3e@example.com/"
    "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b/reachcalendar.ics"
)
ICLOUD = "p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkw"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        (
            f"<{GOOGLE}>.",
            GOOGLE,
        ),
        (
            f"here: <{GOOGLE}|my calendar> ",
            GOOGLE,
        ),
        (f"<{OUTLOOK}|outlook.office365.com/owa/calendar/…>", OUTLOOK),
        (f"<webcal://{ICLOUD}>", f"https://{ICLOUD}"),
        (f"webcal://{ICLOUD}", f"https://{ICLOUD}"),
        (
            f"`{GOOGLE}`",
            GOOGLE,
        ),
        (
            f"({GOOGLE})",
            GOOGLE,
        ),
        (
            f"\u00a0{GOOGLE}\u200b",
            GOOGLE,
        ),
    ],
)
def test_it_reads_the_url_in_what_alice_pasted(typed: str, url: str) -> None:
    assert feed_url(typed) == url


@pytest.mark.parametrize(
    "typed",
    [
        "<@U024BE7LH>",
        "<#C024BE7LQ|general>",
        "<!here>",
        "gopher://127.0.0.1:70/_GET",
        "dict://127.0.0.1:11211/stats",
        "data:text/calendar,BEGIN:VCALENDAR",
        "https://cal.example.com/f.ics\x00.evil",
    ],
)
def test_it_refuses_what_is_no_feed_url(typed: str) -> None:
    with pytest.raises(FeedError) as refused:
        feed_url(typed)
    assert refused.value.code == "not_a_url"


@pytest.mark.parametrize(
    "typed",
    [
        f"<{GOOGLE}> or <{OUTLOOK}>",
        f"{GOOGLE} {OUTLOOK}",
        f"<{GOOGLE}|mine>, and Bob's: webcal://{ICLOUD}",
    ],
)
def test_it_refuses_two_different_urls(typed: str) -> None:
    with pytest.raises(FeedError) as refused:
        feed_url(typed)
    assert refused.value.code == "two_urls"


def test_it_reads_the_same_url_pasted_twice_as_one() -> None:
    assert feed_url(f"<{GOOGLE}|{GOOGLE}> {GOOGLE}") == GOOGLE


def refusal(url: str, resolver: Any = socket.getaddrinfo) -> FeedError:
    """The error fetching a URL raises, with nothing allowed beyond the public internet."""
    with pytest.raises(FeedError) as refused:
        fetch_feed(url, etag=None, last_modified=None, allow_hosts=frozenset(), resolver=resolver)
    return refused.value


@pytest.mark.parametrize(
    "host",
    [
        *["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001", "0", "017700000001"],
        *["localhost", "localhost.", "LOCALHOST", "[::1]", "[::ffff:127.0.0.1]", "[::]"],
        *["[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]", "[fe80::1%25lo]", "169.254.169.254."],
        *["[::ffff:a9fe:a9fe]", "0251.0376.0251.0376", "0xa9fea9fe", "2852039166"],
    ],
)
def test_it_refuses_loopback_and_metadata_in_disguise_before_connecting(host: str) -> None:
    refused = refusal(f"https://{host}/latest/meta-data/")
    assert refused.code in {"refused_address", "not_a_url", "unresolvable"}


def test_it_refuses_a_userinfo_trick_that_leads_to_the_metadata_service() -> None:
    error = refusal("https://calendar.google.com@169.254.169.254/latest/meta-data/")
    assert error.code == "refused_address"


def test_it_checks_the_host_of_an_outlook_url_with_an_at_sign_in_its_path() -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[tuple[Any, ...]]:
        asked.append(host)
        return resolving({host: ["10.0.0.5"]})(host, port)

    assert refusal(OUTLOOK, resolver).params == {"host": "outlook.office365.com"}
    assert asked == ["outlook.office365.com"]


@pytest.mark.parametrize(
    "addresses",
    [["10.1.2.3", "8.8.8.8"], ["8.8.8.8", "fd00::1"], ["2606:4700::1", "::ffff:192.168.0.1"]],
)
def test_it_refuses_a_name_resolving_to_a_private_address_among_public_ones(
    addresses: list[str],
) -> None:
    error = refusal("https://cal.example.com/a.ics", resolving({"cal.example.com": addresses}))
    assert error.code == "refused_address"


def test_it_asks_the_resolver_for_an_international_name_in_its_ascii_form() -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[tuple[Any, ...]]:
        asked.append(host)
        return resolving({host: ["127.0.0.1"]})(host, port)

    refusal(feed_url("https://kalender.bücher.example/f.ics"), resolver)
    assert asked == ["kalender.xn--bcher-kva.example"]


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
