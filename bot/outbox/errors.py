"""Whether a failed delivery heals by itself (retry later) or never will (record and stop)."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from bot.core.effect_kinds import EffectKind

# Slack errors that heal by themselves; any other Slack error (channel_not_found, not_in_channel,
# is_archived, account_inactive, user_not_found, token_revoked, ...) is permanent.
TRANSIENT = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
BACKOFF_CAP = timedelta(minutes=10)
DEFAULT_RETRY_AFTER = 30
# Retries are timed, not counted: an effect is retried through a long Slack outage and given
# up only when it is this old (then shown to its owner). Putting a person's status back and
# ending their snooze matter longest.
DEADLINE = timedelta(days=1)
DEADLINES: dict[str, timedelta] = {
    EffectKind.STATUS_RESTORE: timedelta(days=3),
    EffectKind.SNOOZE_END: timedelta(days=3),
}
POSTING = frozenset({"chat.postMessage"})


class Permanent(Exception):
    """A delivery that must not be retried; its text is the recorded error code."""


@dataclass(frozen=True)
class Verdict:
    """What to do after a failed attempt: retry after `delay`, or give up (delay None).

    A 429 is Slack asking to wait (`counted` False, for `method`); `maybe_sent` says whether
    the attempt may have reached Slack all the same.
    """

    error: str
    delay: timedelta | None
    counted: bool = True
    maybe_sent: bool = False
    method: str | None = None


def deadline_of(kind: str) -> timedelta:
    """How long an effect of this kind is worth retrying."""
    return DEADLINES.get(kind, DEADLINE)


def judge(
    error: Exception, *, attempts: int, age: timedelta, kind: str, maybe_sent: bool = False
) -> Verdict:
    """Classify a failure; 429s wait what Slack asked, others back off until the deadline.

    A delivery that had to look for an earlier attempt's message still has to, unless Slack
    refused the post itself (it looks before posting).
    """
    code, delay = _classify(error)
    method = method_of(error)
    maybe = _maybe_sent(error) or (maybe_sent and method not in POSTING)
    if delay is None:
        return Verdict(code, None, method=method)
    if code == "ratelimited":
        return Verdict(code, delay, counted=False, maybe_sent=maybe, method=method)
    retry = delay or backoff(attempts)
    if age + retry > deadline_of(kind):
        return Verdict(f"gave_up:{code}"[:255], None, method=method)
    return Verdict(code, retry, maybe_sent=maybe, method=method)


def backoff(attempts: int) -> timedelta:
    """2, 4, 8 … seconds after the first, second, third attempt, capped at ten minutes."""
    return min(timedelta(seconds=2 ** min(attempts, 20)), BACKOFF_CAP)


def method_of(error: Exception) -> str | None:
    """The Web API method a Slack error answered, e.g. "chat.postMessage"."""
    if not isinstance(error, SlackApiError):
        return None
    return str(error.response.api_url).rstrip("/").rsplit("/", 1)[-1] or None


def _maybe_sent(error: Exception) -> bool:
    """Whether the call may have been carried out although it failed: Slack answered 5xx, or
    the answer never came (a timeout, a dropped connection); a refused connection never did."""
    if isinstance(error, SlackApiError):
        return bool(error.response.status_code >= 500)
    if isinstance(error, URLError) and isinstance(error.reason, ConnectionRefusedError):
        return False
    return isinstance(error, OSError)


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
