"""The feed URL in what a person typed: Slack's escaped forms read, webcal meaning https."""

import string
from urllib.parse import quote, urlsplit, urlunsplit

from bot.calendars.fetching.failures import Failure, FeedError

MAX_LENGTH = 2000
SCHEMES = {"https": "https", "http": "http", "webcal": "https", "webcals": "https"}
# Everything printable in ASCII but the space stays as typed; the rest is percent-encoded.
KEPT = "".join(c for c in string.printable if not c.isspace())
# Slack escapes these three in what a person types, and nothing else (so no html.unescape,
# which would also read `&copy=1` in a query as `©=1`).
SLACK_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def feed_url(text: str) -> str:
    """The URL in what a person typed (Slack's `<https://…>`, `<https://…|label>`, webcal://)."""
    url = _unwrapped(text.strip())
    if len(url) > MAX_LENGTH or any(c.isspace() or not c.isprintable() for c in url):
        raise FeedError(Failure.NOT_A_URL)
    parts = urlsplit(url)
    scheme = SCHEMES.get(parts.scheme.lower())
    try:
        host, port = parts.hostname, parts.port
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except (ValueError, UnicodeError):
        raise FeedError(Failure.NOT_A_URL) from None
    if not scheme or not ascii_host:
        raise FeedError(Failure.NOT_A_URL)
    netloc = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    netloc += f":{port}" if port is not None else ""
    return urlunsplit((scheme, netloc, ascii_path(parts.path), ascii_path(parts.query), ""))


def ascii_path(text: str) -> str:
    """A path or query with anything but printable ASCII percent-encoded, as HTTP needs it."""
    return quote(text, safe=KEPT)


def _unwrapped(text: str) -> str:
    """The URL inside Slack's `<url>` or `<url|label>`, with Slack's escapes undone."""
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].partition("|")[0]
    for escaped, plain in SLACK_ESCAPES:
        text = text.replace(escaped, plain)
    return text
