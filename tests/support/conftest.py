"""Fixtures for the harness's own tests: a strict fake Slack, a client on it, a WSGI server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_sdk import WebClient

from tests.support.fake_slack import FakeSlack

ALICE, BOB, CAROL = "U0ALICE", "U0BOB", "W0CAROL"
GENERAL = "C0GENERAL"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack: Alice (Paris), Bob (New York), Carol (Tokyo) and the bot in #general."""
    with FakeSlack() as fake:
        fake.add_user(ALICE, "alice", tz="Europe/Paris", locale="fr-FR", real_name="Alice Martin")
        fake.add_user(BOB, "bob", tz="America/New_York")
        fake.add_user(CAROL, "carol", tz="Asia/Tokyo", locale="ja-JP")
        fake.add_channel(GENERAL, "general", members=[ALICE, BOB, CAROL, "UBOT"])
        yield fake
        fake.assert_no_rejections()


@pytest.fixture
def slack(fake_slack: FakeSlack) -> WebClient:
    """A bot-token WebClient pointed at the fake."""
    return WebClient(base_url=fake_slack.api_url, token=fake_slack.bot_token)


@pytest.fixture
def serve_wsgi() -> Iterator[Callable[[Any], str]]:
    """Serve WSGI apps on 127.0.0.1 for the test; returns each app's /slack/events URL."""
    servers: list[WSGIServer] = []

    def serve(app: Any) -> str:
        server = make_server("127.0.0.1", 0, app, _ThreadingWSGIServer, _QuietHandler)
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/slack/events"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
