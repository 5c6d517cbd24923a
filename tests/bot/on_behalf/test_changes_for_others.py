"""What happens once an absence is set for Bob: he is told by DM in his language, sees it as his
own and may change it; Ada edits, ends and deletes it for him from `/ooo for @bob`, each change
told to Bob and kept in the audit log, which his Home tab shows."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from bot.on_behalf.use_cases import delete_for, end_for
from bot.responders.changes import NotYours
from storage.db import session_scope
from storage.effects_queries import effects_with_key_prefix
from tests.bot.flows import input_value, stored, texts
from tests.bot.on_behalf.conftest import ADA, OWEN
from tests.bot.on_behalf.steps import audit, set_for
from tests.bot.responders.test_manage import choose, open_home
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

WORKSPACE = Workspace("T0001")


def listing(slack: SlackDriver, actor: str, person: str) -> dict[str, Any]:
    """`/ooo for @person`: their absences, privately, each with a menu acting for them."""
    body = slack.command(actor, f"for <@{person}>").json()
    assert body is not None
    return dict(body)


def act(slack: SlackDriver, actor: str, verb: str, absence: int, shown: dict[str, Any]) -> None:
    """Choose Edit, End now or Delete in the menu of one absence of the list."""
    menu, entry = f"behalf_menu-{absence}", f"{verb}:{absence}"
    slack.click(actor, action_id=menu, option=entry, message=shown)


def test_it_tells_bob_by_dm_what_was_set_and_by_whom_with_the_usual_buttons(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    told = fake.last_dm("UBOB")
    assert told is not None
    assert " is set: " in told["text"] and "<@UADA> set it for you." in told["text"]
    actions = [b for b in told["blocks"] if b["type"] == "actions"]
    buttons = [e["action_id"] for b in actions for e in b["elements"]]
    assert buttons == ["responder_edit", "responder_delete"]
    assert fake.last_dm(ADA) is None


def test_it_tells_didier_in_french(slack: SlackDriver, fake: FakeSlack, engine: Engine) -> None:
    set_for(slack, fake, ADA, "UDIDIER", "from Monday to Friday")
    told = fake.last_dm("UDIDIER")
    assert told is not None and "<@UADA> l'a défini pour vous." in told["text"]


def test_bob_sees_who_set_it_and_edits_it_as_his_own(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    mine = slack.command("UBOB", "list").json()
    assert "set by <@UADA>" in texts(mine["blocks"])
    assert "set by <@UADA>" in texts(open_home(slack, fake, "UBOB")["blocks"])

    slack.click("UBOB", action_id="responder_edit", message=fake.last_dm("UBOB"))
    modal = fake.modal("UBOB")
    assert modal is not None and "For <@" not in texts(modal["blocks"])
    slack.submit("UBOB", modal["id"], {"end_date": "2026-12-07"})
    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_by) == ("UBOB", None)
    assert absence.ends_at is not None and absence.ends_at.day == 8
    # His own change is his, not one done for him.
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_bob_ends_it_himself(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    absence = stored(engine)[0]
    choose(slack, "UBOB", f"end:{absence.id}", message=slack.command("UBOB", "list").json())
    slack.submit("UBOB", fake.modal("UBOB")["id"])
    assert stored(engine)[0].ends_at == clock()
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_ada_edits_ends_and_deletes_for_bob_each_change_told_and_recorded(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    first, second = stored(engine)
    shown = listing(slack, ADA, "UBOB")
    assert "Absences of <@UBOB>" in shown["text"]

    act(slack, ADA, "edit", second.id, shown)
    modal = fake.modal(ADA)
    assert modal is not None and modal["title"]["text"] == "Edit responder"
    assert input_value(modal, "end_date") == "2026-12-11"
    assert "For <@UBOB>" in texts(modal["blocks"])
    slack.submit(ADA, modal["id"], {"end_date": "2026-12-14"})
    assert "<@UADA> changed it for you." in fake.last_dm("UBOB")["text"]

    act(slack, ADA, "end", first.id, listing(slack, ADA, "UBOB"))
    confirm = fake.modal(ADA)
    assert confirm is not None and "They will be told you did." in texts(confirm["blocks"])
    slack.submit(ADA, confirm["id"])
    assert stored(engine)[0].ends_at == clock()
    told = [m["text"] for m in fake.messages_to("UBOB")]
    assert told[-2:] == [told[-2], "Your out-of-office responder is off. Welcome back!"]
    assert " is updated: " in told[-2] and "<@UADA> changed it for you." in told[-2]

    act(slack, ADA, "delete", second.id, listing(slack, ADA, "UBOB"))
    slack.submit(ADA, fake.modal(ADA)["id"])
    assert [r.id for r in stored(engine)] == [first.id]
    assert "<@UADA> deleted it for you." in fake.last_dm("UBOB")["text"]

    done = [(e["action"], e["responder_id"], e["actor_id"]) for e in audit(engine)]
    assert done == [
        ("create", first.id, ADA),
        ("create", second.id, ADA),
        ("edit", second.id, ADA),
        ("end", first.id, ADA),
        ("delete", second.id, ADA),
    ]
    edit = audit(engine)[2]["detail"]
    assert edit["before"]["ends_at"] == "2026-12-12T05:00:00+00:00"
    assert edit["after"]["ends_at"] == "2026-12-15T05:00:00+00:00"
    assert "message" not in str(audit(engine))

    home = texts(open_home(slack, fake, "UBOB")["blocks"])
    assert "Changed for you by others" in home
    lines = [line for line in home.splitlines() if line.startswith("• <@UADA>")]
    assert [line.split(" · ")[0] for line in lines] == [
        "• <@UADA> deleted your absence",
        "• <@UADA> ended your absence",
        "• <@UADA> changed your absence",
        "• <@UADA> set an absence for you",
        "• <@UADA> set an absence for you",
    ]


def test_it_refuses_a_member_who_forges_the_menu_or_the_confirmation(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    [absence] = stored(engine)
    shown = listing(slack, ADA, "UBOB")
    act(slack, ADA, "end", absence.id, shown)
    confirm = fake.modal(ADA)
    assert confirm is not None
    fake.add_user("UADA", "ada", tz="Europe/Paris")  # demoted meanwhile
    reply = slack.submit(ADA, confirm["id"]).json()
    assert reply["response_action"] == "update"
    assert "Only workspace admins and owners" in texts(reply["view"]["blocks"])
    assert stored(engine)[0].ends_at == absence.ends_at
    assert [e["action"] for e in audit(engine)] == ["create"]

    act(slack, "UCAROL", "delete", absence.id, shown)
    assert "Only workspace admins and owners" in texts(fake.modal("UCAROL")["blocks"])
    assert len(stored(engine)) == 1


def test_a_second_deletion_of_bobs_absence_changes_tells_and_records_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Two admins confirmed at once: both read the absence before either deleted it.
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    [absence] = stored(engine)
    delete_for(
        engine,
        workspace=WORKSPACE,
        actor_id=ADA,
        owner_id="UBOB",
        responder_id=absence.id,
        now=clock(),
    )
    for change in (delete_for, end_for):
        with pytest.raises(NotYours):
            change(
                engine,
                workspace=WORKSPACE,
                actor_id=OWEN,
                owner_id="UBOB",
                responder_id=absence.id,
                now=clock(),
            )
    assert [e["action"] for e in audit(engine)] == ["create", "delete"]
    with session_scope(engine) as session:
        told = effects_with_key_prefix(session, prefix=f"responder:{absence.id}:deleted:")
    assert len(told) == 1


def test_bobs_deletion_dm_names_ada_once_and_retires_the_set_dm(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    [absence] = stored(engine)
    act(slack, ADA, "delete", absence.id, listing(slack, ADA, "UBOB"))
    slack.submit(ADA, fake.modal(ADA)["id"])  # type: ignore[index]
    retired, deleted = fake.messages_to("UBOB")
    assert retired["text"].endswith("is deleted.") and "actions" not in str(retired["blocks"])
    assert deleted["text"].endswith("<@UADA> deleted it for you.")
    # Friday is his last day; he works Monday to Friday.
    for told in (retired, deleted):
        assert "Monday, December 14, 2026>" in told["text"], told["text"]
