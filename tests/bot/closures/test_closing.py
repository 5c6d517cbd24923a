"""Closing the office for a channel, a user group or everyone: confirmed, then applied."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import CANCEL, CLOSE, OPT_OUT
from bot.core.workspace import Workspace
from storage import setting_queries
from storage.db import session_scope
from storage.models import ClosureRow
from tests.bot.closures.closure_flows import (
    CHRISTMAS,
    ask_to_close,
    audited,
    close,
    closure_rows,
    states,
)
from tests.bot.team.team_flows import away
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def midnight(day: int, month: int, year: int, tz: str) -> datetime:
    """00:00 of a day in a zone, in UTC as stored."""
    return datetime(year, month, day, tzinfo=ZoneInfo(tz)).astimezone(UTC)


@pytest.fixture(autouse=True)
def alice_is_admin(fake: FakeSlack) -> None:
    """Alice administers the workspace; Bob, Carol and Didier are members."""
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")


def test_it_closes_a_channel_for_each_member_in_their_own_zone(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    said = close(slack, fake, "UALICE", f"<#C0GENERAL|general> {CHRISTMAS}")

    assert said[0]["text"] == "Closing for 3 people (<#C0GENERAL>)…"
    rows = closure_rows(engine)
    assert [(r.owner_id, r.starts_at, r.ends_at) for r in rows] == [
        ("UALICE", midnight(24, 12, 2026, "Europe/Paris"), midnight(2, 1, 2027, "Europe/Paris")),
        (
            "UBOB",
            midnight(24, 12, 2026, "America/New_York"),
            midnight(2, 1, 2027, "America/New_York"),
        ),
        ("UCAROL", midnight(24, 12, 2026, "Europe/London"), midnight(2, 1, 2027, "Europe/London")),
    ]
    assert {(r.leave_type, r.set_by, r.tz != "") for r in rows} == {("closure", "UALICE", True)}
    assert [r.tz for r in rows] == ["Europe/Paris", "America/New_York", "Europe/London"]
    assert all(r.due_at is not None for r in rows)  # the lifecycle will switch them on
    assert states(engine) == {
        "UALICE": "applied",
        "UBOB": "applied",
        "UCAROL": "applied",
        "UBOT": "bot",
    }
    assert [(a.subject_id, a.action, a.actor_id) for a in audited(engine)] == [
        ("UALICE", "closure", "UALICE"),
        ("UBOB", "closure", "UALICE"),
        ("UCAROL", "closure", "UALICE"),
    ]
    told = fake.last_dm("UBOB")
    assert told is not None and "<@UALICE> closed the office" in told["text"]
    assert "Office closed for the holidays" in str(told["blocks"])
    assert OPT_OUT in str(told["blocks"])
    assert len([m for m in fake.messages_to("UCAROL") if OPT_OUT in str(m.get("blocks"))]) == 1
    done = [m["text"] for m in fake.messages_to("UALICE") if "Closed for" in m["text"]]
    assert done[0].startswith(":office: Closed for 3 people (<#C0GENERAL>)")
    assert "1 member was skipped" in done[0]


def test_it_closes_a_user_group(slack: SettlingDriver, fake: FakeSlack, engine: Engine) -> None:
    close(slack, fake, "UALICE", "<!subteam^S0ONCALL|@oncall> 24 Dec")

    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB"]
    with session_scope(engine) as session:
        closure = session.get(ClosureRow, 1)
        assert closure is not None
        assert (closure.scope, closure.target_id, closure.target_label) == (
            "group",
            "S0ONCALL",
            "@oncall",
        )
        assert closure.message == ""


def test_it_closes_for_everyone_leaving_bots_and_deactivated_people_out(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UHELPER", "helper", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.paginate(2)  # users.list read page after page

    close(slack, fake, "UALICE", f"<!everyone> {CHRISTMAS}")

    owners = sorted({r.owner_id for r in closure_rows(engine)})
    assert owners == ["UALICE", "UBOB", "UCAROL", "UDIDIER"]
    assert states(engine)["UHELPER"] == "bot"
    assert states(engine)["UGONE"] == "deactivated"
    assert fake.messages_to("UGONE") == []
    french = fake.last_dm("UDIDIER")
    assert (
        french is not None
        and "<@UALICE> a fermé le bureau du jeu. 24 déc. 2026 au ven. 1 janv. 2027"
        in french["text"]
    )


def test_it_fills_only_the_days_around_absences_already_set(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    paris = "Europe/Paris"
    away(engine, "UBOB", midnight(28, 12, 2026, paris), midnight(30, 12, 2026, paris))
    away(engine, "UCAROL", midnight(20, 12, 2026, paris), midnight(10, 1, 2027, paris))

    close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")
    close(slack, fake, "UALICE", f"<#C0GENERAL> {CHRISTMAS}")

    bob = closure_rows(engine, "UBOB")
    new_york = "America/New_York"
    assert [(r.starts_at, r.ends_at) for r in bob] == [
        (midnight(24, 12, 2026, new_york), midnight(28, 12, 2026, paris)),
        (midnight(30, 12, 2026, paris), midnight(2, 1, 2027, new_york)),
    ]
    assert closure_rows(engine, "UCAROL") == []
    assert states(engine)["UCAROL"] == "covered"


def test_it_refuses_a_channel_it_cannot_read(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0SECRET", "secret", members=["UALICE", "UBOB"], is_private=True)
    fake.allow("channel_not_found")

    said = ask_to_close(slack, fake, "UALICE", f"<#C0SECRET|secret> {CHRISTMAS}")

    assert "I can't see who is in <#C0SECRET>" in said["text"]
    assert "blocks" not in said
    assert closure_rows(engine) == []


def test_it_refuses_people_who_are_not_admins(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = slack.command("UBOB", f"admin close everyone {CHRISTMAS}")

    assert "Only workspace admins and owners, and the admin group" in reply.json()["text"]
    assert fake.responses(reply.response_url or "") == []
    with session_scope(engine) as session:
        assert session.get(ClosureRow, 1) is None


@pytest.mark.parametrize("role", ["admin", "owner", "primary_owner", "admin group"])
def test_it_lets_admins_owners_and_the_admin_group_close(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, role: str
) -> None:
    if role == "admin group":
        with session_scope(engine) as session:
            workspace = Workspace("T0001")
            setting_queries.change_workspace_setting(
                session, workspace, by="UALICE", now=clock(), admin_group_id="S0ONCALL"
            )
    else:
        fake.add_user("UBOB", "bob", tz="America/New_York", role=role)

    said = close(slack, fake, "UBOB", f"<#C0SUPPORT> {CHRISTMAS}")

    assert said[0]["text"] == "Closing for 2 people (<#C0SUPPORT>)…"
    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB"]


def test_it_changes_nothing_before_close_and_nothing_after_cancel(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", f"everyone {CHRISTMAS}")

    assert (
        confirmation["text"]
        == "Close for 4 people (everyone), Thu, Dec 24, 2026 to Fri, Jan 1, 2027?"
    )
    assert "Office closed for the holidays" in str(confirmation["blocks"])
    assert closure_rows(engine) == []
    assert fake.messages_to("UBOB") == []

    cancelled = slack.click("UALICE", action_id=CANCEL, message=confirmation)
    assert "Cancelled" in fake.responses(cancelled.response_url or "")[-1]["text"]
    again = slack.click("UALICE", action_id=CLOSE, message=confirmation)

    assert "already applied or cancelled" in fake.responses(again.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    assert fake.messages_to("UBOB") == []


def test_it_applies_a_closure_once_under_a_double_click(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", f"<#C0SUPPORT> {CHRISTMAS}")

    slack.click("UALICE", action_id=CLOSE, message=confirmation)
    second = slack.click("UALICE", action_id=CLOSE, message=confirmation)

    assert "already applied" in fake.responses(second.response_url or "")[-1]["text"]
    assert len(closure_rows(engine)) == 2
    assert len([m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))]) == 1


@pytest.mark.parametrize(
    ("words", "refusal"),
    [
        ("everyone", "Say whom and when"),
        ("nobody 24 Dec", "Say whom and when"),
        ("everyone 2 Jan to 30 Jun", "at most 92 days"),
        ("everyone from Monday", "end"),
        ("everyone blah blah", "blah"),
    ],
)
def test_it_says_why_it_cannot_read_a_closure(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, words: str, refusal: str
) -> None:
    reply = slack.command("UALICE", f"admin close {words}")

    assert refusal in reply.json()["text"]
    assert fake.responses(reply.response_url or "") == []


@pytest.mark.parametrize(
    ("typed", "owners"), [("#support", ["UALICE", "UBOB"]), ("@oncall", ["UALICE", "UBOB"])]
)
def test_it_finds_a_channel_or_group_typed_by_name(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, typed: str, owners: list[str]
) -> None:
    close(slack, fake, "UALICE", f"{typed} 24 Dec")

    assert [r.owner_id for r in closure_rows(engine)] == owners


def test_it_closes_the_channel_it_was_typed_in_for_here(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    confirmation = ask_to_close(slack, fake, "UALICE", "<!here> 24 Dec")

    assert confirmation["text"].startswith("Close for 3 people (<#C0GENERAL>)")


def test_it_says_so_for_a_name_it_cannot_find(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    said = ask_to_close(slack, fake, "UALICE", "#nowhere 24 Dec")

    assert said["text"].startswith("I can't find a public channel called #nowhere.")
