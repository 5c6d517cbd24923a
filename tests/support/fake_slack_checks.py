"""What Slack checks before running a Web API method: it exists, the token may call it, args."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
# Slack's method reference, copied unmodified into the tests' data (see its SOURCE and LICENSE.md).
API_REF = REPO / "tests" / "data" / "slack-api-ref"
MANIFEST = REPO / "manifest.yml"

_METHOD_NAME = re.compile(r"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$")


class SlackError(Exception):
    """A Web API error answer: `{"ok": false, "error": ...}` plus optional detail fields."""

    def __init__(self, error: str, messages: list[str] | None = None, **extra: Any) -> None:
        super().__init__(error, messages)
        self.error = error
        self.messages = messages or []
        self.extra = extra

    def body(self) -> dict[str, Any]:
        """The JSON body Slack would send back."""
        body: dict[str, Any] = {"ok": False, "error": self.error, **self.extra}
        if self.messages:
            body["response_metadata"] = {"messages": self.messages}
        return body


@dataclass(frozen=True)
class Token:
    """A token the fake workspace has issued: to the bot or to one person."""

    value: str
    user_id: str
    scopes: frozenset[str]

    @property
    def is_bot(self) -> bool:
        """Whether this is a bot token (`xoxb-`)."""
        return self.value.startswith("xoxb-")


@cache
def method_ref(method: str) -> dict[str, Any] | None:
    """The reference entry of a Web API method, or None when Slack has no such method."""
    if not _METHOD_NAME.match(method):
        return None
    path = API_REF / "methods" / f"{method}.json"
    if not path.is_file():
        return None
    ref: dict[str, Any] = json.loads(path.read_text())
    return ref


@cache
def manifest_bot_scopes(path: Path = MANIFEST) -> frozenset[str]:
    """The bot scopes the app asks for in its manifest."""
    manifest = yaml.safe_load(path.read_text())
    return frozenset(manifest.get("oauth_config", {}).get("scopes", {}).get("bot", []))


def check_call(
    method: str, args: dict[str, Any], token: str | None, tokens: dict[str, Token]
) -> Token:
    """Apply Slack's checks in Slack's order and return the caller's token, or raise SlackError."""
    ref = method_ref(method)
    if ref is None:
        raise SlackError("unknown_method")
    if not token:
        raise SlackError("not_authed")
    caller = tokens.get(token)
    if caller is None:
        raise SlackError("invalid_auth")
    _check_token_type(ref, caller)
    _check_scope(ref, caller)
    missing = [
        name for name in ref["args"].get("required", []) if name != "token" and name not in args
    ]
    if missing:
        raise SlackError(
            "invalid_arguments", [f"[ERROR] missing required field: {name}" for name in missing]
        )
    return caller


def _check_token_type(ref: dict[str, Any], caller: Token) -> None:
    scope = ref.get("scope", {})
    if ref.get("no_scope_required"):
        return
    if caller.is_bot and not scope.get("bot") and (scope.get("user") or ref.get("user_scope_only")):
        raise SlackError("not_allowed_token_type")
    if not caller.is_bot and not scope.get("user") and scope.get("bot"):
        raise SlackError("not_allowed_token_type")


def _check_scope(ref: dict[str, Any], caller: Token) -> None:
    scope = ref.get("scope", {})
    needed: list[str] = scope.get("bot" if caller.is_bot else "user") or []
    if needed and not caller.scopes.intersection(needed):
        raise SlackError(
            "missing_scope", needed=",".join(needed), provided=",".join(sorted(caller.scopes))
        )
