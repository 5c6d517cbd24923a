"""Attacks on who may act for whom: odd actors, odd subjects, mentions as Slack really sends
them, dates read in the asker's language but the person's zone, and crafted payloads."""

import copy
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import open_form, stored, texts
from tests.bot.on_behalf.conftest import ADA
from tests.bot.on_behalf.steps import audit, set_for
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_inputs import view_state

TOMORROW = {
    "en-US": "tomorrow",
    "en-GB": "tomorrow",
    "fr-FR": "demain",
    "de-DE": "morgen",
    "es-ES": "mañana",
    "es-LA": "mañana",
    "pt-BR": "amanhã",
    "it-IT": "domani",
    "ja-JP": "明日",
    "ko-KR": "내일",
    "zh-CN": "明天",
    "zh-TW": "明天",
}


@pytest.mark.parametrize("locale", sorted(TOMORROW))
def test_tomorrow_in_the_askers_language_is_the_persons_tomorrow(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, locale: str
) -> None:
    # Friday 27 November 16:00 UTC: still Friday in Paris, already Saturday in Tokyo.
    clock.advance(hours=6)
    fake.add_user("UASKER", "asker", tz="Europe/Paris", locale=locale, role="admin")
    fake.add_user("UTARO", "taro", tz="Asia/Tokyo", locale="ja-JP")
    modal = open_form(slack, fake, "UASKER", f"for <@UTARO|taro> {TOMORROW[locale]}")
    assert "Asia/Tokyo" in texts(modal["blocks"])
    assert slack.submit("UASKER", modal["id"]).status == 200
    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_by, absence.tz) == ("UTARO", "UASKER", "Asia/Tokyo")
    # Sunday 29 November in Tokyo, the whole day.
    assert absence.starts_at.isoformat() == "2026-11-28T15:00:00+00:00"
    assert absence.ends_at is not None
    assert absence.ends_at.isoformat() == "2026-11-29T15:00:00+00:00"


@pytest.mark.parametrize(
    "actor",
    [
        pytest.param(("UOUTSIDER", {"role": "admin", "home_team": "T0OTHER"}), id="other-org"),
        pytest.param(("UGUESTY", {"role": "member"}), id="member"),
    ],
)
def test_actors_who_may_not_act_are_refused_and_nothing_is_stored(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, actor: tuple[str, dict[str, Any]]
) -> None:
    user, fields = actor
    fake.add_user(user, user.lower(), **fields)
    reply = slack.command(user, "for <@UBOB|bob> tomorrow")
    assert reply.status == 200
    assert fake.modal(user) is None
    assert stored(engine) == [] and audit(engine) == []


def test_an_admin_deactivated_before_saving_the_form_stores_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UEXADMIN", "exadmin", role="admin")
    modal = open_form(slack, fake, "UEXADMIN", "for <@UBOB|bob> tomorrow")
    fake.add_user("UEXADMIN", "exadmin", role="admin", deleted=True)
    slack.submit("UEXADMIN", modal["id"])
    assert stored(engine) == [] and audit(engine) == []


def test_slackbot_gets_no_absence(slack: SlackDriver, fake: FakeSlack, engine: Engine) -> None:
    # Slack says USLACKBOT is not a bot (is_bot: false), yet no one may set it away.
    fake.add_user("USLACKBOT", "slackbot", tz="America/Los_Angeles")
    reply = slack.command(ADA, "for <@USLACKBOT|slackbot> tomorrow")
    assert fake.modal(ADA) is None, reply.text
    assert stored(engine) == [] and audit(engine) == []


def test_an_absence_for_oneself_through_for_is_ones_own_and_not_audited(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, ADA, "tomorrow")
    assert [(r.owner_id, r.set_by) for r in stored(engine)] == [(ADA, None)]
    assert audit(engine) == []


@pytest.mark.parametrize(
    "typed",
    [
        "for @bob tomorrow",
        "for UBOB tomorrow",
        "for <@UBOB|bob> <@UCAROL|carol> tomorrow",
        "for <!subteam^S0HR|@hr> tomorrow",
        "for <#C0GENERAL|general> tomorrow",
        "for <!everyone> tomorrow",
    ],
)
def test_a_for_that_names_no_single_person_never_sets_one_for_the_asker(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, typed: str
) -> None:
    reply = slack.command(ADA, typed)
    assert reply.status == 200
    modal = fake.modal(ADA)
    if modal is not None:
        slack.submit(ADA, modal["id"])
    # Ada asked for someone else: she must never find herself away, nor a guess stored.
    assert [r.owner_id for r in stored(engine)] in ([], ["UBOB"])
    assert all(r.owner_id != ADA for r in stored(engine))


def test_a_nbsp_between_the_words_still_reads_the_person(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, ADA, "for\u00a0<@UBOB|bob>\u00a0tomorrow")
    assert "For <@UBOB>" in texts(modal["blocks"])


def crafted_submit(
    slack: SlackDriver, user: str, view: dict[str, Any], metadata: str
) -> dict[str, Any]:
    """Submit `view` as `user` with its private_metadata replaced, as a forged payload would."""
    forged = copy.deepcopy(view) | {"private_metadata": metadata}
    forged["state"] = view_state(forged, None)
    payload = slack._interaction(
        "view_submission", user, trigger_id="1.2.3", view=forged, response_urls=[]
    )
    reply = slack._send_payload(payload)
    assert reply.status == 200, reply.text
    return json.loads(reply.text) if reply.text.startswith("{") else {}


def test_a_members_form_with_forged_metadata_naming_bob_stores_nothing_for_bob(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    adas = open_form(slack, fake, ADA, "for <@UBOB|bob> tomorrow")
    carols = open_form(slack, fake, "UCAROL", "tomorrow")
    crafted_submit(slack, "UCAROL", carols, adas["private_metadata"])
    assert all(r.owner_id != "UBOB" for r in stored(engine))
    assert audit(engine) == []


def test_a_members_replay_of_bobs_delete_button_deletes_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    told = fake.last_dm("UBOB")
    assert told is not None
    slack.click("UCAROL", action_id="responder_delete", message=told)
    confirm = fake.modal("UCAROL")
    if confirm is not None:
        slack.submit("UCAROL", confirm["id"])
    assert [r.owner_id for r in stored(engine)] == ["UBOB"]
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_the_audit_names_the_absences_owner_when_the_menu_names_someone_elses(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from Monday to Friday")
    carols = open_form(slack, fake, "UCAROL", "from 7 December to 11 December")
    slack.submit("UCAROL", carols["id"])
    bob, carol = stored(engine)
    listed = json.dumps(slack.command(ADA, "for <@UBOB>").json())
    # Ada's menu for Bob, forged so that its option names Carol's absence.
    shown = json.loads(listed.replace(f'"end:{bob.id}"', f'"end:{carol.id}"'))
    slack.click(ADA, action_id=f"behalf_menu-{bob.id}", option=f"end:{carol.id}", message=shown)
    confirm = fake.modal(ADA)
    if confirm is not None:
        slack.submit(ADA, confirm["id"])
    for entry in audit(engine)[1:]:
        assert entry["responder_id"] != carol.id or entry["subject_id"] == "UCAROL"


@pytest.mark.parametrize(
    ("locale", "english"),
    [("ja-JP", "set it for you"), ("de-DE", "set it for you"), ("zh-TW", "set it for you")],
)
def test_bob_is_told_in_his_language_who_set_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, locale: str, english: str
) -> None:
    fake.add_user("UKENJI", "kenji", tz="Asia/Tokyo", locale=locale)
    set_for(slack, fake, ADA, "UKENJI", "from 7 December to 11 December")
    told = fake.last_dm("UKENJI")
    assert told is not None
    assert "<@UADA>" in told["text"] and english not in told["text"]
    assert english not in texts(told["blocks"]) and "Edit" not in texts(told["blocks"])


def edit_form(slack: SlackDriver, fake: FakeSlack, actor: str, absence: int) -> dict[str, Any]:
    """`/ooo for @bob`, then Edit in one absence's menu: the form it opened."""
    shown = slack.command(actor, "for <@UBOB>").json()
    slack.click(actor, action_id=f"behalf_menu-{absence}", option=f"edit:{absence}", message=shown)
    modal = fake.modal(actor)
    assert modal is not None
    return modal


def test_an_edit_form_for_bob_forged_to_name_carols_absence_leaves_it_carols(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    slack.submit(
        "UCAROL", open_form(slack, fake, "UCAROL", "from 14 December to 18 December")["id"]
    )
    bob, carol = stored(engine)
    modal = edit_form(slack, fake, ADA, bob.id)
    metadata = json.loads(modal["private_metadata"]) | {"responder_id": carol.id}
    crafted_submit(slack, ADA, modal, json.dumps(metadata))
    owners = {r.id: r.owner_id for r in stored(engine)}
    assert owners.get(carol.id, "UCAROL") == "UCAROL" and owners[bob.id] == "UBOB"
    for entry in audit(engine)[1:]:
        assert entry["responder_id"] != carol.id or entry["subject_id"] == "UCAROL"


def test_a_members_own_form_forged_to_name_bobs_absence_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    set_for(slack, fake, ADA, "UBOB", "from 7 December to 11 December")
    [bob] = stored(engine)
    carols = open_form(slack, fake, "UCAROL", "from 14 December to 18 December")
    metadata = json.loads(carols["private_metadata"]) | {"responder_id": bob.id, "version": 0}
    crafted_submit(slack, "UCAROL", carols, json.dumps(metadata))
    mine = {r.id: (r.owner_id, r.starts_at, r.ends_at) for r in stored(engine)}
    assert mine[bob.id] == ("UBOB", bob.starts_at, bob.ends_at)
    assert [e["action"] for e in audit(engine)] == ["create"]


def test_a_member_replaying_the_admins_picker_and_form_sets_nothing_for_bob(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    adas = open_form(slack, fake, ADA, "from 7 December to 11 December")
    slack.click("UCAROL", action_id="behalf_person", view_id=adas["id"], value="UBOB")
    drawn = fake.view(adas["id"])
    assert drawn is not None
    crafted_submit(slack, "UCAROL", drawn, drawn["private_metadata"])
    assert all(r.owner_id != "UBOB" for r in stored(engine))
    assert audit(engine) == []
