"""Attacks on changes made for someone else: two clicks, rights lost between opening and saving
an edit, overlaps, the picker given people no one may act for, status and snooze, very long
input, and what a non-English reader is shown."""

from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import open_form, stored, texts
from tests.bot.on_behalf.conftest import ADA, HELEN, HR_GROUP, OWEN
from tests.bot.on_behalf.steps import audit, name_hr, set_for
from tests.bot.responders.test_manage import open_home
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def menu(slack: SlackDriver, actor: str, verb: str, absence: int) -> None:
    """`/ooo for @bob`, then Edit, End now or Delete in one absence's menu."""
    shown = slack.command(actor, "for <@UBOB>").json()
    slack.click(
        actor, action_id=f"behalf_menu-{absence}", option=f"{verb}:{absence}", message=shown
    )


def test_two_admins_confirming_end_end_bob_once_audit_once_and_tell_him_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    [absence] = stored(engine)
    menu(slack, ADA, "end", absence.id)
    first = fake.modal(ADA)
    menu(slack, OWEN, "end", absence.id)
    second = fake.modal(OWEN)
    assert first is not None and second is not None and first["id"] != second["id"]
    slack.submit(OWEN, second["id"])
    slack.submit(ADA, first["id"])
    assert stored(engine)[0].ends_at == clock()
    assert [e["action"] for e in audit(engine)] == ["create", "end"]
    welcomes = [m for m in fake.messages_to("UBOB") if "Welcome back" in m["text"]]
    assert len(welcomes) == 1


def test_two_admins_confirming_delete_delete_and_audit_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    [absence] = stored(engine)
    menu(slack, ADA, "delete", absence.id)
    first = fake.modal(ADA)
    menu(slack, OWEN, "delete", absence.id)
    second = fake.modal(OWEN)
    assert first is not None and second is not None
    slack.submit(ADA, first["id"])
    slack.submit(OWEN, second["id"])
    assert stored(engine) == []
    assert [e["action"] for e in audit(engine)] == ["create", "delete"]
    deleted = [m for m in fake.messages_to("UBOB") if "deleted it for you" in m["text"]]
    assert len(deleted) == 1


def test_an_edit_saved_after_leaving_the_admin_group_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    name_hr(slack)
    set_for(slack, fake, HELEN, "UBOB", "from 7 December to 11 December")
    [absence] = stored(engine)
    menu(slack, HELEN, "edit", absence.id)
    modal = fake.modal(HELEN)
    assert modal is not None and modal["title"]["text"] == "Edit responder"
    fake.leave(HR_GROUP, HELEN)
    reply = slack.submit(HELEN, modal["id"], {"end_date": "2026-12-24"})
    assert reply.json()["response_action"] == "update"
    assert stored(engine)[0].ends_at == absence.ends_at
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_an_absence_overlapping_bobs_own_is_refused_and_not_audited(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    bobs = open_form(slack, fake, "UBOB", "from 7 December to 11 December")
    slack.submit("UBOB", bobs["id"])
    modal = open_form(slack, fake, ADA, "for <@UBOB|bob> from 9 December to 15 December")
    reply = slack.submit(ADA, modal["id"])
    assert reply.status == 200
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [("UBOB", None)]
    assert audit(engine) == []


@pytest.mark.parametrize(
    ("person", "fields"),
    [
        ("UGONE", {"deleted": True}),
        ("UGUEST", {"home_team": "T0OTHER"}),
        ("USLACKBOT", {}),
    ],
)
def test_the_picker_given_someone_no_one_may_act_for_keeps_the_form_ones_own(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, person: str, fields: dict[str, Any]
) -> None:
    fake.add_user(person, person.lower(), **fields)
    modal = open_form(slack, fake, ADA, "tomorrow")
    slack.click(ADA, action_id="behalf_person", view_id=modal["id"], value=person)
    drawn = fake.view(modal["id"])
    assert drawn is not None
    slack.submit(ADA, drawn["id"])
    assert all(r.owner_id != person for r in stored(engine))
    assert audit(engine) == []


def test_an_absence_for_bob_starting_now_touches_no_ones_status_or_snooze(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    assert stored(engine)[0].owner_id == "UBOB"
    assert fake.calls_to("users.profile.set") == []
    assert fake.calls_to("dnd.setSnooze") == []
    assert fake.status_of(ADA)[0] == "" and fake.status_of("UBOB")[0] == ""


def test_very_long_input_after_the_mention_gets_an_answer_not_an_error(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = slack.command(ADA, "for <@UBOB|bob> " + "demain 🌴 " * 400)
    assert reply.status == 200
    modal = fake.modal(ADA)
    said = reply.text if modal is None else texts(modal["blocks"])
    assert said and "Traceback" not in said
    assert stored(engine) == []


def test_a_french_admin_sees_bobs_absences_listed_in_french(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UDIDIER", "didier", tz="Europe/Paris", locale="fr-FR", role="admin")
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    shown = slack.command("UDIDIER", "for <@UBOB>").json()
    said = shown["text"] + "\n" + texts(shown.get("blocks", []))
    assert "<@UBOB>" in said
    for english in ("Absences of", "Edit", "End now", "Delete", "set by"):
        assert english not in said, english


def test_a_japanese_bob_reads_changed_for_you_by_others_in_japanese(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UKENJI", "kenji", tz="Asia/Tokyo", locale="ja-JP")
    set_for(slack, fake, ADA, "UKENJI", "from 7 December to 11 December")
    home = texts(open_home(slack, fake, "UKENJI")["blocks"])
    assert "<@UADA>" in home
    for english in ("Changed for you by others", "set an absence for you", "set by"):
        assert english not in home, english


@pytest.mark.parametrize(
    "verb",
    ["set", "delete"],
)
def test_bobs_dm_says_he_is_back_on_his_next_working_day(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, verb: str
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    if verb == "delete":
        menu(slack, ADA, "delete", stored(engine)[0].id)
        slack.submit(ADA, fake.modal(ADA)["id"])
    told = fake.last_dm("UBOB")
    assert told is not None and "<@UADA>" in told["text"]
    # Friday 11 December is the last day: Bob works Monday to Friday.
    assert "Monday, December 14, 2026" in told["text"], told["text"]
    assert "Saturday, December 12" not in told["text"]


@pytest.mark.parametrize("word", ["off", "back", "stop", "end"])
@pytest.mark.parametrize("bob", ["<@UBOB|bob>", "@bob", "UBOB"])
def test_for_bob_off_never_ends_the_askers_own_absence(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, word: str, bob: str
) -> None:
    slack.submit(ADA, open_form(slack, fake, ADA, "from today to Friday")["id"])
    set_for(slack, fake, ADA, "UBOB", "from today to Friday")
    reply = slack.command(ADA, f"for {bob} {word}")
    assert reply.status == 200
    modal = fake.modal(ADA)
    if modal is not None:
        slack.submit(ADA, modal["id"])
    ada = next(r for r in stored(engine) if r.owner_id == ADA)
    assert ada.ends_at is not None and ada.ends_at > clock()
