"""The HTTP endpoint: Slack's signature is checked before anything happens, and health answers."""

import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from bot.app import SLACK_TIMEOUT, create_app
from bot.services import Services
from bot.web import wsgi_app
from storage.db import make_engine
from tests.bot.flows import stored
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.mark.parametrize(
    "tamper",
    [
        {"signature": "v0=" + "0" * 64},
        {"timestamp": int(time.time()) - 6 * 60},
        {"sign": False},
    ],
    ids=["bad signature", "stale timestamp", "no signature"],
)
def test_it_refuses_unsigned_requests_without_side_effects(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, tamper: dict[str, object]
) -> None:
    command = slack.command("UALICE", "from Monday to the 15th", **tamper)
    event = slack.event({"type": "app_home_opened", "user": "UALICE", "tab": "home"}, **tamper)
    assert (command.status, event.status) == (401, 401)
    assert [c.method for c in fake.calls if c.method != "auth.test"] == []
    assert stored(engine) == []


def test_it_answers_slacks_url_verification(slack: SlackDriver) -> None:
    reply = slack.url_verification("challenge-token")
    assert reply.status == 200 and "challenge-token" in reply.text


def test_it_reports_health_once_the_database_answers(app_url: str) -> None:
    reply = httpx.get(f"{app_url}/healthz")
    assert (reply.status_code, reply.text) == (200, "ok\n")


def test_it_reports_an_unreachable_database(slack: SlackDriver, tmp_path: Path) -> None:
    gone = make_engine(f"sqlite:///{tmp_path}/missing/dir/ooo.db")
    app = wsgi_app(gone, None)
    statuses: list[str] = []
    body = app({"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"}, lambda s, h: statuses.append(s))
    assert statuses == ["503 Service Unavailable"]
    assert b"database" in b"".join(body)


def test_it_answers_unknown_paths_with_404(app_url: str) -> None:
    assert httpx.post(f"{app_url}/nope").status_code == 404


def test_it_offers_no_install_pages_for_a_single_workspace(app_url: str) -> None:
    install = httpx.get(f"{app_url}/slack/install")
    redirect = httpx.get(f"{app_url}/slack/oauth_redirect", params={"code": "1", "state": "s"})
    assert (install.status_code, redirect.status_code) == (404, 404)


def test_it_starts_when_slack_is_slow_to_check_the_token_then_keeps_requests_short(
    fake: FakeSlack, services: Services
) -> None:
    # Longer than a request's 1-second calls may wait, as a loaded Slack sometimes is at start-up.
    fake.delay("auth.test", 1.5)
    app = create_app(services)
    assert app.client.timeout == SLACK_TIMEOUT
    assert [c.method for c in fake.calls].count("auth.test") >= 1
