"""The HTTP side of the fake Slack: Web API requests in, JSON out, and response URLs."""

from __future__ import annotations

import base64
import contextlib
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from tests.support.fake_slack_state import Args

if TYPE_CHECKING:
    from tests.support.fake_slack import FakeSlack

JSON_ARGS = ("view", "blocks", "attachments", "metadata", "profile")


def _decoded(args: Args) -> Args:
    for name in JSON_ARGS:
        if isinstance(args.get(name), str):
            with contextlib.suppress(ValueError):  # a bad string is left to the method's checks
                args[name] = json.loads(args[name])
    return args


class SlackHTTPHandler(BaseHTTPRequestHandler):
    """Turns HTTP requests into FakeSlack calls."""

    server: ThreadingHTTPServer

    def do_GET(self) -> None:
        self.do_POST()

    def do_POST(self) -> None:
        fake: FakeSlack = self.server.fake  # type: ignore[attr-defined]
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if len(body) < length:
            # The client died mid-request (a test's kill -9): Slack never sees such a call.
            self.close_connection = True
            return
        if path.startswith("/upload/"):
            status, text = fake.receive_upload(path, body)
            self._send_text(status, text)
            return
        raw = body.decode()
        if path.startswith("/response/"):
            status = fake.record_response(fake.url + path, json.loads(raw or "{}"))
            self._send(status, {"ok": status == 200})
            return
        if not path.startswith("/api/"):
            self._send(404, {"ok": False, "error": "not_found"})
            return
        args: Args = dict(parse_qsl(query, keep_blank_values=True))
        if self.headers.get("Content-Type", "").startswith("application/json"):
            args.update(json.loads(raw or "{}"))
        else:
            args.update(parse_qsl(raw, keep_blank_values=True))
        token = args.pop("token", None)
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            token = auth.removeprefix("Bearer ")
        if auth.startswith("Basic "):  # how slack-sdk sends an app's client id and secret
            client_id, _, secret = (
                base64.b64decode(auth.removeprefix("Basic ")).decode().partition(":")
            )
            args.update(client_id=client_id, client_secret=secret)
        answer = fake.handle(urlsplit(path).path.removeprefix("/api/"), _decoded(args), token)
        if answer.drop:
            self.close_connection = True
            return
        self._send(answer.status, answer.body, answer.headers)

    def _send(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_text(self, status: int, text: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: pytest shows what matters."""
