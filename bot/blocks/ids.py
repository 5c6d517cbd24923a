"""Reading back the ids ooo puts in buttons' values: Slack echoes them, but one that was
mangled or forged is refused, never trusted into a crash."""

import json
from typing import Any

# Longer than any row id ooo will store, shorter than what overflows a database integer.
MAX_DIGITS = 18


def responder_id(value: object) -> int | None:
    """A responder id written as plain digits, or None."""
    text = str(value or "")
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return None


def reply_place(value: object) -> dict[str, Any] | None:
    """The responder and message a reply's button is about (`{"r", "c", "t"}`), or None."""
    try:
        data = json.loads(str(value or ""))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    found = responder_id(data.get("r"))
    channel, ts = data.get("c"), data.get("t")
    if found is None or not isinstance(channel, str | None) or not isinstance(ts, str | None):
        return None
    return {"responder_id": found, "channel": channel, "ts": ts}
