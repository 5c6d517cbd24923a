"""The day back said in the form, the list and replies, and the reminder's day, around Easter and
New Year in several regions."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import input_value, open_form, save, stored, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# Easter 2027 is Sunday 28 March: Good Friday the 26th, Easter Monday the 29th.
BEFORE_EASTER = "from 22 March 2027 to 25 March 2027"


def _person(slack: SlackDriver, fake: FakeSlack, region: str, tz: str = "Europe/Berlin") -> str:
    fake.add_user("UXAVIER", "xavier", tz=tz, locale="en-US")
    assert "Saved" in str(slack.command("UXAVIER", f"region {region}").json()["text"])
    return "UXAVIER"


@pytest.mark.parametrize(
    ("region", "back"),
    [
        ("DE-BY", "Tuesday, March 30, 2027"),
        ("GB-ENG", "Tuesday, March 30, 2027"),
        # Easter Monday is no bank holiday in Scotland.
        ("GB-SCT", "Monday, March 29, 2027"),
        ("US-CA", "Friday, March 26, 2027"),
    ],
)
def test_the_day_back_around_easter_follows_her_region(
    slack: SlackDriver, fake: FakeSlack, region: str, back: str
) -> None:
    person = _person(
        slack, fake, region, "Europe/London" if region.startswith("GB") else "Europe/Berlin"
    )
    modal = open_form(slack, fake, person, BEFORE_EASTER)
    assert f"back on {back}" in input_value(modal, "message")
    slack.submit(person, modal["id"], {})
    assert f"|{back}>" in texts(slack.command(person, "list").json()["blocks"])


@pytest.mark.parametrize(
    ("region", "tz", "back"),
    [
        ("DE", "Europe/Berlin", "Monday, January 3, 2028"),
        ("AU-NSW", "Australia/Sydney", "Tuesday, January 4, 2028"),
    ],
)
def test_the_day_back_after_new_year_is_in_her_list(
    slack: SlackDriver, fake: FakeSlack, region: str, tz: str, back: str
) -> None:
    person = _person(slack, fake, region, tz)
    save(slack, fake, person, "from 20 December 2027 to 31 December 2027")
    assert f"|{back}>" in texts(slack.command(person, "list").json()["blocks"])


def test_the_reminder_comes_on_the_thursday_before_good_friday(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    person = _person(slack, fake, "DE-BY")
    save(slack, fake, person, "from 22 March 2027 to 26 March 2027")
    run_at(engine, clock, effects, datetime(2027, 3, 21, 23, tzinfo=UTC))
    # Thursday 25 March, 16:00 in Berlin (still winter time).
    assert stored(engine)[0].due_at == datetime(2027, 3, 25, 15, tzinfo=UTC)


def test_a_reply_to_a_mention_names_the_day_after_easter_monday(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    person = _person(slack, fake, "DE-BY")
    fake.add_channel("C0EASTER", "easter", members=["UXAVIER", "UBOB", "UBOT"])
    save(slack, fake, person, BEFORE_EASTER)
    run_at(engine, clock, effects, datetime(2027, 3, 23, 9, tzinfo=UTC))
    slack.message("UBOB", "C0EASTER", "<@UXAVIER> are you around?")
    [answer] = fake.ephemerals_seen("UBOB", "C0EASTER")
    assert "back on Tuesday, March 30, 2027" in texts(answer["blocks"])


def test_a_reply_headline_names_her_return_day_not_the_eve_in_utc(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    person = _person(slack, fake, "DE-BY")
    fake.add_channel("C0EASTER", "easter", members=["UXAVIER", "UBOB", "UBOT"])
    save(slack, fake, person, BEFORE_EASTER)
    run_at(engine, clock, effects, datetime(2027, 3, 23, 9, tzinfo=UTC))
    slack.message("UBOB", "C0EASTER", "<@UXAVIER> are you around?")
    [answer] = fake.ephemerals_seen("UBOB", "C0EASTER")
    assert "Mar 29" not in answer["text"] and "Mar 30" in answer["text"]


def test_a_friday_only_worker_is_back_on_friday(slack: SlackDriver, fake: FakeSlack) -> None:
    person = _person(slack, fake, "none")
    slack.command(person, "week fri")
    save(slack, fake, person, "from 30 November to 2 December")
    assert "|Friday, December 4, 2026>" in texts(slack.command(person, "list").json()["blocks"])


@pytest.mark.parametrize(
    ("region", "tz", "due"),
    [
        # Friday 31 December 2027, 16:00 in Berlin and in Sydney (summer time there).
        ("DE", "Europe/Berlin", datetime(2027, 12, 31, 15, tzinfo=UTC)),
        ("AU-NSW", "Australia/Sydney", datetime(2027, 12, 31, 5, tzinfo=UTC)),
    ],
)
def test_the_reminder_before_new_year_comes_on_new_years_eve_in_her_zone(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    region: str,
    tz: str,
    due: datetime,
) -> None:
    person = _person(slack, fake, region, tz)
    save(slack, fake, person, "from 20 December 2027 to 31 December 2027")
    run_at(engine, clock, effects, datetime(2027, 12, 20, 12, tzinfo=UTC))
    assert stored(engine)[0].due_at == due


def test_an_absence_ending_on_christmas_reminds_on_christmas_eve(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    person = _person(slack, fake, "DE")
    save(slack, fake, person, "from 21 December to 25 December")
    run_at(engine, clock, effects, datetime(2026, 12, 21, 9, tzinfo=UTC))
    assert stored(engine)[0].due_at == datetime(2026, 12, 24, 15, tzinfo=UTC)
    listed = texts(slack.command(person, "list").json()["blocks"])
    assert "|Monday, December 28, 2026>" in listed


def test_the_workspace_week_leaves_her_own_week_alone(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_user("UERIN", "erin", tz="Europe/Paris", locale="en-US", role="admin")
    slack.command("UALICE", "week mon-thu")
    slack.command("UERIN", "admin week sun-thu")
    assert str(slack.command("UALICE", "week").json()["text"]).startswith(
        "You work Monday, Tuesday, Wednesday, and Thursday."
    )
    assert str(slack.command("UBOB", "week").json()["text"]).startswith(
        "You work Sunday, Monday, Tuesday, Wednesday, and Thursday."
    )
    slack.command("UALICE", "week default")
    assert str(slack.command("UALICE", "week").json()["text"]).startswith(
        "You work Sunday, Monday, Tuesday, Wednesday, and Thursday."
    )
