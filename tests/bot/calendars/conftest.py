"""Feeds need a public address; a key keeps their URLs sealed so they can be shown again."""

import pytest
from sqlalchemy import Engine

from bot.accounts.vault import generate_key
from bot.config import Settings
from tests.bot.calendars.feed_steps import PUBLIC_URL
from tests.conftest import settings_for
from tests.support.fake_slack import FakeSlack

KEY = generate_key()


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """One workspace on the fake, with OOO_PUBLIC_URL and OOO_ENCRYPTION_KEY set."""
    settings = settings_for(fake, engine)
    return settings.model_copy(update={"ooo_public_url": PUBLIC_URL, "ooo_encryption_key": KEY})
