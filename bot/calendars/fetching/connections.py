"""HTTP connections pinned to addresses already checked, under one deadline for the whole fetch."""

import http.client
import io
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the checked addresses only, whatever DNS would answer next time.

    The host name is still what the request names (its Host header, and for HTTPS its SNI and
    certificate check); only the address dialled is fixed, so a second DNS answer cannot swap
    a private address in (DNS rebinding).
    """

    def __init__(
        self, host: str, port: int, *, addresses: Sequence[str], timeout: float, deadline: float
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.deadline = deadline
        # Every read of the answer, its head as much as its body, waits only what the fetch
        # has left: a server that drips its headers or answers "100 Continue" forever, each
        # byte in time, is still cut off at the deadline.
        self.response_class = self._timed_response  # type: ignore[assignment]

    def connect(self) -> None:
        """Dial the checked addresses in turn, as socket.create_connection dials a name's: an
        address that is refused or silent (IPv6 with no route) gives way to the next."""
        error: OSError = ConnectionError("no address to connect to")
        for address in self.addresses:
            step = self._step()
            try:
                self.sock = socket.create_connection((address, self.port), step)
            except OSError as failed:
                error = failed
            else:
                return
        raise error

    def _timed_response(
        self, sock: socket.socket, *args: object, **kwargs: object
    ) -> http.client.HTTPResponse:
        """The answer, read through a reader that keeps to the deadline."""
        response = http.client.HTTPResponse(sock, *args, **kwargs)  # type: ignore[arg-type]
        # The socket's own reader keeps it open once the connection hands it to the answer.
        response.fp = io.BufferedReader(_TimedReader(response.fp.detach(), sock, self._step))
        return response

    def _step(self) -> float:
        """How long one connect or read may wait: the timeout, or less near the deadline."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the fetch ran out of time")
        return min(self.timeout, left) if self.timeout is not None else left


class _TimedReader(io.RawIOBase):
    """A socket's reader whose every read waits no longer than `step()` says."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, step: Callable[[], float]) -> None:
        super().__init__()
        self.raw, self.sock, self.step = raw, sock, step

    def readable(self) -> bool:
        """It is read from."""
        return True

    def readinto(self, buffer: "WriteableBuffer") -> int:
        """Read what arrives within the time left; TimeoutError once there is none."""
        self.sock.settimeout(self.step())
        return self.raw.readinto(buffer) or 0

    def close(self) -> None:
        """Let the socket go."""
        self.raw.close()
        super().close()


class PinnedHTTPS(PinnedHTTP):
    """A pinned connection over TLS, verifying the certificate for the host name."""

    default_port = http.client.HTTPS_PORT

    def __init__(
        self,
        host: str,
        port: int,
        *,
        addresses: Sequence[str],
        timeout: float,
        deadline: float,
        tls: ssl.SSLContext | None,
    ) -> None:
        super().__init__(host, port, addresses=addresses, timeout=timeout, deadline=deadline)
        self.tls = tls or default_tls()

    def connect(self) -> None:
        """Dial a checked address, then shake hands with SNI for the host name."""
        super().connect()
        self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)


@cache
def default_tls() -> ssl.SSLContext:
    """The system's trusted authorities, hostname checks on: built once, it reads files."""
    return ssl.create_default_context()
