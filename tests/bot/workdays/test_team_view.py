"""`/ooo team` marks each person's days off and public holidays, and counts coverage by them."""

from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.team.team_flows import ask, away, on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def row_of(shown: str, user_id: str) -> str:
    return next(line for line in shown.splitlines() if line.endswith(f" <@{user_id}>"))


def test_it_marks_holidays_by_name_and_each_persons_days_off(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    slack.command("UALICE", "region DE-BY")
    slack.command("UBOB", "week sun-thu")
    away(engine, "UALICE", on(21, 12), on(31, 12))
    away(engine, "UBOB", on(30), on(3, 12))
    shown = texts(ask(slack, fake, "UCAROL", "<#C0GENERAL|general> 30d")["blocks"])
    # Friday 27 November to Saturday 26 December: Christmas Day is Friday the 25th.
    assert row_of(shown, "UALICE").startswith("🟩⬜⬜" + "🟩🟩🟩🟩🟩⬜⬜" * 3 + "🟥🟥🟥🟥🟦⬜")
    assert "🟦 Fri 25 Dec: Christmas Day (<@UALICE>)" in shown  # Carol reads en-GB
    # Bob works Sunday to Thursday: his Fridays and Saturdays are off.
    assert row_of(shown, "UBOB").startswith("⬜⬜🟩🟥🟥🟥🟩⬜⬜🟩")
    assert "⬜ not working · 🟦 public holiday" in shown


def test_coverage_leaves_out_people_who_would_not_work_that_day(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # On Friday 4 December Alice is away; Bob (Sunday to Thursday) would not work anyway, so
    # one of the two who would (Alice and Carol) is away: half, not a third.
    slack.command("UBOB", "week sun-thu")
    away(engine, "UALICE", on(4, 12), on(5, 12))
    slack.command("UCAROL", "team set <#C0GENERAL|general> coverage 40%")
    answer = ask(slack, fake, "UCAROL", "")
    shown = texts(answer["blocks"])
    assert "Coverage" in shown and "(1 of 2)" in shown
