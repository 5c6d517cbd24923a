"""The feed URL in what a person typed: Slack's escaped forms read, webcal meaning https."""

import re
import string
import unicodedata
from urllib.parse import quote, urlsplit, urlunsplit

from bot.calendars.fetching.failures import Failure, FeedError
from bot.core.typed_text import unescaped

MAX_LENGTH = 2000
SCHEMES = {"https": "https", "http": "http", "webcal": "https", "webcals": "https"}
# Everything printable in ASCII but the space stays as typed; the rest is percent-encoded.
KEPT = "".join(c for c in string.printable if not c.isspace())
# Slack's links, <url> and <url|label>; its mentions (<@U…>, <#C…|name>, <!here>) have no "://".
SLACK_LINK = re.compile(r"<([^<>|\s]+://[^<>|\s]*)(?:\|[^<>]*)?>")
# What separates words in a paste: spaces, no-break ones too, and invisible ones copied along.
SEPARATORS = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
# What people put around a link among words: brackets, quotes, code marks, a full stop.
AROUND = "`'\"()[]{}<>.,;:!?«»“”\u2018\u2019"


def feed_url(text: str) -> str:
    """The URL in what a person typed (Slack's `<https://…>`, `<https://…|label>`, webcal://),
    alone or among words; two different ones are refused (two_urls)."""
    url = _the_one_url(text)
    if len(url) > MAX_LENGTH:
        raise FeedError(Failure.TOO_LONG, {"limit": str(MAX_LENGTH)})
    if any(c.isspace() or not c.isprintable() for c in url):
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


def _the_one_url(text: str) -> str:
    """The one URL a person pasted, however it is wrapped and whatever words surround it."""
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in text):
        raise FeedError(Failure.NOT_A_URL)  # a NUL or a carriage return is no paste of a link
    found = [unescaped(link) for link in SLACK_LINK.findall(text)]
    after_url = False
    for word in SEPARATORS.split(unescaped(SLACK_LINK.sub(" ", text))):
        bare = word.strip(AROUND)
        # "https://cal.example/my calendar.ics": a space inside the link, not words after it.
        if after_url and "://" not in bare and ("/" in bare or "." in bare):
            raise FeedError(Failure.NOT_A_URL)
        after_url = "://" in bare
        if after_url:
            found.append(bare)
    urls = list(dict.fromkeys(found))
    if len(urls) > 1:
        raise FeedError(Failure.TWO_URLS)
    if not urls:
        raise FeedError(Failure.NOT_A_URL)
    return urls[0]
