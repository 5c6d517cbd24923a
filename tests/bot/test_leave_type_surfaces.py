"""What others read of an absence's type: replies, announcements, team views, feeds and lists
say it, or only "out of office" when its reason is hidden; an admin's new name shows everywhere."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import save, stored, texts
from tests.bot.replies.replying import GENERAL, out
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import ask
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

HIDDEN = [
    ({"leave_type": "vacation"}, ": Vacation."),
    ({"leave_type": "vacation", "hide_reason": True}, None),
    ({"leave_type": "sick"}, None),
    ({"leave_type": "sick", "hide_reason": False}, ": Sick leave."),
    ({}, None),
]


def _rename_vacation(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_user("UERIN", "erin", role="admin")
    assert (
        "Renamed" in slack.command("UERIN", "admin types rename Vacation Time off").json()["text"]
    )


@pytest.mark.parametrize(("fields", "said"), HIDDEN)
def test_a_reply_says_the_type_unless_it_is_hidden(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, fields: dict[str, object], said: str | None
) -> None:
    out(engine, **fields)
    slack.message("UBOB", GENERAL, "<@UALICE> can you review my PR?")
    [answer] = fake.ephemerals_seen("UBOB", GENERAL)
    headline = answer["text"]
    assert headline.startswith("<@UALICE> is out of office until <!date^")
    if said is None:
        assert headline.endswith(">.") and "Vacation" not in headline and "Sick" not in headline
    else:
        assert headline.endswith(said)


def test_an_admins_new_name_is_what_replies_say(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _rename_vacation(slack, fake)
    out(engine, leave_type="vacation")
    slack.message("UBOB", GENERAL, "<@UALICE> hello")
    [answer] = fake.ephemerals_seen("UBOB", GENERAL)
    assert answer["text"].endswith(": Time off.")


@pytest.mark.parametrize(
    ("inputs", "said"),
    [
        ({"leave_type": "business_trip"}, ": Business trip or conference."),
        ({"leave_type": "business_trip", "hide_reason": ["hide_reason"]}, None),
    ],
)
def test_an_announcement_says_the_type_unless_it_is_hidden(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    inputs: dict[str, object],
    said: str | None,
) -> None:
    save(slack, fake, "UALICE", "from Monday to Wednesday", announce_in=["C0GENERAL"], **inputs)
    run_at(engine, clock, effects, stored(engine)[0].starts_at)
    [message] = fake.messages_to("C0GENERAL")
    assert message["text"].startswith("alice is out until <!date^")
    if said is None:
        assert "Business" not in message["text"]
    else:
        assert message["text"].endswith(said)


def test_a_team_view_says_each_type_others_may_read(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, "UALICE", leave_type="vacation")
    out(engine, "UBOB", leave_type="sick")
    # Carol reads British English.
    shown = texts(ask(slack, fake, "UCAROL", "<#C0GENERAL|general>")["blocks"])
    assert "<@UALICE> · :palm_tree: Holiday · back <!date^" in shown
    assert "<@UBOB> · back <!date^" in shown and "Sick" not in shown
    _rename_vacation(slack, fake)
    shown = texts(ask(slack, fake, "UCAROL", "<#C0GENERAL|general>")["blocks"])
    assert "<@UALICE> · :palm_tree: Time off · back <!date^" in shown


def test_her_own_list_and_dms_show_her_type_and_that_it_is_hidden_from_others(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "tomorrow", leave_type="sick", hide_reason=["hide_reason"])
    dm = fake.last_dm("UALICE")
    assert ":face_with_thermometer: Sick leave · hidden from others" in texts(dm["blocks"])
    save(slack, fake, "UALICE", "from 7 December to 9 December", leave_type="training")
    listed = texts(slack.command("UALICE", "list").json()["blocks"])
    assert ":face_with_thermometer: Sick leave · hidden from others" in listed
    assert ":books: Training\n" in listed


def test_ending_and_starting_keeps_working_for_a_calendar_made_absence(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    out(engine, "UALICE", ends_at=clock() + timedelta(days=1))
    shown = texts(ask(slack, fake, "UCAROL", "<#C0GENERAL|general>")["blocks"])
    assert "<@UALICE> · back <!date^" in shown


def test_her_home_tab_shows_her_type(slack: SlackDriver, fake: FakeSlack, engine: Engine) -> None:
    save(slack, fake, "UALICE", "tomorrow", leave_type="parental")
    home = fake.home("UALICE")
    assert home is not None and ":baby: Parental leave" in texts(home["blocks"])
