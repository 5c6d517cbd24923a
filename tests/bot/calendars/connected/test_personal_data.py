"""A person's calendar feed in their data: exported by its host, erased, re-sealed with the key."""

import json

from cryptography.fernet import Fernet
from sqlalchemy import Engine

from bot.accounts.keys import rotate_key
from bot.accounts.personal_data import erase, export
from bot.accounts.vault import Vault
from tests.bot.calendars.conftest import KEY, FeedServer, connected
from tests.bot.calendars.connected.test_command import stored_feed


def test_it_exports_a_feed_by_its_host_and_erases_it(
    engine: Engine, feed_server: FeedServer
) -> None:
    connected(engine, feed_server.url("/secret-alice.ics"))
    exported = json.dumps(export(engine, team_id="T0001", user_id="UALICE"), ensure_ascii=False)
    assert "127.0.0.1/…" in exported and "secret-alice" not in exported
    assert erase(engine, team_id="T0001", user_id="UALICE")["calendars"] == 1
    assert stored_feed(engine) is None


def test_it_reseals_a_feeds_address_under_a_new_key(
    engine: Engine, feed_server: FeedServer
) -> None:
    url = feed_server.url("/secret-alice.ics")
    connected(engine, url)
    new_key = Fernet.generate_key().decode()
    assert rotate_key(engine, Vault(new_key, KEY)) == 1
    feed = stored_feed(engine)
    assert feed is not None and Vault(new_key).open(feed.url) == url
