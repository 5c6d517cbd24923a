"""The modal's reply settings: who to contact instead, when to answer the same person again."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import input_value, open_form, save, stored, texts
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def test_it_keeps_who_to_contact_instead_and_when_to_answer_again(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", backup="UCAROL", reply_again="3days")
    [responder] = stored(engine)
    assert (responder.backup_id, responder.reply_again) == ("UCAROL", "3days")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    modal = fake.modal("UALICE")
    assert input_value(modal, "backup") == "UCAROL"
    assert input_value(modal, "reply_again")["value"] == "3days"


def test_it_answers_the_same_person_again_after_a_day_unless_told(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    assert input_value(modal, "reply_again")["text"]["text"] == "1 day"
    assert input_value(modal, "backup") is None
    slack.submit("UALICE", modal["id"])
    assert [(r.backup_id, r.reply_again) for r in stored(engine)] == [(None, "day")]


def test_it_asks_for_a_backup_when_the_message_names_one(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    reply = slack.submit("UALICE", modal["id"], {"message": "Ask {backup}."})
    assert "Choose who to contact instead" in reply.json()["errors"]["backup.0"]
    assert stored(engine) == []


@pytest.mark.parametrize(
    ("query", "option", "kind"),
    [("on", "S0ONCALL", "usergroup"), ("#supp", "C0SUPPORT", "channel")],
)
def test_it_stores_whether_a_shared_responder_is_for_a_group_or_a_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, query: str, option: str, kind: str
) -> None:
    modal = open_form(slack, fake, "UALICE", "from Monday to the 15th")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    groups = slack.suggest("UALICE", modal["id"], "target", query).json()["option_groups"]
    [chosen] = [o for g in groups for o in g["options"] if o["value"] == option]
    slack.submit("UALICE", modal["id"], {"target": chosen, "forward_to": "UALICE"})
    assert [(r.target_id, r.target_kind) for r in stored(engine)] == [(option, kind)]


def test_editing_the_responder_starts_a_new_reply_window(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", message="Back on the 16th.")
    [before] = stored(engine)
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"message": "Back on the 19th."})
    [after] = stored(engine)
    assert after.revision > before.revision


def test_the_home_tab_says_where_ooo_hears_mentions_and_how_to_add_it(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    slack.event({"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "home"})
    shown = texts(fake.home("UALICE")["blocks"])  # type: ignore[index]
    assert "in the channels @ooo is in" in shown
    assert "`/invite @ooo`" in shown
