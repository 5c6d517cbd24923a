"""Follow-ups run after the answer, each on its own: one failing never stops the others."""

import logging

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.clock import system_clock
from bot.core.workspace import Workspace
from bot.home.followups import Followups
from bot.home.tabs import HomeTabs
from bot.slack.directory import Directory
from tests.support.fake_slack import FakeSlack

WORKSPACE = Workspace("T0001")


def unconnected_homes(engine: Engine) -> HomeTabs:
    """Home tabs for a workspace where nobody can connect an account."""
    nobody = ConnectedAccounts(engine, system_clock, api_url="")
    return HomeTabs(engine, system_clock, nobody, Directory(system_clock))


def test_it_logs_a_failed_follow_up_and_still_runs_the_others(
    fake: FakeSlack, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    fake.allow("invalid_auth")
    revoked = WebClient(token="xoxb-revoked", base_url=fake.api_url)
    working = WebClient(token=fake.bot_token, base_url=fake.api_url)
    followups = Followups(engine, system_clock, unconnected_homes(engine), Directory(system_clock))
    with caplog.at_level(logging.ERROR):
        followups.changed(revoked, workspace=WORKSPACE, user_id="UALICE", origin=None)
        followups.changed(working, workspace=WORKSPACE, user_id="UALICE", origin=None)
        followups.join()
    followups.close()
    failed = sorted(r.getMessage() for r in caplog.records)
    assert failed == ["follow-up HomeTabs.publish failed"]
    assert fake.home("UALICE") is not None
