"""Attacks on who may close, and for whom: roles, crafted clicks, private channels, far zones."""

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import CLOSE, END
from storage.db import session_scope
from storage.models import ClosureRow
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

REFUSED = "Only workspace admins and owners, and the admin group"


def midnight(day: int, month: int, year: int, tz: str) -> datetime:
    """00:00 of a day in a zone, in UTC as stored."""
    return datetime(year, month, day, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def no_closure_stored(engine: Engine) -> bool:
    with session_scope(engine) as session:
        return session.get(ClosureRow, 1) is None


@pytest.fixture(autouse=True)
def alice_is_admin(fake: FakeSlack) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")


def test_an_admin_of_another_organization_cannot_close(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UEVE", "eve", role="admin", home_team="T0OTHER")
    fake.add_channel("C0SHARED", "shared", members=["UEVE", "UBOB", "UBOT"])

    reply = slack.command("UEVE", "admin close everyone 24 Dec", channel_id="C0SHARED")

    assert REFUSED in reply.json()["text"]
    assert fake.responses(reply.response_url or "") == []
    assert no_closure_stored(engine)


def test_a_deactivated_admin_cannot_close(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UEVE", "eve", role="admin", deleted=True)

    said = ask_to_close(slack, fake, "UEVE", "<#C0SUPPORT> 24 Dec")
    if "blocks" in said:
        slack.click("UEVE", action_id=CLOSE, message=said)

    assert REFUSED in said["text"]
    assert closure_rows(engine) == []
    assert fake.messages_to("UBOB") == []


def test_an_admin_demoted_before_clicking_close_closes_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="member")

    reply = slack.click("UALICE", action_id=CLOSE, message=confirmation)

    assert REFUSED in fake.responses(reply.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    assert fake.messages_to("UBOB") == []


def test_a_member_clicking_close_on_an_admins_confirmation_closes_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")

    reply = slack.click("UBOB", action_id=CLOSE, message=confirmation)

    assert REFUSED in fake.responses(reply.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    # …and Alice's own Close still works afterwards.
    slack.click("UALICE", action_id=CLOSE, message=confirmation)
    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB"]


def test_a_member_clicking_end_in_an_admins_list_ends_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")
    listed = slack.command("UALICE", "admin closures").json()

    reply = slack.click("UBOB", action_id=END, message={"blocks": listed["blocks"], "text": "x"})

    assert REFUSED in fake.responses(reply.response_url or "")[-1]["text"]
    assert len(closure_rows(engine)) == 2


def test_a_private_channel_the_asker_is_not_in_is_refused(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0HR", "hr-private", members=["UBOB", "UCAROL", "UBOT"], is_private=True)

    said = ask_to_close(slack, fake, "UALICE", "<#C0HR|hr-private> 24 Dec")

    assert "blocks" not in said
    assert "2 people" not in said["text"]


def test_a_person_is_not_a_closure_target(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = slack.command("UALICE", "admin close <@UBOB|bob> 24 Dec")

    assert "Say whom and when" in reply.json()["text"]
    assert no_closure_stored(engine)


def test_a_group_typed_without_its_label_is_never_echoed_as_a_mention(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", "<!subteam^S0ONCALL> 24 Dec")
    slack.click("UALICE", action_id=CLOSE, message=confirmation)
    listed = slack.command("UALICE", "admin closures").json()

    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB"]
    shown = json.dumps([confirmation, listed, fake.messages_to("UALICE")])
    assert "<!subteam^" not in shown
    assert "@oncall" in shown


def test_each_member_far_away_is_closed_from_their_midnight_and_strangers_are_left_out(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UKIRI", "kiri", tz="Pacific/Kiritimati", locale="ja-JP")
    fake.add_user("UPAGO", "pago", tz="Pacific/Pago_Pago", locale="ko-KR")
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    fake.add_user("UHELP", "helper", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    members = ["UKIRI", "UPAGO", "UGUEST", "UHELP", "UGONE", "UBOT"]
    fake.add_channel("C0FAR", "far", members=members)

    close(slack, fake, "UALICE", "<#C0FAR|far> 24 Dec to 1 Jan")

    kiri, pago = "Pacific/Kiritimati", "Pacific/Pago_Pago"
    assert [(r.owner_id, r.starts_at, r.ends_at, r.tz) for r in closure_rows(engine)] == [
        ("UKIRI", midnight(24, 12, 2026, kiri), midnight(2, 1, 2027, kiri), kiri),
        ("UPAGO", midnight(24, 12, 2026, pago), midnight(2, 1, 2027, pago), pago),
    ]
    assert states(engine).get("UGUEST") in (None, "skipped", "external")
    assert fake.messages_to("UGUEST") == []
    assert fake.messages_to("UGONE") == []
    japanese, korean = fake.last_dm("UKIRI"), fake.last_dm("UPAGO")
    assert japanese is not None and "2026年12月24日(木)〜2027年1月1日(金)" in japanese["text"]
    assert korean is not None and "2026년 12월 24일 (목)~2027년 1월 1일 (금)" in korean["text"]


def test_a_closure_without_a_message_answers_in_each_members_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UKIRI", "kiri", tz="Pacific/Kiritimati", locale="ja-JP")
    fake.add_channel("C0TOKYO", "tokyo", members=["UKIRI"])

    close(slack, fake, "UALICE", "<#C0TOKYO> 24 Dec to 1 Jan")

    [kiri] = closure_rows(engine, "UKIRI")
    assert "The office is closed" not in kiri.message
    assert "休業" in kiri.message


def test_a_channel_of_3000_people_is_read_page_after_page(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    people = [f"UM{i:05d}" for i in range(3000)]
    for person in people:
        fake.add_user(person, person.lower(), tz="Asia/Tokyo")
    fake.add_channel("C0BIG", "big", members=[*people, "UBOT"])
    fake.paginate(200)

    said = close(slack, fake, "UALICE", "<#C0BIG> 24 Dec")

    assert said[0]["text"] == "Closing for 3000 people (<#C0BIG>)…"
    assert len(closure_rows(engine)) == 3000
    assert len({r.owner_id for r in closure_rows(engine)}) == 3000
    done = [m["text"] for m in fake.messages_to("UALICE") if "Closed for" in m["text"]]
    assert len(done) == 1 and done[0].startswith(":office: Closed for 3000 people")


@pytest.mark.parametrize("target", ["<!subteam^S0EMPTY|@empty>", "<#C0BOTS|bots>"])
def test_a_target_with_nobody_to_close_for_is_refused(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, target: str
) -> None:
    fake.add_usergroup("S0EMPTY", "empty", "Nobody yet")
    fake.add_user("UHELP", "helper", is_bot=True)
    fake.add_channel("C0BOTS", "bots", members=["UHELP", "UBOT"])

    said = ask_to_close(slack, fake, "UALICE", f"{target} 24 Dec")

    assert "blocks" not in said
    assert "0 people" not in said["text"]
    assert no_closure_stored(engine)
