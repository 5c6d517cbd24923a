"""Attacks on `/ooo team export` by who asks and whose days count: guests, weeks, holidays."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from storage import setting_queries
from storage.db import session_scope
from tests.bot.exports.export_flows import away, by_person, export, sent_csv
from tests.bot.team.team_flows import on
from tests.conftest import NOW
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def person_setting(engine: Engine, user: str, **setting: str) -> None:
    """A person's working week or holiday region, as the Home tab would save it."""
    with session_scope(engine) as session:
        setting_queries.change_person_setting(session, "T0001", user, now=NOW, **setting)


@pytest.mark.parametrize("words", ["#general", "@oncall"])
def test_a_guest_from_another_organization_cannot_export_a_team(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    fake.add_channel("C0SHARED", "shared", members=["UGUEST", "UALICE", "UBOT"])
    reply = slack.command("UGUEST", f"team export {words}", channel_id="C0SHARED")
    assert reply.status == 200
    assert fake.files_in("UGUEST") == []
    assert not any(m.get("files") for m in fake.all_messages())


def test_a_saved_private_team_the_asker_left_is_not_exported(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UALICE", on(30), on(5, 12))
    slack.command("UBOB", "team set <#C0SECRET|secret>")
    fake.leave("C0SECRET", "UBOB")
    reply = slack.command("UBOB", "team export")
    assert reply.status == 200
    assert fake.files_in("UBOB") == []


def test_each_absence_of_one_person_is_its_own_row_in_order(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(21, 12), on(24, 12))
    away(engine, "UALICE", on(1, 12), on(2, 12), leave_type="training")
    export(slack, fake, "UBOB", "@oncall next month")
    rows = sent_csv(fake, "UBOB")[1:]
    assert [row[1:5] for row in rows] == [
        ["UALICE", "Training", "2026-12-01", "2026-12-01"],
        ["UALICE", "Vacation", "2026-12-21", "2026-12-23"],
    ]


def test_public_holidays_of_each_persons_region_are_not_working_days(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Christmas week in France, and the Epiphany week in Bavaria (6 January is a holiday there).
    away(engine, "UALICE", on(21, 12), on(26, 12))
    away(engine, "UBOB", on(4, 1).replace(year=2027), on(9, 1).replace(year=2027))
    person_setting(engine, "UALICE", region="FR")
    person_setting(engine, "UBOB", region="DE-BY")
    export(slack, fake, "UCAROL", "@oncall from 1 December to 31 January")
    rows = by_person(sent_csv(fake, "UCAROL"))
    assert (rows["UALICE"][-1], rows["UBOB"][-1]) == ("4", "4")


def test_a_friday_off_for_someone_who_never_works_fridays_counts_none(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UBOB", on(4, 12), on(5, 12))  # Friday 4 December
    person_setting(engine, "UBOB", week="mon,tue,wed,thu")
    export(slack, fake, "UCAROL", "@oncall next month")
    assert by_person(sent_csv(fake, "UCAROL"))["UBOB"][3:] == [
        "2026-12-04",
        "2026-12-04",
        "Europe/Paris",
        "0",
    ]


def test_an_absence_ended_early_is_exported_as_it_really_was(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    away(engine, "UALICE", on(30), on(12, 12))  # planned: Monday 30 November to Friday 11 December
    clock.set(datetime(2026, 12, 2, 10, tzinfo=UTC))
    slack.command("UALICE", "off")  # back on Wednesday 2 December at 11:00 in Paris
    export(slack, fake, "UCAROL", "@oncall from 1 December to 31 December")
    assert by_person(sent_csv(fake, "UCAROL"))["UALICE"][2:] == [
        "Holiday",
        "2026-11-30T00:00",
        "2026-12-02T11:00",
        "Europe/Paris",
        "2",
    ]
