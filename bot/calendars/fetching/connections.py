"""HTTP connections pinned to addresses already checked, under one deadline for the whole fetch."""

import http.client
import socket
import ssl
import time
from collections.abc import Sequence
from functools import cache


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

    def tighten(self) -> None:
        """Let the next read wait no longer than the fetch has left (a server that drips)."""
        if self.sock is not None:
            self.sock.settimeout(self._step())

    def _step(self) -> float:
        """How long one connect or read may wait: the timeout, or less near the deadline."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the fetch ran out of time")
        return min(self.timeout, left) if self.timeout is not None else left


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
