"""Logging set-up that keeps tokens, secrets and OAuth codes out of every log line."""

import logging
import re

SECRETS = re.compile(r"(xox[abepr]-[\w-]+|xapp-[\w-]+|(?<=[?&]code=)[\w.-]+)")


class Redact(logging.Filter):
    """Replace anything that looks like a Slack token or an OAuth code with a marker."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, redacted, so arguments cannot leak later."""
        message = record.getMessage()
        if SECRETS.search(message):
            record.msg, record.args = SECRETS.sub("[redacted]", message), None
        return True


def configure_logging(level: str) -> None:
    """Log to stderr at the given level, redacted."""
    handler = logging.StreamHandler()
    handler.addFilter(Redact())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
