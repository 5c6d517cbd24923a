"""Reading back the ids ooo puts in buttons' values: Slack echoes them, but one that was
mangled or forged is refused, never trusted into a crash."""

import json
from typing import Any

# The largest id a database INTEGER column holds: a larger one names no row, and PostgreSQL
# refuses to compare it at all.
MAX_ID = 2**31 - 1


def responder_id(value: object) -> int | None:
    """A responder id written as plain digits, or None."""
    text = str(value or "")
    if text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID)) and int(text) <= MAX_ID:
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
    if found is None or not isinstance(channel, str) or not isinstance(ts, str):
        return None
    return {"responder_id": found, "channel": channel, "ts": ts}
