"""Feeds are fetched from public addresses only, checked before any connection is made."""

import socket
from typing import Any

import pytest

from bot.calendars.fetching.addresses import is_public
from bot.calendars.fetching.fetch import FeedError, fetch_feed
from tests.bot.calendars.fetching.feed_server import feed_server, resolving

REFUSED = {
    "127.0.0.1": "IPv4 loopback",
    "127.8.9.10": "IPv4 loopback, anywhere in 127/8",
    "10.1.2.3": "private 10/8",
    "172.16.0.1": "private 172.16/12",
    "192.168.1.20": "private 192.168/16",
    "169.254.169.254": "link-local: the cloud metadata service",
    "100.64.0.1": "carrier-grade NAT 100.64/10",
    "0.0.0.0": "unspecified",
    "224.0.0.251": "multicast (mDNS)",
    "239.255.255.250": "multicast (SSDP)",
    "240.0.0.1": "reserved 240/4",
    "255.255.255.255": "broadcast",
    "192.0.2.10": "documentation TEST-NET-1",
    "198.18.0.1": "benchmarking 198.18/15",
    "192.0.0.8": "IETF protocol assignments",
    "::1": "IPv6 loopback",
    "::": "IPv6 unspecified",
    "fe80::1": "IPv6 link-local",
    "fd00:ec2::254": "unique local (AWS's IPv6 metadata service)",
    "fc00::1": "unique local fc00::/7",
    "fec0::1": "site-local (deprecated, still not public)",
    "ff02::1": "IPv6 multicast",
    "::ffff:127.0.0.1": "IPv4-mapped loopback",
    "::ffff:169.254.169.254": "IPv4-mapped metadata service",
    "::ffff:10.0.0.1": "IPv4-mapped private",
    "::10.0.0.1": "IPv4-compatible (deprecated)",
    "2002:a00:1::1": "6to4 embedding 10.0.0.1",
    "2002:a9fe:a9fe::": "6to4 embedding 169.254.169.254",
    "64:ff9b::a9fe:a9fe": "NAT64 embedding 169.254.169.254",
    "64:ff9b::7f00:1": "NAT64 embedding 127.0.0.1",
    "64:ff9b:1::a00:1": "local-use NAT64",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2": "Teredo",
    "2001:db8::1": "IPv6 documentation",
    "100::1": "IPv6 discard-only",
}
PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "142.250.74.110",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
]


@pytest.mark.parametrize("address", list(REFUSED), ids=list(REFUSED.values()))
def test_it_judges_an_address_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_it_judges_an_address_public(address: str) -> None:
    assert is_public(address)


@pytest.mark.parametrize("address", list(REFUSED), ids=list(REFUSED.values()))
def test_it_refuses_a_host_at_an_address_not_public(address: str) -> None:
    resolver = resolving({"calendar.example": [address]})
    with pytest.raises(FeedError) as refused:
        fetch(resolver, "https://calendar.example/alice.ics")
    assert (refused.value.code, refused.value.params) == (
        "refused_address",
        {"host": "calendar.example"},
    )


def test_it_refuses_a_host_when_any_of_its_addresses_is_not_public() -> None:
    resolver = resolving({"calendar.example": ["8.8.8.8", "2606:4700::1", "10.0.0.7"]})
    with pytest.raises(FeedError) as refused:
        fetch(resolver, "https://calendar.example/alice.ics")
    assert refused.value.code == "refused_address"


def test_it_refuses_an_address_typed_in_the_url_itself() -> None:
    with pytest.raises(FeedError) as refused:
        fetch(socket.getaddrinfo, "https://[::ffff:169.254.169.254]/latest/meta-data/")
    assert refused.value.params == {"host": "::ffff:169.254.169.254"}
    assert refused.value.code == "refused_address"


def test_it_says_when_a_host_does_not_resolve() -> None:
    with pytest.raises(FeedError) as refused:
        fetch(resolving({}), "https://nowhere.example/alice.ics")
    assert (refused.value.code, refused.value.params) == (
        "unresolvable",
        {"host": "nowhere.example"},
    )


def test_it_refuses_before_connecting() -> None:
    """A private answer is never dialled, not even to see whether something listens there."""
    with feed_server() as server:
        server.serves("/alice.ics")
        resolver = resolving({"calendar.example": ["127.0.0.1"]})
        with pytest.raises(FeedError):
            fetch(resolver, server.url("/alice.ics", host="calendar.example", scheme="https"))
        assert server.connections == 0


def test_it_connects_to_the_address_it_checked_not_to_a_second_answer() -> None:
    """DNS rebinding: the name is resolved once, and that answer is the one dialled."""
    answers = iter([["127.0.0.1"], ["169.254.169.254"]])
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[tuple[Any, ...]]:
        calls.append(host)
        return resolving({host: next(answers)})(host, port)

    with feed_server() as server:
        server.serves("/alice.ics", b"BEGIN:VCALENDAR")
        allowed = frozenset({f"calendar.example:{server.port}"})
        url = server.url("/alice.ics", host="calendar.example")
        fetched = fetch_feed(
            url, etag=None, last_modified=None, allow_hosts=allowed, resolver=rebinding
        )
    assert fetched.body == b"BEGIN:VCALENDAR"
    assert calls == ["calendar.example"]
    assert server.requests[0][1]["Host"] == f"calendar.example:{server.port}"


def test_it_lets_an_allowed_host_through_at_private_addresses_trying_each_in_turn() -> None:
    """The server listens on 127.0.0.1 only: ::1 and 127.0.0.2 refuse, the next answers."""
    with feed_server() as server:
        server.serves("/team.ics", b"BEGIN:VCALENDAR")
        resolver = resolving({"calendar.internal": ["::1", "127.0.0.2", "127.0.0.1"]})
        allowed = frozenset({f"calendar.internal:{server.port}"})
        url = server.url("/team.ics", host="calendar.internal")
        fetched = fetch_feed(
            url, etag=None, last_modified=None, allow_hosts=allowed, resolver=resolver
        )
    assert fetched.body == b"BEGIN:VCALENDAR"


def fetch(resolver: Any, url: str) -> None:
    """Fetch with nothing allowed, so every address must be public."""
    fetch_feed(url, etag=None, last_modified=None, allow_hosts=frozenset(), resolver=resolver)
