"""Files in the fake Slack: Slack's upload flow (an upload URL, the bytes, then completing it).

`files.getUploadURLExternal` hands out a URL on the fake's own server and a file id; the bytes
POSTed there must be exactly the length announced; `files.completeUploadExternal` shares the
uploaded files in a conversation the caller can post in (or keeps them private). The retired
`files.upload` answers `method_deprecated`, as Slack has since November 2025.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.support.fake_slack_chat import postable
from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import APP_ID, BOT_ID, Args, Workspace, handles

ALT_TXT_MAX = 1000
SNIPPET_MAX = 1024 * 1024
# A few of the snippet types Slack knows; enough to refuse one it does not.
SNIPPET_TYPES = frozenset({"text", "csv", "json", "python", "javascript", "markdown", "yaml"})


@dataclass
class File:
    """One file: announced, then its bytes received, then completed (and maybe shared)."""

    id: str
    user: str
    filename: str
    length: int
    created: int
    title: str = ""
    content: bytes | None = None
    completed: bool = False
    shared_in: list[str] = field(default_factory=list)
    comment: str = ""


def upload_path(team_id: str, file_id: str) -> str:
    """The path of a file's upload URL on the fake's server."""
    return f"/upload/v1/{team_id}/{file_id}"


def receive(ws: Workspace, file_id: str, data: bytes) -> tuple[int, str]:
    """The bytes POSTed to an upload URL: the HTTP status and text the upload server answers."""
    found: File | None = ws.files.get(file_id)
    if found is None:
        return 404, "not_found"
    if found.completed:
        return 400, "already_completed"
    if len(data) != found.length:
        return 400, "length_mismatch"
    found.content = data
    return 200, f"OK - {len(data)}"


@handles("files.getUploadURLExternal")
def files_get_upload_url_external(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Announce a file: its name and exact length in bytes; where to send it, and its id."""
    raw = str(args.get("length") or "")
    if not raw.lstrip("-").isdigit():
        raise SlackError("invalid_arguments", ["[ERROR] length must be an integer"])
    length = int(raw)
    if length < 1:
        raise SlackError("missing_argument")
    if len(str(args.get("alt_txt") or "")) > ALT_TXT_MAX:
        raise SlackError("alt_txt_too_large")
    snippet_type = args.get("snippet_type")
    if snippet_type is not None and snippet_type not in SNIPPET_TYPES:
        raise SlackError("unknown_snippet_type")
    if snippet_type is not None and length > SNIPPET_MAX:
        raise SlackError("snippet_too_large")
    file_id = f"F{ws.team_id[-4:]}{len(ws.files) + 1:05d}"
    created = int(ws.now().timestamp())
    ws.files[file_id] = File(file_id, caller.user_id, str(args["filename"]), length, created)
    return {"upload_url": ws.base_url + upload_path(ws.team_id, file_id), "file_id": file_id}


@handles("files.completeUploadExternal")
def files_complete_upload_external(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Finish uploaded files and share them where `channel_id` says (nowhere: private)."""
    entries = _entries(args.get("files"))
    if args.get("channels"):
        raise SlackError("fake_not_implemented", ["the fake shares in one channel_id"])
    done: list[File] = []
    for entry in entries:
        found: File | None = ws.files.get(str(entry.get("id") or ""))
        if found is None or found.content is None or found.completed:
            raise SlackError("file_not_found")
        if found.user != caller.user_id:
            raise SlackError("access_denied")
        done.append(found)
    shared_in = str(args.get("channel_id") or "")
    channel = postable(ws, shared_in, caller.user_id) if shared_in else None
    for found, entry in zip(done, entries, strict=True):
        found.completed, found.title = True, str(entry.get("title") or found.filename)
    if channel is not None:
        comment = str(args.get("initial_comment") or "")
        for found in done:
            found.shared_in.append(channel.id)
            found.comment = comment
        message = {"type": "message", "user": caller.user_id, "text": comment, "upload": True}
        if caller.is_bot:
            message |= {"bot_id": BOT_ID, "app_id": APP_ID}
        message |= {"files": [_shown(f) for f in done], "ts": ws.next_ts(), "channel": channel.id}
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        ws.messages.setdefault(channel.id, []).append(message)
    return {"files": [_shown(f) for f in done]}


@handles("files.upload")
def files_upload(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Retired: Slack points to getUploadURLExternal and completeUploadExternal instead."""
    raise SlackError("method_deprecated")


def _entries(raw: Any) -> list[dict[str, Any]]:
    """The `files` argument: a JSON list of `{id, title}` objects, as a string in a form."""
    try:
        entries = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        raise SlackError("invalid_arguments", ["[ERROR] files must be a JSON array"]) from None
    if not isinstance(entries, list) or not entries:
        raise SlackError("invalid_arguments", ["[ERROR] files must be a non-empty array"])
    if not all(isinstance(e, dict) and e.get("id") for e in entries):
        raise SlackError("invalid_arguments", ["[ERROR] each file needs an id"])
    return entries


def _shown(found: File) -> dict[str, Any]:
    """A file object as Slack's answers show it."""
    return {
        "id": found.id,
        "name": found.filename,
        "title": found.title,
        "created": found.created,
        "user": found.user,
        "size": found.length,
    }
