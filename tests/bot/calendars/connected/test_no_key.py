"""Without OOO_ENCRYPTION_KEY no calendar address can be kept sealed: none is kept at all."""

import pytest
from sqlalchemy import Engine

from bot.config import Settings
from tests.bot.calendars.conftest import FeedServer
from tests.bot.calendars.connected.test_command import calendar, home, stored_feed
from tests.bot.calendars.connected.test_sync import HOLIDAY
from tests.bot.flows import texts
from tests.conftest import SettlingDriver, settings_for
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """One workspace, no encryption key."""
    return settings_for(fake, engine)


def test_it_says_the_server_needs_a_key_and_keeps_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer
) -> None:
    said = calendar(slack, fake, feed_server.publish("/alice.ics", [HOLIDAY]))
    assert "OOO_ENCRYPTION_KEY" in said
    assert stored_feed(engine) is None and not feed_server.requests
    assert "Connect a calendar" not in texts(home(slack, fake)["blocks"])
