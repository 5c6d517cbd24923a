"""One GET to a checked destination and its answer, every network failure turned into a code."""

import http.client
import logging
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.calendars.fetching.bodies import Malformed, TooLarge, read_body
from bot.calendars.fetching.connections import PinnedHTTP, PinnedHTTPS
from bot.calendars.fetching.failures import Failure, FeedError

logger = logging.getLogger(__name__)
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take, and the TLS trust it verifies against."""

    timeout: float
    # On time.monotonic()'s scale: when the whole fetch, redirects included, must be over.
    deadline: float
    max_bytes: int
    tls: ssl.SSLContext | None


@dataclass(frozen=True)
class Target:
    """One request's destination, checked: the addresses it dials and what it asks for."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: list[str]


@dataclass(frozen=True)
class Answer:
    """One response: its status, the headers ooo reads, and its body when it is a success."""

    status: int
    location: str | None
    etag: str | None
    last_modified: str | None
    body: bytes | None
    # The character set Content-Type declares, for a feed that is not UTF-8.
    charset: str | None = None


def exchange(target: Target, headers: dict[str, str], limits: Limits) -> Answer:
    """Send one GET to the target's checked addresses and read the answer within the limits."""
    connection = _connection(target, limits)
    with _failures(target.host, limits.max_bytes):
        try:
            answer = _ask(connection, target.path, headers, limits.max_bytes)
        finally:
            connection.close()
    logger.debug("calendar feed at %s answered %s", target.host, answer.status)
    return answer


def _ask(connection: PinnedHTTP, path: str, headers: dict[str, str], max_bytes: int) -> Answer:
    """One request and its answer; only a success's body is read, not an error page's."""
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = None
    if 200 <= response.status < 300:
        body = read_body(response, max_bytes=max_bytes)
    header = response.getheader
    charset = response.headers.get_content_charset()
    return Answer(
        response.status, header("Location"), header("ETag"), header("Last-Modified"), body, charset
    )


def _connection(target: Target, limits: Limits) -> PinnedHTTP:
    """A connection to the target's checked addresses, over TLS for https."""
    if target.scheme == "https":
        return PinnedHTTPS(
            target.host,
            target.port,
            addresses=target.addresses,
            timeout=limits.timeout,
            deadline=limits.deadline,
            tls=limits.tls,
        )
    return PinnedHTTP(
        target.host,
        target.port,
        addresses=target.addresses,
        timeout=limits.timeout,
        deadline=limits.deadline,
    )


@contextmanager
def _failures(host: str, max_bytes: int) -> Iterator[None]:
    """Turn what the network, TLS and HTTP raise into the codes a person is told about."""
    try:
        yield
    except TooLarge:
        raise _failed(Failure.TOO_LARGE, host, megabytes=f"{max_bytes / MEGABYTE:.3g}") from None
    except (Malformed, http.client.HTTPException):
        raise _failed(Failure.BAD_RESPONSE, host) from None
    except TimeoutError:
        raise _failed(Failure.TIMEOUT, host) from None
    except ssl.SSLCertVerificationError:
        raise _failed(Failure.INSECURE, host) from None
    except OSError:
        raise _failed(Failure.UNREACHABLE, host) from None


def _failed(failure: Failure, host: str, **params: str) -> FeedError:
    """A failed fetch, logged by its host only: the URL is a secret."""
    logger.info("calendar feed at %s failed: %s", host, failure)
    return FeedError(failure, {"host": host, **params})
