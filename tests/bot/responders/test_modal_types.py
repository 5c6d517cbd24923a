"""The form's type of absence and Hide the reason: offered, prefilled from words, stored, kept."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.core.leave_types import BUILTINS, retire
from bot.core.workspace import Workspace
from bot.organisation.settings import types_to
from storage import setting_queries
from storage.db import session_scope
from tests.bot.flows import input_value, open_form, stored
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

CHOOSABLE = ["vacation", "sick", "parental", "business_trip", "training", "other"]


def _options(modal: dict[str, object]) -> list[tuple[str, str]]:
    [select] = [
        b["element"]
        for b in modal["blocks"]  # type: ignore[attr-defined]
        if b.get("element", {}).get("action_id") == "leave_type"
    ]
    return [(o["value"], o["text"]["text"]) for o in select["options"]]


def _hidden(modal: dict[str, object]) -> bool:
    return [o["value"] for o in input_value(modal, "hide_reason") or []] == ["hide_reason"]


def _retire(engine: Engine, key: str) -> None:
    with session_scope(engine) as session:
        setting_queries.change_workspace_setting(
            session,
            Workspace("T0001"),
            by="UERIN",
            now=datetime(2026, 11, 27, tzinfo=UTC),
            leave_types=types_to(retire(BUILTINS, key)),
        )


def test_it_offers_the_types_people_choose_prefilling_a_vacation(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    assert [key for key, _label in _options(modal)] == CHOOSABLE
    assert _options(modal)[0] == ("vacation", ":palm_tree: Vacation")
    assert input_value(modal, "leave_type")["value"] == "vacation" and not _hidden(modal)
    assert input_value(modal, "message") == "I'm on vacation and will answer when I'm back."


@pytest.mark.parametrize(
    ("user", "locale", "words", "key", "label", "message"),
    [
        ("UALICE", "en-US", "sick tomorrow", "sick", "Sick leave", "I'm out of office and back"),
        (
            "UDIDIER",
            "fr-FR",
            "conférence demain",
            "business_trip",
            "Déplacement ou conférence",
            "Je suis en déplacement professionnel",
        ),
        (
            "UGRETA",
            "de-DE",
            "Urlaub ab Montag bis Freitag",
            "vacation",
            "Urlaub",
            "Ich bin im Urlaub",
        ),
        ("UHANA", "ja-JP", "研修 来週", "training", "研修", "研修中です。"),
    ],
)
def test_it_reads_the_type_from_the_words_typed_in_any_language(
    slack: SlackDriver,
    fake: FakeSlack,
    user: str,
    locale: str,
    words: str,
    key: str,
    label: str,
    message: str,
) -> None:
    fake.add_user("UGRETA", "greta", tz="Europe/Berlin", locale="de-DE")
    fake.add_user("UHANA", "hana", tz="Asia/Tokyo", locale="ja-JP")
    modal = open_form(slack, fake, user, words)
    chosen = input_value(modal, "leave_type")
    assert chosen["value"] == key and chosen["text"]["text"].endswith(label)
    assert input_value(modal, "message").startswith(message)
    assert _hidden(modal) is (key == "sick")


def test_choosing_sick_hides_the_reason_and_suggests_a_neutral_message(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    slack.click("UALICE", action_id="leave_type", view_id=modal["id"], option="sick")
    modal = fake.modal("UALICE")
    assert _hidden(modal)
    assert input_value(modal, "message").startswith("I'm out of office and back on ")


def test_hiding_a_vacation_makes_the_suggested_message_neutral_but_keeps_her_own(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    slack.click("UALICE", action_id="hide_reason", view_id=modal["id"], value=["hide_reason"])
    modal = fake.modal("UALICE")
    assert input_value(modal, "leave_type")["value"] == "vacation" and _hidden(modal)
    assert input_value(modal, "message").startswith("I'm out of office and back on ")
    inputs = {"message": "Gone fishing.", "leave_type": "training"}
    slack.click("UALICE", action_id="leave_type", view_id=modal["id"], inputs=inputs)
    assert input_value(fake.modal("UALICE"), "message") == "Gone fishing."


def test_it_stores_the_type_and_privacy_and_editing_keeps_them(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "from Monday to the 15th")
    inputs = {"leave_type": "parental", "hide_reason": ["hide_reason"], "message": ""}
    slack.submit("UALICE", modal["id"], inputs)
    [responder] = stored(engine)
    assert (responder.leave_type, responder.hide_reason) == ("parental", True)
    # Left empty, the message is the type's, neutral since the reason is hidden.
    assert responder.message.startswith("I'm out of office and back on ")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    edit = fake.modal("UALICE")
    assert input_value(edit, "leave_type")["value"] == "parental" and _hidden(edit)
    slack.submit("UALICE", edit["id"], {"message": "Back on the 16th."})
    [responder] = stored(engine)
    assert (responder.leave_type, responder.hide_reason) == ("parental", True)


def test_a_retired_type_stays_on_absences_that_have_it_but_is_not_offered_anew(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    slack.submit("UALICE", modal["id"], {"leave_type": "training"})
    _retire(engine, "training")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    edit = fake.modal("UALICE")
    assert input_value(edit, "leave_type")["value"] == "training"
    assert "training" in [key for key, _label in _options(edit)]
    fresh = open_form(slack, fake, "UBOB", "training next week")
    assert "training" not in [key for key, _label in _options(fresh)]
    assert input_value(fresh, "leave_type")["value"] == "vacation"


def test_a_group_responder_has_no_type(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    assert "leave_type" not in [
        b["element"]["action_id"] for b in fake.modal("UALICE")["blocks"] if b["type"] == "input"
    ]


def test_a_type_retired_while_the_form_was_open_is_refused_and_nothing_saved(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    _retire(engine, "vacation")
    answer = slack.submit("UALICE", modal["id"]).json()
    assert answer["response_action"] == "errors"
    [(block, error)] = answer["errors"].items()
    assert block.startswith("leave_type.") and "no longer offered" in error
    assert stored(engine) == []
