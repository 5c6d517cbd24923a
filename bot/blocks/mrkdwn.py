"""Showing what a person typed inside Slack's mrkdwn, exactly as typed."""

import re

# Slack reads only these three as markup; escaped, `<!here>` is text, not a mention.
ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# What a cut must not halve: an entity, or a `<…>` link, mention or date token ooo wrote.
PARTIAL = re.compile(r"&[a-z]{0,3}$|<[^>]*$")


def escape(text: str) -> str:
    """Make user text render as typed: `&`, `<` and `>` become entities."""
    return text.translate(ESCAPES)


def cut(escaped: str, limit: int) -> str:
    """Shorten escaped text to `limit` characters with an ellipsis, never halving an entity
    or a token."""
    if len(escaped) <= limit:
        return escaped
    return PARTIAL.sub("", escaped[: limit - 1]) + "…"
