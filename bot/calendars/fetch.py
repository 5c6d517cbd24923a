"""Fetching a person's calendar feed over the network, safely: public addresses only, bounded."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fetched:
    """What a feed's server answered: its body (None when not modified) and its validators."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FeedError(Exception):
    """A feed that could not be read, with a code the catalog words and its parameters."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


def feed_url(text: str) -> str:
    """The URL in what a person typed (Slack's `<https://…>`, `<https://…|label>`, webcal://)."""
    raise NotImplementedError


def fetch_feed(
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    allow_hosts: frozenset[str],
) -> Fetched:
    """Fetch a feed with a conditional request, refusing what is not public."""
    raise NotImplementedError
