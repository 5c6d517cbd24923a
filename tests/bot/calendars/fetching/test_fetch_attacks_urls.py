"""Attacks on fetching a feed: the URLs people paste, and addresses in disguise."""

import socket
from typing import Any

import pytest

from bot.calendars.fetching.fetch import FeedError, feed_url, fetch_feed
from tests.bot.calendars.fetching.feed_server import resolving

GOOGLE = (
    "https://calendar.google.com/calendar/ical/alice.smith%40gmail.com/"
    "private-5f3c0a9e1b2d4c6e8f7a9b0c1d2e3f4a/basic.ics"
)
OUTLOOK = (
    "https://outlook.office365.com/owa/calendar/4f1c2d3e@example.com/"
    "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b/reachcalendar.ics"
)
ICLOUD = "p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkw"


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
