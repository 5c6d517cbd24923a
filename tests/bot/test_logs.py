"""Logs never carry Slack tokens or OAuth codes, whatever level is set."""

import logging
import sys

import pytest

from bot.logs import RedactingFormatter


def formatted(message: str, *args: object, exc_info: object = None) -> str:
    record = logging.LogRecord("slack_sdk", logging.DEBUG, __file__, 1, message, args, exc_info)  # type: ignore[arg-type]
    return RedactingFormatter("%(levelname)s %(message)s").format(record)


@pytest.mark.parametrize(
    ("message", "args", "secret"),
    [
        ("Sending a request - token: %s", ("xoxb-1234-5678-abcdEFGH",), "xoxb-1234-5678-abcdEFGH"),
        ("user token %s", ("xoxp-9-8-7-zz",), "xoxp-9-8-7-zz"),
        ("app token xapp-1-A0-123-deadbeef", (), "xapp-1-A0-123-deadbeef"),
        ("GET /slack/oauth_redirect?code=4724.abc-XYZ&state=s", (), "4724.abc-XYZ"),
        ("GET /slack/oauth_redirect?state=St4te-v4lue&code=1", (), "St4te-v4lue"),
        ("rotated xoxe.xoxb-1-T0-abc", (), "xoxb-1-T0-abc"),
        ("body_params: %s", ({"code": "12.34.ab", "client_secret": "shh-123"},), "shh-123"),
        ("body_params: %s", ({"code": "12.34.ab"},), "12.34.ab"),
        ('body: {"ok": true, "refresh_token": "r-e-f-r-e-s-h"}', (), "r-e-f-r-e-s-h"),
        ("Failed to fetch oauth.v2.access result with code: 77.88.cc - error", (), "77.88.cc"),
        ("headers: {'Authorization': 'Basic MTExMTpzZWNyZXQ='}", (), "MTExMTpzZWNyZXQ="),
        ("command text=calendar+%3Chttps%3A%2F%2Fcal.example%2Fp%2Fs3cr3t%3E&x=1", (), "s3cr3t"),
        ("/ooo calendar <https://cal.example/p/s3cr3t|mine>", (), "s3cr3t"),
        ('"value": "https://calendar.google.com/calendar/ical/s3cr3t/basic.ics"', (), "s3cr3t"),
        ("payload=%22https%3A%2F%2Fo.example%2Fowa%2Fs3cr3t%2Fcalendar.ics%22", (), "s3cr3t"),
    ],
)
def test_it_redacts_secrets_from_log_lines(
    message: str, args: tuple[str, ...], secret: str
) -> None:
    line = formatted(message, *args)
    assert secret not in line
    assert "[redacted]" in line


def test_it_redacts_the_values_of_secret_settings_wherever_they_appear() -> None:
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "odd: %s", ("sig-secret-42 and Zm9vYmFyYmF6",), None
    )
    formatter = RedactingFormatter("%(message)s", ["sig-secret-42", "Zm9vYmFyYmF6", "short"])
    assert formatter.format(record) == "odd: [redacted] and [redacted]"


def test_it_redacts_secrets_inside_tracebacks() -> None:
    try:
        raise RuntimeError("invalid_auth for xoxb-9999-secret")
    except RuntimeError:
        line = formatted("listener failed", exc_info=sys.exc_info())
    assert "RuntimeError" in line
    assert "xoxb-9999-secret" not in line


def test_it_leaves_ordinary_lines_alone() -> None:
    assert formatted("saved responder %d", 7) == "DEBUG saved responder 7"
