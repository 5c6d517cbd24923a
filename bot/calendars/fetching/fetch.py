"""Fetching a person's calendar feed over the network, safely: public addresses only, bounded."""

import logging
import socket
import ssl
import time
from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urljoin, urlsplit

from bot.calendars.fetching.addresses import Resolver, is_public, resolve
from bot.calendars.fetching.exchange import Answer, Limits, Target, exchange
from bot.calendars.fetching.failures import Failure, FeedError
from bot.calendars.fetching.urls import ascii_path, feed_url

__all__ = ["FeedError", "Fetched", "feed_url", "fetch_feed"]

logger = logging.getLogger(__name__)
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PORTS = {"https": 443, "http": 80}


@dataclass(frozen=True)
class Fetched:
    """What a feed's server answered: its body (None when not modified) and its validators."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    # What Content-Type declared; read_absences tries it when the feed is not UTF-8.
    charset: str | None = None


def fetch_feed(
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    allow_hosts: frozenset[str],
    resolver: Resolver = socket.getaddrinfo,
    timeout: float = 10.0,
    total_seconds: float = 30.0,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    tls: ssl.SSLContext | None = None,
) -> Fetched:
    """Fetch a feed with a conditional request, refusing what is not public.

    `timeout` bounds each connect and read, `total_seconds` the whole fetch with its redirects;
    `allow_hosts` holds `host:port` pairs fetched over http too, at any address. Raises
    FeedError; its code says why.
    """
    limits = Limits(timeout, time.monotonic() + total_seconds, max_bytes, tls)
    headers = _request_headers(etag, last_modified)
    for _hop in range(max_redirects + 1):
        target = _checked(url, allow_hosts, resolver)
        answer = exchange(target, headers, limits)
        if answer.status not in REDIRECTS:
            return _fetched(answer, target.host, etag, last_modified)
        if not answer.location:
            raise FeedError(Failure.BAD_RESPONSE, {"host": target.host})
        url = urljoin(url, answer.location)
    logger.info("calendar feed at %s redirected too often", target.host)
    raise FeedError(Failure.TOO_MANY_REDIRECTS, {"host": target.host})


def _request_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """Ask for a calendar, compressed, and only if it changed since the validators were given."""
    headers = {
        "Accept": "text/calendar, */*;q=0.1",
        "Accept-Encoding": "gzip",
        # Named, so a server's operator can tell ooo apart; some servers refuse nameless clients.
        "User-Agent": "ooo-calendar-reader/1.0",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def refused_at_once(url: str, allow_hosts: frozenset[str]) -> None:
    """Raise what a fetch would refuse without asking DNS (not https, or a private address
    written as digits, in any of the forms resolvers read), so a form can say so at once."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or PORTS.get(parts.scheme, 0)
    except ValueError:
        port = 0
    allowed = f"{host}:{port}" in allow_hosts
    if parts.scheme != "https" and not allowed:
        raise _refused(Failure.NOT_HTTPS, host)
    literal = _written_address(host)
    if literal and not allowed and not is_public(literal):
        raise _refused(Failure.REFUSED_ADDRESS, host)


def _written_address(host: str) -> str | None:
    """The address a host written as digits stands for ("2130706433" is 127.0.0.1), or None."""
    try:
        return str(ip_address(host))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None


def _checked(url: str, allow_hosts: frozenset[str], resolver: Resolver) -> Target:
    """Where a URL leads, if it may go there: https, or an allowed host; public addresses only.

    Every address the name resolves to must be public, and the connection dials only those.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or PORTS.get(parts.scheme, 0)
    except ValueError:
        port = 0
    if not host or not port or parts.scheme not in PORTS:
        raise FeedError(Failure.NOT_A_URL)
    allowed = f"{host}:{port}" in allow_hosts
    if parts.scheme != "https" and not allowed:
        raise _refused(Failure.NOT_HTTPS, host)
    try:
        addresses = resolve(host, port, resolver)
    except (OSError, UnicodeError):
        raise _refused(Failure.UNRESOLVABLE, host) from None
    if not allowed and not all(is_public(address) for address in addresses):
        raise _refused(Failure.REFUSED_ADDRESS, host)
    path = ascii_path(parts.path or "/") + (f"?{ascii_path(parts.query)}" if parts.query else "")
    return Target(parts.scheme, host, port, path, addresses)


def _refused(failure: Failure, host: str) -> FeedError:
    """A fetch refused before any connection; the host is logged, never the secret URL."""
    logger.info("calendar feed at %s refused: %s", host, failure)
    return FeedError(failure, {"host": host})


def _fetched(answer: Answer, host: str, etag: str | None, last_modified: str | None) -> Fetched:
    """The feed, or None with the validators when unchanged; any other status is a failure."""
    if answer.status == 304:
        return Fetched(None, answer.etag or etag, answer.last_modified or last_modified)
    if answer.body is None:
        logger.info("calendar feed at %s answered %s", host, answer.status)
        raise FeedError(Failure.HTTP_STATUS, {"host": host, "status": str(answer.status)})
    # Nothing at all is no calendar: a head cut off before its end reads as an empty answer.
    if not answer.body:
        logger.info("calendar feed at %s answered nothing", host)
        raise FeedError(Failure.BAD_RESPONSE, {"host": host})
    return Fetched(answer.body, answer.etag, answer.last_modified, answer.charset)
