"""Fetching a person's calendar feed over the network, safely: public addresses only, bounded."""

import logging
import socket
import ssl
import threading
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
        target = _checked(url, allow_hosts, resolver, limits)
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
    where = _where(url, allow_hosts)
    _refuse_http(where)
    literal = _written_address(where.host)
    if literal and not where.allowed and not is_public(literal):
        raise _refused(Failure.REFUSED_ADDRESS, where.host)


@dataclass(frozen=True)
class _Where:
    """A URL's parts that decide whether it may be fetched."""

    scheme: str
    host: str
    port: int
    allowed: bool


def _where(url: str, allow_hosts: frozenset[str]) -> _Where:
    """Read the scheme, host and port, and whether the host is allowed over http."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or PORTS.get(parts.scheme, 0)
    except ValueError:
        port = 0
    return _Where(parts.scheme, host, port, f"{host}:{port}" in allow_hosts)


def _refuse_http(where: _Where) -> None:
    """Only https, unless the host is allowed."""
    if where.scheme != "https" and not where.allowed:
        raise _refused(Failure.NOT_HTTPS, where.host)


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


def _checked(url: str, allow_hosts: frozenset[str], resolver: Resolver, limits: Limits) -> Target:
    """Where a URL leads, if it may go there: https, or an allowed host; public addresses only.

    Every address the name resolves to must be public, and the connection dials only those.
    """
    where = _where(url, allow_hosts)
    if not where.host or not where.port or where.scheme not in PORTS:
        raise FeedError(Failure.NOT_A_URL)
    _refuse_http(where)
    addresses = _resolved(where.host, where.port, resolver, limits)
    if not where.allowed and not all(is_public(address) for address in addresses):
        raise _refused(Failure.REFUSED_ADDRESS, where.host)
    parts = urlsplit(url)
    path = ascii_path(parts.path or "/") + (f"?{ascii_path(parts.query)}" if parts.query else "")
    return Target(where.scheme, where.host, where.port, path, addresses)


def _resolved(host: str, port: int, resolver: Resolver, limits: Limits) -> list[str]:
    """The host's addresses, asked within the fetch's time: a resolver that hangs fails it.

    getaddrinfo takes no timeout, so it runs on a daemon thread that is left behind if late.
    """
    found: list[list[str]] = []
    failed: list[BaseException] = []

    def ask() -> None:
        try:
            found.append(resolve(host, port, resolver))
        except (OSError, UnicodeError) as error:
            failed.append(error)

    asking = threading.Thread(target=ask, name="ooo-calendar-dns", daemon=True)
    asking.start()
    asking.join(max(0.0, min(limits.timeout, limits.deadline - time.monotonic())))
    if found:
        return found[0]
    if failed:
        raise _refused(Failure.UNRESOLVABLE, host)
    logger.info("calendar feed at %s: DNS did not answer in time", host)
    raise FeedError(Failure.TIMEOUT, {"host": host})


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
