"""Over https the fetcher dials the checked address but verifies the certificate for the name."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.calendars.fetching.fetch import FeedError, Fetched, fetch_feed
from tests.bot.calendars.fetching.certificates import Authority, authority
from tests.bot.calendars.fetching.feed_server import CALENDAR, FeedServer, feed_server, resolving

NAME = "calendar.example"


@pytest.fixture(scope="module")
def issuer() -> Authority:
    return authority()


@pytest.fixture
def server(issuer: Authority, tmp_path: Path) -> Iterator[FeedServer]:
    """An https server on loopback whose certificate names calendar.example, and it only."""
    with feed_server(issuer.server(NAME, tmp_path)) as running:
        running.serves("/alice.ics")
        yield running


def test_it_verifies_the_certificate_for_the_host_name_over_the_pinned_address(
    server: FeedServer, issuer: Authority
) -> None:
    assert fetch(server, NAME, issuer) == Fetched(CALENDAR)
    assert server.server_names == [NAME]
    assert server.requests[0][1]["Host"] == f"{NAME}:{server.port}"


def test_it_refuses_a_certificate_for_another_name(server: FeedServer, issuer: Authority) -> None:
    with pytest.raises(FeedError) as refused:
        fetch(server, "other.example", issuer)
    assert (refused.value.code, refused.value.params) == ("insecure", {"host": "other.example"})
    assert server.requests == []


def test_it_refuses_a_certificate_from_an_authority_nobody_trusts(server: FeedServer) -> None:
    with pytest.raises(FeedError) as refused:
        fetch(server, NAME, None)
    assert refused.value.code == "insecure"


def fetch(server: FeedServer, host: str, issuer: Authority | None) -> Fetched:
    """Fetch over https from `host`, which resolves to the loopback server and is allowed."""
    return fetch_feed(
        server.url("/alice.ics", host=host, scheme="https"),
        etag=None,
        last_modified=None,
        allow_hosts=frozenset({f"{host}:{server.port}"}),
        resolver=resolving({host: ["127.0.0.1"]}),
        tls=issuer.trusted if issuer else None,
    )
