"""A calendar server on loopback for the fetch tests: each path answers as a test scripts it."""

from __future__ import annotations

import socket
import ssl
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address, IPv6Address, ip_address
from typing import Any

from bot.calendars.fetching.addresses import Resolver

CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ooo tests//EN\r\nEND:VCALENDAR\r\n"

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    """Answers each GET with the route its path names; a 404 for any other path."""

    server: FeedServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = self.server.routes.get(self.path.partition("?")[0])
        if route is None:
            self.answer(404, b"not here")
        else:
            route(self)

    def answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        """Send a whole response: status, headers (Content-Length unless given), body."""
        self.send_response(status)
        headers.setdefault("Content_Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""


class FeedServer(ThreadingHTTPServer):
    """The server, its routes, what it was asked, and an event that ends stalled answers."""

    daemon_threads = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.connections = 0
        # The names clients asked for in their TLS hello (SNI), over https.
        self.server_names: list[str | None] = []
        if tls is not None:
            tls.sni_callback = self._hello
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.released = threading.Event()

    def _hello(self, _socket: ssl.SSLObject, name: str | None, _tls: ssl.SSLContext) -> None:
        self.server_names.append(name)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hangs up mid-answer: the size limits do it on purpose."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def allowed(self) -> frozenset[str]:
        """The allow list that lets the fetcher reach this server at its loopback address."""
        return frozenset({f"127.0.0.1:{self.port}"})

    def url(self, path: str, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def serves(self, path: str, body: bytes = CALENDAR, status: int = 200, **headers: str) -> None:
        """Answer `path` with a fixed response."""
        self.routes[path] = lambda handler: handler.answer(status, body, **headers)

    def redirects(self, path: str, location: str, status: int = 302) -> None:
        """Answer `path` by sending the client to `location`."""
        self.serves(path, b"", status, Location=location)


@contextmanager
def feed_server(tls: ssl.SSLContext | None = None) -> Iterator[FeedServer]:
    """Run a FeedServer in a thread for the duration of the block."""
    server = FeedServer(tls)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.shutdown()
        server.server_close()


def resolving(table: dict[str, Sequence[str]]) -> Resolver:
    """A resolver answering the table's names with its addresses; numeric hosts stand for
    themselves, and any other name is unknown."""

    def resolve(host: str, port: int) -> list[tuple[Any, ...]]:
        addresses = table.get(host) or [str(_numeric(host))]
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    return resolve


def _numeric(host: str) -> IPv4Address | IPv6Address:
    try:
        return ip_address(host)
    except ValueError:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None
