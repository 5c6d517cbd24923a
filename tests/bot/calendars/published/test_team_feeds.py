"""`/ooo team feed`: a channel's or user group's absences, under the team view's rules, checked
again each time a calendar reads it."""

from sqlalchemy import Engine

from tests.bot.calendars.published.feed_steps import (
    BOTH,
    SQLITE_ONLY,
    answer_to,
    events,
    feed_path,
    feed_rows,
    my_feed,
    read,
)
from tests.bot.team.team_flows import SECRET, away, on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@BOTH
def test_it_publishes_a_teams_absences_named_by_person_without_messages(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    fake.add_user("UROBOT", "deploybot", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_user("WGUEST", "guest", home_team="T0OTHER")
    fake.add_channel(
        "C0DESIGN",
        "design",
        members=["UCAROL", "UALICE", "UBOB", "UROBOT", "UGONE", "WGUEST", "UBOT"],
    )
    alice = away(engine, "UALICE", on(30), on(5, 12), backup="UCAROL")
    away(engine, "UBOB", on(1, 12, hour=14), on(2, 12, hour=9))
    for other in ("UGONE", "UROBOT", "UDIDIER"):
        away(engine, other, on(30), on(5, 12))
    answer = answer_to(slack, fake, "UCAROL", "team feed <#C0DESIGN|design>")
    assert "Absences in #design" in answer
    reply = read(app_url, feed_path(answer))
    assert "X-WR-CALNAME:#design — out of office" in reply.text
    assert SECRET not in reply.text and "X-MICROSOFT-CDO-BUSYSTATUS" not in reply.text
    found = events(reply.content)
    assert sorted(e["summary"] for e in found) == ["alice — out of office", "bob — out of office"]
    [alices] = [e for e in found if e["uid"] == f"responder-{alice.id}@ooo.example.com"]
    assert "For anything urgent: carol" in alices["description"]


@SQLITE_ONLY
def test_it_uses_the_saved_team_and_a_user_group_by_its_handle(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    away(engine, "UBOB", on(30), on(5, 12))
    answer_to(slack, fake, "UCAROL", "team set <!subteam^S0ONCALL|@oncall>")
    answer = answer_to(slack, fake, "UCAROL", "team feed")
    assert "Absences in @oncall" in answer
    [event] = events(read(app_url, feed_path(answer)).content)
    assert event["summary"] == "bob — out of office"
    assert my_feed(slack, fake, "UCAROL", "team feed @oncall") == feed_path(answer)


@SQLITE_ONLY
def test_it_refuses_a_private_channel_to_someone_not_in_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    answer = answer_to(slack, fake, "UCAROL", "team feed <#G0SECRET|secret>")
    assert "private channel you're not in" in answer
    assert feed_rows(engine) == []


@SQLITE_ONLY
def test_it_stops_serving_a_private_channels_feed_once_its_owner_left(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UBOB", on(30), on(5, 12))
    path = my_feed(slack, fake, "UALICE", "team feed <#G0SECRET|secret>")
    assert len(events(read(app_url, path).content)) == 1
    fake.leave("G0SECRET", "UALICE")
    clock.advance(minutes=2)  # who is in a channel is remembered for a minute
    assert read(app_url, path).status_code == 404


@SQLITE_ONLY
def test_it_stops_a_teams_feed_by_name_and_says_when_none_matches(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    path = my_feed(slack, fake, "UALICE", "team feed <#C0SUPPORT|support>")
    mine = my_feed(slack, fake, "UALICE")
    assert "no such calendar feed" in answer_to(slack, fake, "UALICE", "team feed off #general")
    assert "Stopped: Absences in #support" in answer_to(
        slack, fake, "UALICE", "team feed off #support"
    )
    assert (read(app_url, path).status_code, read(app_url, mine).status_code) == (404, 200)


@SQLITE_ONLY
def test_it_explains_a_team_feed_without_a_team(slack: SlackDriver, fake: FakeSlack) -> None:
    assert "/ooo team feed #channel" in answer_to(slack, fake, "UALICE", "team feed")
    assert "is not a channel or user group" in answer_to(slack, fake, "UALICE", "team feed to go")


@SQLITE_ONLY
def test_it_asks_calendars_to_come_back_when_slack_cannot_say_who_is_in_the_team(
    slack: SlackDriver, fake: FakeSlack, app_url: str, clock: FakeClock
) -> None:
    path = my_feed(slack, fake, "UALICE", "team feed <#C0SUPPORT|support>")
    clock.advance(minutes=2)
    fake.fail_next("conversations.members", "ratelimited", status=429, retry_after=30)
    busy = read(app_url, path)
    assert (busy.status_code, busy.headers["retry-after"]) == (503, "60")
    assert read(app_url, path).status_code == 200
