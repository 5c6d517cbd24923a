"""Start-up's first calls to Slack, a refusal or silence reported as a configuration problem."""

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from bot.config import problem


@contextmanager
def asking_slack(token_variable: str, api_url: str) -> Iterator[None]:
    """Turn Slack refusing a token, or never answering, into one clear ConfigError."""
    try:
        yield
    except SlackApiError as refused:
        # invalid_auth, not_authed, account_inactive, token_revoked: the token must change.
        raise problem(
            token_variable, f"Slack refused it ({refused.response.get('error')})"
        ) from None
    except OSError as silence:
        reason = silence.reason if isinstance(silence, URLError) else silence
        raise problem("SLACK_API_URL", f"could not reach Slack at {api_url} ({reason})") from None
