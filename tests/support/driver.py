"""Plays Slack's side: signed slash commands, interactions and events sent to the app over HTTP."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlencode

import httpx

from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_blocks import with_ids
from tests.support.fake_slack_inputs import STATE_FIELDS, element_value, find_element, view_state
from tests.support.fake_slack_state import BOT_USER_ID

VERIFICATION_TOKEN = "verification-token"


@dataclass(frozen=True)
class Reply:
    """The app's HTTP answer, with the response_url and trigger_id the request carried."""

    status: int
    text: str
    headers: dict[str, str]
    response_url: str | None = None
    trigger_id: str | None = None

    def json(self) -> Any:
        """The body as JSON (None when empty)."""
        return json.loads(self.text) if self.text else None


class SlackDriver:
    """Sends what Slack sends, signed with the app's signing secret, to its /slack/events URL."""

    def __init__(
        self,
        app_url: str,
        signing_secret: str,
        fake: FakeSlack,
        team_id: str = "T0001",
        api_app_id: str = "A0001",
        enterprise_id: str | None = None,
        org_wide: bool = False,
    ) -> None:
        self.app_url = app_url
        self.org_wide = org_wide
        self.signing_secret = signing_secret
        self.fake = fake
        self.team_id = team_id
        self.api_app_id = api_app_id
        self.enterprise_id = enterprise_id
        self._http = httpx.Client(timeout=10.0)
        # Each event's time, by id: Slack's retries carry the first delivery's.
        self._event_times: dict[str, int] = {}

    def __enter__(self) -> SlackDriver:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()

    def sign(self, body: str, timestamp: int) -> str:
        """Slack's request signature: HMAC-SHA256 of `v0:{timestamp}:{body}`."""
        base = f"v0:{timestamp}:{body}".encode()
        return "v0=" + hmac.new(self.signing_secret.encode(), base, hashlib.sha256).hexdigest()

    def send(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
        sign: bool = True,
    ) -> Reply:
        """POST a raw body, signed unless `sign=False`; `timestamp`/`signature` override."""
        sent = {"Content-Type": content_type, **(headers or {})}
        if sign:
            ts = int(time.time()) if timestamp is None else timestamp
            sent["X-Slack-Request-Timestamp"] = str(ts)
            sent["X-Slack-Signature"] = signature or self.sign(body, ts)
        answer = self._http.post(self.app_url, content=body.encode(), headers=sent)
        return Reply(answer.status_code, answer.text, dict(answer.headers))

    def _user(self, user_id: str) -> dict[str, str]:
        name = (self.fake.user(user_id) or {}).get("name", user_id.lower())
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def _interaction(self, kind: str, user_id: str, **fields: Any) -> dict[str, Any]:
        enterprise = {"id": self.enterprise_id, "name": "Org"} if self.enterprise_id else None
        return {
            "type": kind,
            "team": {"id": self.team_id, "domain": "ooo-test"},
            "enterprise": enterprise,
            "is_enterprise_install": self.org_wide,
            "user": self._user(user_id),
            "api_app_id": self.api_app_id,
            "token": VERIFICATION_TOKEN,
            **fields,
        }

    def _send_payload(self, payload: dict[str, Any], **options: Any) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        reply = self.send(body, "application/x-www-form-urlencoded", **options)
        return Reply(
            reply.status,
            reply.text,
            reply.headers,
            payload.get("response_url"),
            payload.get("trigger_id"),
        )

    def command(
        self,
        user_id: str,
        text: str = "",
        command: str = "/ooo",
        channel_id: str = "C0GENERAL",
        **options: Any,
    ) -> Reply:
        """A slash command, with a fresh response_url and trigger_id from the fake."""
        channel = self.fake.channel(channel_id) or {}
        form = {"token": VERIFICATION_TOKEN, "team_id": self.team_id, "team_domain": "ooo-test"}
        if self.enterprise_id:
            form |= {"enterprise_id": self.enterprise_id, "enterprise_name": "Org"}
        form |= {
            "channel_id": channel_id,
            "channel_name": channel.get("name", "directmessage"),
            "user_id": user_id,
            "user_name": self._user(user_id)["name"],
            "command": command,
            "text": text,
            "api_app_id": self.api_app_id,
            "is_enterprise_install": "true" if self.org_wide else "false",
            "response_url": self.fake.new_response_url(),
            "trigger_id": self.fake.issue_trigger(user_id),
        }
        reply = self.send(urlencode(form), "application/x-www-form-urlencoded", **options)
        return Reply(
            reply.status, reply.text, reply.headers, form["response_url"], form["trigger_id"]
        )

    def _open_view(self, view_id: str) -> dict[str, Any]:
        view = self.fake.view(view_id)
        assert view is not None, f"the fake has no view {view_id}"
        return view

    def submit(
        self, user_id: str, view_id: str, inputs: dict[str, object] | None = None, **options: Any
    ) -> Reply:
        """Submit an open modal with its current inputs (initial values unless overridden)."""
        view = self._open_view(view_id)
        assert self.fake.is_open(view_id), f"view {view_id} is not open: it cannot be submitted"
        view["state"] = view_state(view, inputs)
        payload = self._interaction(
            "view_submission",
            user_id,
            trigger_id=self.fake.issue_trigger(user_id),
            view=view,
            response_urls=[],
        )
        reply = self._send_payload(payload, **options)
        if reply.status == 200:
            answer = reply.json() if reply.text.startswith("{") else None
            self.fake.answer_submission(user_id, view_id, answer or {})
        return reply

    def click(
        self,
        user_id: str,
        *,
        action_id: str,
        view_id: str | None = None,
        message: dict[str, Any] | None = None,
        value: Any = None,
        option: str | dict[str, Any] | None = None,
        inputs: dict[str, object] | None = None,
        channel_id: str | None = None,
        **options: Any,
    ) -> Reply:
        """Use the element with `action_id` in a stored view or a (stored or ephemeral) message."""
        assert (view_id is None) != (message is None), "click in either a view or a message"
        container = self._open_view(view_id) if view_id is not None else copy.deepcopy(message)
        assert container is not None
        blocks = with_ids(container.get("blocks", []))  # Slack ids blocks in replies too
        block_id, element = find_element(blocks, action_id)
        given = option if option is not None else value
        inputs = dict(inputs or {})
        if given is not None and any(
            b["block_id"] == block_id and b["type"] == "input" for b in blocks
        ):
            inputs[action_id] = given  # Slack's state already holds what was just chosen
        fields: dict[str, Any] = {"trigger_id": self.fake.issue_trigger(user_id)}
        if view_id is not None:
            fields |= {
                "container": {"type": "view", "view_id": view_id},
                "view": container | {"state": view_state(container, inputs)},
            }
        else:
            fields |= self._message_container(container, channel_id, inputs)
        action = {
            "type": element["type"],
            "action_id": action_id,
            "block_id": block_id,
            "action_ts": f"{time.time():.6f}",
        }
        if element["type"] == "button":
            action["text"] = element["text"]
            if value is not None or "value" in element:
                action["value"] = element.get("value") if value is None else value
        elif element["type"] in STATE_FIELDS:
            key = STATE_FIELDS[element["type"]][0]
            action[key] = element_value(element, given)
        payload = self._interaction("block_actions", user_id, actions=[action], **fields)
        return self._send_payload(payload, **options)

    def _message_container(
        self, message: dict[str, Any], channel_id: str | None, inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """The fields of a block_actions payload from a stored or ephemeral message."""
        channel_id = channel_id or message.get("channel") or "C0GENERAL"
        ephemeral = "ts" not in message
        fields = {
            "container": {
                "type": "message",
                "message_ts": message.get("ts") or f"{time.time():.6f}",
                "channel_id": channel_id,
                "is_ephemeral": ephemeral,
            },
            "channel": {
                "id": channel_id,
                "name": (self.fake.channel(channel_id) or {}).get("name"),
            },
            "state": view_state({"blocks": message.get("blocks", [])}, inputs),
            "response_url": self.fake.new_response_url(),
        }
        if not ephemeral:
            fields["message"] = {k: v for k, v in message.items() if k != "channel"}
        return fields

    def suggest(
        self, user_id: str, view_id: str, action_id: str, query: str = "", **options: Any
    ) -> Reply:
        """Ask for an external select's options as a person types `query`."""
        view = self._open_view(view_id)
        view["state"] = view_state(view)
        block_id, _ = find_element(view["blocks"], action_id)
        payload = self._interaction(
            "block_suggestion",
            user_id,
            container={"type": "view", "view_id": view_id},
            action_id=action_id,
            block_id=block_id,
            value=query,
            view=view,
        )
        return self._send_payload(payload, **options)

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        shared_externally: bool = False,
        seen_by: str | None = None,
        event_time: int | None = None,
        **options: Any,
    ) -> Reply:
        """An Events API delivery; a retry carries X-Slack-Retry-Num and X-Slack-Retry-Reason,
        and the event time of the first delivery of its event id.

        `seen_by` names the person whose connected account Slack delivers it through (a
        user-scope event); otherwise ooo's bot sees it.
        """
        event_id = event_id or f"Ev{uuid.uuid4().hex[:10].upper()}"
        sent = self._event_times.setdefault(event_id, event_time or int(time.time()))
        envelope = {
            "token": VERIFICATION_TOKEN,
            "team_id": self.team_id,
            "enterprise_id": self.enterprise_id,
            "api_app_id": self.api_app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": sent,
            "authorizations": [
                {
                    "enterprise_id": self.enterprise_id,
                    "team_id": self.team_id,
                    "user_id": seen_by or BOT_USER_ID,
                    "is_bot": seen_by is None,
                    "is_enterprise_install": self.org_wide,
                }
            ],
            "is_ext_shared_channel": shared_externally,
        }
        headers = dict(options.pop("headers", None) or {})
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
        if retry_reason is not None:
            headers["X-Slack-Retry-Reason"] = retry_reason
        return self.send(json.dumps(envelope), "application/json", headers=headers, **options)

    def message(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        **options: Any,
    ) -> tuple[dict[str, Any], Reply]:
        """A person writes in a conversation (kept by the fake) and Slack delivers the event."""
        event = self.fake.post_as(user_id, channel_id, text, thread_ts=thread_ts)
        return event, self.event(event, **options)

    def url_verification(self, challenge: str, **options: Any) -> Reply:
        """The handshake Slack sends when the Request URL is set."""
        body = {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}
        return self.send(json.dumps(body), "application/json", **options)
