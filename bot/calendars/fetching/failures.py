"""Why a calendar feed could not be read: a small closed set of codes the catalog words."""

from dataclasses import dataclass, field
from enum import StrEnum


class Failure(StrEnum):
    """Every reason fetching a feed can fail; `problems` words each for a person."""

    NOT_A_URL = "not_a_url"
    TOO_LONG = "too_long"
    TWO_URLS = "two_urls"
    NOT_HTTPS = "not_https"
    REFUSED_ADDRESS = "refused_address"
    UNRESOLVABLE = "unresolvable"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    INSECURE = "insecure"
    BAD_RESPONSE = "bad_response"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    HTTP_STATUS = "http_status"


@dataclass
class FeedError(Exception):
    """A feed that could not be read, with a code the catalog words and its parameters.

    Every code but not_a_url carries the feed's `host`; http_status its `status`, too_large its
    `megabytes`. Never the URL itself: it is a secret.
    """

    code: str
    params: dict[str, str] = field(default_factory=dict)
