"""Logging set-up that keeps tokens, secrets and OAuth codes out of every log line."""

import logging
import re
from collections.abc import Iterable

from pydantic import BaseModel

# Tokens by their prefixes, and secrets by the names they are logged under: in a query string
# or a cookie (Bolt logs the OAuth callback's query, HTTP clients the state cookie), in a dict or
# JSON body (slack-sdk logs requests and responses at DEBUG, Bolt the callback's query as a
# dict of lists), after "code: " (Bolt's failed-exchange warning), or in an HTTP Basic header.
SECRET_NAMES = (
    r"code|client_secret|refresh_token|access_token|state|slack-app-oauth-state|secret|key"
)
SECRETS = re.compile(
    r"xox[abepr]-[\w.-]+|xapp-[\w-]+"
    rf"|(?<![\w.-])(?:{SECRET_NAMES})=[^&;\s'\"]+"
    rf"|(?<=['\"])(?:{SECRET_NAMES})['\"]:\s*\[?\s*['\"][^'\"]+['\"]"
    r"|(?<=code: )\S+"
    r"|Basic [A-Za-z0-9+/=]+"
    # Calendar feed addresses are secrets: what follows `/ooo calendar` (as typed, or in a
    # form-encoded body), and any address of an iCal feed, percent-encoded or not.
    r"|(?<=calendar )\S+|(?<=calendar\+)[^&\s'\"]+"
    r"|(?:https?|webcal)(?::|%3A)[^\s&'\"]*?(?:\.ics|/ical/|%2Fical%2F)[^\s&'\"]*"
)
# Secret settings long enough to be told apart from ordinary words.
MIN_SECRET = 8


class RedactingFormatter(logging.Formatter):
    """Format as usual, then blank out anything that looks like a token, a code or a secret."""

    def __init__(self, fmt: str, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt)
        known = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)
        self._known = re.compile("|".join(map(re.escape, known))) if known else None

    def format(self, record: logging.LogRecord) -> str:
        """Redact the whole line, tracebacks included, since secrets hide in arguments too."""
        line = SECRETS.sub("[redacted]", super().format(record))
        return self._known.sub("[redacted]", line) if self._known else line


def configure_logging(level: str, settings: BaseModel | None = None) -> None:
    """Log to stderr at the given level, redacted, the settings' secret values included."""
    handler = logging.StreamHandler()
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(RedactingFormatter(fmt, secret_values(settings)))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # APScheduler logs four INFO lines per wake-up; ooo logs what the passes applied.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, logging.getLevelName(level)))


def secret_values(settings: BaseModel | None) -> list[str]:
    """The values of settings whose names say they are secret: tokens, secrets, keys."""
    if settings is None:
        return []
    names = ("token", "secret", "key")
    return [
        value
        for name, value in settings.model_dump().items()
        if isinstance(value, str) and any(word in name for word in names)
    ]
