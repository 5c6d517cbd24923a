"""The Home tab lists a person's feeds with their URLs, each with a Revoke button."""

from sqlalchemy import Engine

from tests.bot.calendars.published.feed_steps import SQLITE_ONLY, feed_rows, my_feed, read
from tests.bot.flows import texts
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@SQLITE_ONLY
def test_it_lists_feeds_on_the_home_tab_and_revokes_one_there(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    mine = my_feed(slack, fake, "UALICE")
    team = my_feed(slack, fake, "UALICE", "team feed <#C0SUPPORT|support>")
    home = fake.home("UALICE")
    assert home is not None
    shown = texts(home["blocks"])
    assert "Calendar feeds" in shown and mine in shown and team in shown
    assert fake.home("UBOB") is None or mine not in texts(fake.home("UBOB")["blocks"])
    first = feed_rows(engine)[0].id
    slack.click("UALICE", action_id=f"feed_revoke-{first}", view_id=home["id"])
    assert (read(app_url, mine).status_code, read(app_url, team).status_code) == (404, 200)
    assert mine not in texts(fake.home("UALICE")["blocks"])


@SQLITE_ONLY
def test_it_revokes_only_its_owners_feeds(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    mine = my_feed(slack, fake, "UALICE")
    home = fake.home("UALICE")
    assert home is not None
    slack.click("UBOB", action_id=f"feed_revoke-{feed_rows(engine)[0].id}", view_id=home["id"])
    assert read(app_url, mine).status_code == 200
