"""Reminders and return days follow each person's working week and public holidays."""

from datetime import UTC, datetime

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import input_value, open_form, save, stored, texts
from tests.bot.responders.lifecycle_steps import dm_texts, run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# Alice (Paris) is out Sunday 29 November to Saturday 5 December: back Sunday 6 December 00:00.
AWAY = "from 29 November to 5 December"
STARTS = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)
FRIDAY_FOUR_PM = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
THURSDAY_FOUR_PM = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)


def reminders(fake: FakeSlack) -> list[str]:
    return [t for t in dm_texts(fake, "UALICE") if t.startswith("You're back")]


def test_it_reminds_on_friday_for_a_monday_to_friday_week(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    assert stored(engine)[0].due_at == FRIDAY_FOUR_PM
    run_at(engine, clock, effects, FRIDAY_FOUR_PM)
    # Back on Monday 7 December, the first working day after the weekend.
    [reminder] = reminders(fake)
    assert "Monday, December 7, 2026" in reminder


def test_a_new_week_moves_a_pending_reminder_to_its_last_working_day(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    slack.command("UALICE", "week sun-thu")
    assert stored(engine)[0].due_at == THURSDAY_FOUR_PM
    run_at(engine, clock, effects, THURSDAY_FOUR_PM)
    # A Sunday-to-Thursday worker is back on Sunday 6 December.
    [reminder] = reminders(fake)
    assert "Sunday, December 6, 2026" in reminder


def test_a_new_workspace_week_moves_everyones_reminders(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_user("UERIN", "erin", role="admin")
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    slack.command("UERIN", "admin week sun-thu")
    assert stored(engine)[0].due_at == THURSDAY_FOUR_PM


def test_the_return_day_across_new_year_follows_each_hemispheres_holidays(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_user("UGRETA", "greta", tz="Europe/Berlin")
    fake.add_user("UOLIVIA", "olivia", tz="Australia/Sydney")
    slack.command("UGRETA", "region DE-BE")
    slack.command("UOLIVIA", "region AU-NSW")
    for person in ("UGRETA", "UOLIVIA"):
        save(slack, fake, person, "from 20 December 2027 to 31 December 2027")
    run_at(engine, clock, effects, datetime(2027, 12, 20, 12, tzinfo=UTC))
    # New Year's Day 2028 is a Saturday: Berlin is back on Monday the 3rd, while New South
    # Wales observes the holiday on that Monday and is back on Tuesday the 4th.
    [greta] = [t for t in dm_texts(fake, "UGRETA") if "has been on since" in t]
    [olivia] = [t for t in dm_texts(fake, "UOLIVIA") if "has been on since" in t]
    assert "Monday, January 3, 2028" in greta
    assert "Tuesday, January 4, 2028" in olivia


def test_the_list_says_the_first_working_day_as_the_return(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    save(slack, fake, "UALICE", "from 30 November to 4 December")
    listed = texts(slack.command("UALICE", "list").json()["blocks"])
    assert "back <!date^" in listed and "|Monday, December 7, 2026>" in listed
    slack.command("UALICE", "week sun-thu")
    listed = texts(slack.command("UALICE", "list").json()["blocks"])
    assert "|Sunday, December 6, 2026>" in listed


def test_the_form_suggests_a_message_naming_the_working_day_back(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    slack.command("UALICE", "region FR")
    # Out to Thursday 24 December: Christmas in France, then the weekend; back Monday the 28th.
    modal = open_form(slack, fake, "UALICE", "from 21 December to 24 December")
    assert "back on Monday, December 28, 2026" in input_value(modal, "message")
    assert "back Mon, Dec 28" in texts(modal["blocks"])
