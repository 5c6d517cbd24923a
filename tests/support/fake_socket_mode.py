"""Slack's side of Socket Mode: a WebSocket server on loopback that sends envelopes, reads acks."""

from __future__ import annotations

import json
import queue
import threading
import uuid
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from websockets.sync.server import Server, ServerConnection, serve

from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack

HELLO = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}}


class FakeSocketMode:
    """Hands the app's one connection envelopes and returns each ack's payload."""

    def __init__(self) -> None:
        self._server: Server = serve(self._serve, "127.0.0.1", 0, ping_interval=None)
        self.url = f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/?ticket=fake"
        self._connections: queue.Queue[ServerConnection] = queue.Queue()
        self._acks: dict[str, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()

    def _serve(self, connection: ServerConnection) -> None:
        connection.send(json.dumps(HELLO))
        self._connections.put(connection)
        for message in connection:
            ack = json.loads(message)
            with self._lock:
                waiting = self._acks.get(ack.get("envelope_id", ""))
            if waiting is not None:
                waiting.put(ack)

    def connected(self, timeout: float = 10.0) -> ServerConnection:
        """The app's connection, once it has dialled in (it stays the current one)."""
        connection = self._connections.get(timeout=timeout)
        self._connections.put(connection)
        return connection

    def deliver(
        self, kind: str, payload: dict[str, Any], timeout: float = 5.0, *, attempt: int = 0
    ) -> dict[str, Any]:
        """Send one envelope as Slack does and return the payload of the app's ack (queue.Empty
        when none came in time: Slack would deliver it again, as attempt 1, 2 and 3)."""
        envelope_id = str(uuid.uuid4())
        answer: queue.Queue[dict[str, Any]] = queue.Queue()
        with self._lock:
            self._acks[envelope_id] = answer
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": attempt,
            "retry_reason": "timeout" if attempt else "",
        }
        self.connected().send(json.dumps(envelope))
        ack = answer.get(timeout=timeout)
        payload_back: dict[str, Any] = ack.get("payload") or {}
        return payload_back


class SocketModeDriver(SlackDriver):
    """The HTTP driver's requests, delivered as Socket Mode envelopes instead of signed POSTs."""

    def __init__(self, socket: FakeSocketMode, fake: FakeSlack) -> None:
        super().__init__("unused: Socket Mode has no URL", "unused: nothing is signed", fake)
        self.socket = socket

    def send(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        ack_within: float = 5.0,
        **_options: Any,
    ) -> Reply:
        """Wrap what would have been POSTed in the envelope Slack sends over the socket; an
        envelope the app does not acknowledge in time answers 408."""
        attempt = int((headers or {}).get("X-Slack-Retry-Num") or 0)
        if content_type == "application/json":
            kind, payload = "events_api", json.loads(body)
        else:
            form: dict[str, Any] = dict(parse_qsl(body, keep_blank_values=True))
            if "payload" in form:
                kind, payload = "interactive", json.loads(form["payload"])
            else:
                kind, payload = "slash_commands", form
        try:
            answer = self.socket.deliver(kind, payload, ack_within, attempt=attempt)
        except queue.Empty:
            return Reply(408, "", {})
        return Reply(200, json.dumps(answer) if answer else "", {})
