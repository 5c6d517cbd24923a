"""Logging set-up that keeps tokens, secrets and OAuth codes out of every log line."""

import logging
import re

SECRETS = re.compile(r"(xox[abepr]-[\w-]+|xapp-[\w-]+|(?<=[?&]code=)[\w.-]+)")


class RedactingFormatter(logging.Formatter):
    """Format as usual, then blank out anything that looks like a token or an OAuth code."""

    def format(self, record: logging.LogRecord) -> str:
        """Redact the whole line, tracebacks included, since secrets hide in arguments too."""
        return SECRETS.sub("[redacted]", super().format(record))


def configure_logging(level: str) -> None:
    """Log to stderr at the given level, redacted."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # APScheduler logs four INFO lines per wake-up; ooo logs what the passes applied.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, logging.getLevelName(level)))
