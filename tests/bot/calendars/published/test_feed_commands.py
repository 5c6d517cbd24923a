"""`/ooo feed`: a private URL of one's own absences, shown again on request, renewed, stopped."""

import pytest
from sqlalchemy import Engine

from bot.config import Settings
from tests.bot.calendars.published.feed_steps import (
    BOTH,
    SQLITE_ONLY,
    answer_to,
    feed_path,
    feed_rows,
    my_feed,
    read,
)
from tests.conftest import settings_for
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@SQLITE_ONLY
def test_it_gives_a_private_feed_url_with_how_to_subscribe(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    answer = answer_to(slack, fake, "UALICE", "feed")
    assert "Google Calendar" in answer and "Outlook" in answer and "Apple Calendar" in answer
    assert read(app_url, feed_path(answer)).status_code == 200


@SQLITE_ONLY
def test_it_shows_the_same_url_again_when_a_key_seals_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    first = my_feed(slack, fake, "UALICE")
    assert my_feed(slack, fake, "UALICE") == first
    [row] = feed_rows(engine)
    token = first.removeprefix("/calendars/").removesuffix(".ics")
    assert token not in (row.token_hash, row.sealed_token)


@BOTH
def test_it_makes_a_new_url_and_stops_the_old_one(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    old = my_feed(slack, fake, "UALICE")
    new = my_feed(slack, fake, "UALICE", "feed new")
    assert new != old
    assert (read(app_url, old).status_code, read(app_url, new).status_code) == (404, 200)


@pytest.mark.parametrize("word", ["off", "revoke", "stop"])
@SQLITE_ONLY
def test_it_stops_a_feed_for_good(
    slack: SlackDriver, fake: FakeSlack, app_url: str, word: str
) -> None:
    path = my_feed(slack, fake, "UALICE")
    assert "Stopped: Your absences" in answer_to(slack, fake, "UALICE", f"feed {word}")
    assert read(app_url, path).status_code == 404
    assert "no such calendar feed" in answer_to(slack, fake, "UALICE", f"feed {word}")


@SQLITE_ONLY
def test_it_explains_words_it_does_not_know(slack: SlackDriver, fake: FakeSlack) -> None:
    assert "/ooo feed new" in answer_to(slack, fake, "UALICE", "feed please")


@SQLITE_ONLY
class TestWithoutAPublicAddress:
    """A server nobody outside can reach can't publish feeds, and says so."""

    @pytest.fixture
    def app_settings(self, fake: FakeSlack, engine: Engine) -> Settings:
        return settings_for(fake, engine)

    def test_it_says_the_server_has_no_public_address(
        self, slack: SlackDriver, fake: FakeSlack, engine: Engine
    ) -> None:
        assert "OOO_PUBLIC_URL" in answer_to(slack, fake, "UALICE", "feed")
        assert "OOO_PUBLIC_URL" in answer_to(slack, fake, "UALICE", "team feed #general")
        assert feed_rows(engine) == []


@SQLITE_ONLY
class TestWithoutAKey:
    """Without OOO_ENCRYPTION_KEY a URL is shown once: only its fingerprint is kept."""

    @pytest.fixture
    def app_settings(self, fake: FakeSlack, engine: Engine) -> Settings:
        public = {"ooo_public_url": "https://ooo.example.com"}
        return settings_for(fake, engine).model_copy(update=public)

    def test_it_shows_the_url_once_then_offers_a_new_one(
        self, slack: SlackDriver, fake: FakeSlack, app_url: str, engine: Engine
    ) -> None:
        path = my_feed(slack, fake, "UALICE")
        again = answer_to(slack, fake, "UALICE", "feed")
        assert "/calendars/" not in again and "`/ooo feed new`" in again
        [row] = feed_rows(engine)
        assert row.sealed_token is None
        assert read(app_url, path).status_code == 200
