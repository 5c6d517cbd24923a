"""Whether a failed delivery heals by itself (retry later) or never will (record and stop)."""

from dataclasses import dataclass
from datetime import timedelta

from slack_sdk.errors import SlackApiError

# Slack errors that heal by themselves; any other Slack error (channel_not_found, not_in_channel,
# is_archived, account_inactive, user_not_found, token_revoked, ...) is permanent.
TRANSIENT = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
MAX_ATTEMPTS = 12
BACKOFF_CAP = timedelta(minutes=10)
DEFAULT_RETRY_AFTER = 30


class Permanent(Exception):
    """A delivery that must not be retried; its text is the recorded error code."""


@dataclass(frozen=True)
class Verdict:
    """What to do after a failed attempt: retry after `delay`, or give up (delay None)."""

    error: str
    delay: timedelta | None


def judge(error: Exception, *, attempts: int) -> Verdict:
    """Classify a failure; 429s wait what Slack asked, others back off exponentially."""
    code, delay = _classify(error)
    if delay is None:
        return Verdict(code, None)
    if attempts >= MAX_ATTEMPTS:
        return Verdict(f"gave_up:{code}"[:255], None)
    return Verdict(code, delay or backoff(attempts))


def backoff(attempts: int) -> timedelta:
    """2, 4, 8 … seconds after the first, second, third attempt, capped at ten minutes."""
    return min(timedelta(seconds=2**attempts), BACKOFF_CAP)


def _classify(error: Exception) -> tuple[str, timedelta | None]:
    """An error code, and a delay (zero: use the backoff) or None when it is permanent."""
    if isinstance(error, Permanent):
        return str(error), None
    if not isinstance(error, SlackApiError):
        return type(error).__name__, timedelta(0)
    response = error.response
    code = str(response.get("error") or f"http_{response.status_code}")
    if response.status_code == 429:
        header = response.headers.get("Retry-After") or response.headers.get("retry-after")
        seconds = int(header) if str(header).isdigit() else DEFAULT_RETRY_AFTER
        return "ratelimited", timedelta(seconds=max(seconds, 1))
    if code in TRANSIENT or response.status_code >= 500:
        return code, timedelta(0)
    return code, None
