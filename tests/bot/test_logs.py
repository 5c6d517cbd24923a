"""Logs never carry Slack tokens or OAuth codes, whatever level is set."""

import logging

import pytest

from bot.logs import Redact


@pytest.mark.parametrize(
    ("message", "args", "secret"),
    [
        ("Sending a request - token: %s", ("xoxb-1234-5678-abcdEFGH",), "xoxb-1234-5678-abcdEFGH"),
        ("user token %s", ("xoxp-9-8-7-zz",), "xoxp-9-8-7-zz"),
        ("app token xapp-1-A0-123-deadbeef", (), "xapp-1-A0-123-deadbeef"),
        ("GET /slack/oauth_redirect?code=4724.abc-XYZ&state=s", (), "4724.abc-XYZ"),
    ],
)
def test_it_redacts_secrets_from_log_lines(
    message: str, args: tuple[str, ...], secret: str
) -> None:
    record = logging.LogRecord("slack_sdk", logging.DEBUG, __file__, 1, message, args, None)
    assert Redact().filter(record)
    assert secret not in record.getMessage()
    assert "[redacted]" in record.getMessage()


def test_it_leaves_ordinary_lines_alone() -> None:
    record = logging.LogRecord("ooo", logging.INFO, __file__, 1, "saved responder %d", (7,), None)
    Redact().filter(record)
    assert record.getMessage() == "saved responder 7"
