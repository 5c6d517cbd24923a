"""Feeds need a public address; a key keeps their URLs sealed so they can be shown again."""

import pytest
from sqlalchemy import Engine

from bot.accounts.vault import generate_key
from bot.config import Settings
from tests.bot.calendars.published.feed_steps import PUBLIC_URL

# Published feeds are read with SQL on both databases: the root `engine`, not the SQLite-only
# one of the calendars folder.
from tests.conftest import engine, settings_for
from tests.support.fake_slack import FakeSlack

__all__ = ["engine"]
KEY = generate_key()


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """One workspace on the fake, with OOO_PUBLIC_URL and OOO_ENCRYPTION_KEY set."""
    settings = settings_for(fake, engine)
    return settings.model_copy(update={"ooo_public_url": PUBLIC_URL, "ooo_encryption_key": KEY})
