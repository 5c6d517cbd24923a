"""A calendar server on loopback, feeds written as calendars export them, and the app's settings
letting that server through."""

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.accounts.vault import Vault, generate_key
from bot.calendars.connected.refresh import Reader
from bot.calendars.connected.sweep import reader_from
from bot.config import Settings
from storage import calendar_queries
from storage.db import make_engine, migrate, session_scope
from storage.models import CalendarFeed
from tests.conftest import NOW, settings_for
from tests.support.fake_slack import FakeSlack

KEY = generate_key()


@dataclass(frozen=True)
class Event:
    """One event of a feed, as Outlook (marked out of office) or Google export it."""

    uid: str
    start: datetime
    end: datetime
    title: str = "Vacation"
    marked: bool = True
    cancelled: bool = False


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(events: list[Event]) -> bytes:
    """A calendar holding the events, with CRLF lines as RFC 5545 writes them."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ooo tests//EN"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            "DTSTAMP:20261101T000000Z",
            f"DTSTART:{_stamp(event.start)}",
            f"DTEND:{_stamp(event.end)}",
            f"SUMMARY:{event.title}",
        ]
        if event.marked:
            lines.append("X-MICROSOFT-CDO-BUSYSTATUS:OOF")
        if event.cancelled:
            lines.append("STATUS:CANCELLED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


class FeedServer:
    """Serves each path's feed with an ETag (304 when it matches); 404 once a feed is removed."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append({"path": self.path, **dict(self.headers.items())})
                body = server.feeds.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                kind = "text/html" if body.startswith(b"<") else "text/calendar"
                self.send_header("Content-Type", kind)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._http.server_address[1]
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    @property
    def host(self) -> str:
        """The `host:port` OOO_CALENDAR_ALLOW_HOSTS names it by."""
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The address of a feed on this server."""
        return f"http://{self.host}{path}"

    def publish(self, path: str, events: list[Event]) -> str:
        """Serve these events at `path` (replacing what was there); its URL."""
        self.feeds[path] = ics(events)
        return self.url(path)

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


@pytest.fixture
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """SQLite only: PostgreSQL's part, two replicas reading one feed at once, has its own test
    (and this keeps these tests quick)."""
    path = tmp_path_factory.mktemp("db") / "ooo.db"
    sqlite = make_engine(f"sqlite:///{path}")
    migrate(sqlite)
    yield sqlite
    sqlite.dispose()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A calendar server on a free loopback port."""
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine, feed_server: FeedServer) -> Settings:
    """The app with an encryption key (feeds' URLs are sealed) and the loopback server allowed."""
    base = settings_for(fake, engine)
    return base.model_copy(
        update={"ooo_encryption_key": KEY, "ooo_calendar_allow_hosts": feed_server.host}
    )


@pytest.fixture
def reader(app_settings: Settings) -> Reader:
    """How the app reads feeds."""
    found = reader_from(app_settings)
    assert found is not None
    return found


def connected(
    engine: Engine, url: str, *, owner: str = "UALICE", tz: str = "Europe/Paris"
) -> CalendarFeed:
    """Store a feed as `/ooo calendar` would, not read yet and due now."""
    feed = CalendarFeed(
        team_id="T0001",
        owner_id=owner,
        url=Vault(KEY).seal(url),
        hint="127.0.0.1/…",
        tz=tz,
        due_at=NOW,
        created_at=NOW,
    )
    with session_scope(engine) as session:
        return calendar_queries.save_feed(session, feed=feed)
