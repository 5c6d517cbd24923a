"""The Home tab always ends up showing the database as it is, whichever publish lands last."""

from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.web import SlackResponse
from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.core.workspace import Workspace
from bot.home.tabs import HomeTabs
from bot.slack.directory import Directory
from storage import responder_queries
from storage.db import session_scope
from storage.models import ResponderRow
from tests.bot.flows import texts
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ACME = Workspace("T0001")


def add(engine: Engine, clock: FakeClock, message: str) -> None:
    now = clock()
    row = ResponderRow(
        team_id="T0001",
        owner_id="UALICE",
        kind="personal",
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=2),
        tz="Europe/Paris",
        message=message,
        created_at=now,
        updated_at=now,
    )
    with session_scope(engine) as session:
        responder_queries.add_responder(session, responder=row)


def test_it_redraws_a_home_tab_that_lost_a_race_from_a_fresh_read(
    fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    nobody = ConnectedAccounts(engine, clock, api_url="")
    replica = HomeTabs(engine, clock, nobody, Directory(clock))
    other_replica = HomeTabs(engine, clock, nobody, Directory(clock))
    plain = WebClient(token=fake.bot_token, base_url=fake.api_url)
    add(engine, clock, "First trip")
    replica.publish(plain, workspace=ACME, user_id="UALICE")

    class Overtaken(WebClient):
        """Bob's replica publishes a newer change just before this render reaches Slack."""

        raced = False

        def views_publish(self, **kwargs: Any) -> SlackResponse:
            if not self.raced:
                self.raced = True
                add(engine, clock, "Second trip")
                other_replica.publish(plain, workspace=ACME, user_id="UALICE")
            return super().views_publish(**kwargs)

    fake.allow("hash_conflict")
    late = Overtaken(token=fake.bot_token, base_url=fake.api_url)
    replica.publish(late, workspace=ACME, user_id="UALICE")
    shown = texts(fake.home("UALICE")["blocks"])
    assert "First trip" in shown and "Second trip" in shown
    assert [r.error for r in fake.rejections] == ["hash_conflict"]


def test_it_publishes_over_the_home_tab_slack_says_is_shown(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    slack.event({"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "home"})
    shown = fake.home("UALICE")
    event = {"type": "app_home_opened", "user": "UALICE", "tab": "home", "view": shown}
    slack.event(event | {"channel": "D0HOME"})
    assert fake.calls_to("views.publish")[-1]["hash"] == shown["hash"]
