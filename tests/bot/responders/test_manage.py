"""Edit, end now and delete, from the DM, the private list and the Home tab; only by the owner."""

from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import input_value, open_form, save, stored, texts
from tests.support.clock import FakeClock
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack


def choose(
    slack: SlackDriver,
    user: str,
    entry: str,
    *,
    message: dict[str, Any] | None = None,
    home: dict[str, Any] | None = None,
) -> Reply:
    """Pick an entry ("end:3") from the first `…` menu of a list message or a Home tab."""
    blocks = (message or home or {})["blocks"]
    menu = next(b["accessory"] for b in blocks if b.get("accessory", {}).get("type") == "overflow")
    where: dict[str, Any] = {"message": message} if message else {"view_id": (home or {})["id"]}
    return slack.click(user, action_id=menu["action_id"], option=entry, **where)


def open_home(slack: SlackDriver, fake: FakeSlack, user: str) -> dict[str, Any]:
    slack.event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"})
    home = fake.home(user)
    assert home is not None
    return home


def test_it_reopens_the_form_prefilled_from_the_dm(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", message="Ask Bob.", forward_to="UBOB")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    modal = fake.modal("UALICE")
    assert modal["title"]["text"] == "Edit responder"
    assert (input_value(modal, "start_date"), input_value(modal, "end_date")) == (
        "2026-11-30",
        "2026-12-15",
    )
    assert input_value(modal, "message") == "Ask Bob."
    assert input_value(modal, "forward_to") == "UBOB"
    slack.submit("UALICE", modal["id"], {"end_date": "2026-12-18"})
    [responder] = stored(engine)
    assert responder.ends_at is not None and responder.ends_at.day == 18
    assert "updated" in fake.last_dm("UALICE")["text"]


def test_it_edits_from_the_list_without_overlapping_itself(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    listing = slack.command("UALICE", "list")
    message = listing.json()
    [row_id] = [r.id for r in stored(engine)]
    choose(slack, "UALICE", f"edit:{row_id}", message=message)
    modal = fake.modal("UALICE")
    reply = slack.submit("UALICE", modal["id"], {"message": "New words."})
    assert not reply.text
    assert [r.message for r in stored(engine)] == ["New words."]


@pytest.mark.parametrize("where", ["list", "home"])
def test_it_ends_an_active_responder_after_confirmation(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, where: str
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    clock.advance(hours=1)
    [row_id] = [r.id for r in stored(engine)]
    if where == "list":
        message = slack.command("UALICE", "list").json()
        reply = choose(slack, "UALICE", f"end:{row_id}", message=message)
    else:
        home = open_home(slack, fake, "UALICE")
        reply = choose(slack, "UALICE", f"end:{row_id}", home=home)
    confirm = fake.modal("UALICE")
    assert confirm["title"]["text"] == "End responder?"
    assert stored(engine)[0].ends_at != clock()
    slack.submit("UALICE", confirm["id"])
    assert stored(engine)[0].ends_at == clock()
    assert "No responder is on" in texts(fake.home("UALICE")["blocks"])
    if where == "list":
        [refreshed] = fake.responses(reply.response_url)
        assert refreshed["replace_original"] is True
        assert "Ended" in texts(refreshed["blocks"])


@pytest.mark.parametrize("where", ["dm", "list", "home"])
def test_it_deletes_after_confirmation(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, where: str
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    [row_id] = [r.id for r in stored(engine)]
    if where == "dm":
        slack.click("UALICE", action_id="responder_delete", message=fake.last_dm("UALICE"))
    elif where == "list":
        message = slack.command("UALICE", "list").json()
        choose(slack, "UALICE", f"delete:{row_id}", message=message)
    else:
        home = open_home(slack, fake, "UALICE")
        choose(slack, "UALICE", f"delete:{row_id}", home=home)
    confirm = fake.modal("UALICE")
    assert confirm["title"]["text"] == "Delete responder?"
    assert len(stored(engine)) == 1
    slack.submit("UALICE", confirm["id"])
    assert stored(engine) == []
    assert "You have no responders yet" in texts(fake.home("UALICE")["blocks"])


@pytest.mark.parametrize("verb", ["edit", "end", "delete"])
def test_it_refuses_a_forged_menu_action_on_someone_elses_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, verb: str
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    before = stored(engine)
    home = open_home(slack, fake, "UBOB")
    forged = {"text": {"type": "plain_text", "text": "x"}, "value": f"{verb}:{before[0].id}"}
    forged_home = {
        **home,
        "blocks": [
            *home["blocks"],
            {
                "type": "section",
                "block_id": "forged",
                "text": {"type": "mrkdwn", "text": "x"},
                "accessory": {
                    "type": "overflow",
                    "action_id": f"responder_menu-{before[0].id}",
                    "options": [forged],
                },
            },
        ],
    }
    slack.click(
        "UBOB", action_id=f"responder_menu-{before[0].id}", message=forged_home, option=forged
    )
    assert fake.modal("UBOB")["title"]["text"] == "Not available"
    assert [(r.id, r.ends_at, r.message) for r in stored(engine)] == [
        (r.id, r.ends_at, r.message) for r in before
    ]


def test_it_refuses_a_forged_edit_button(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    dm = fake.last_dm("UALICE")
    before = [(r.id, r.ends_at, r.message) for r in stored(engine)]
    slack.click("UBOB", action_id="responder_edit", message=dm)
    assert fake.modal("UBOB")["title"]["text"] == "Not available"
    assert fake.modal("UALICE") is None
    assert [(r.id, r.ends_at, r.message) for r in stored(engine)] == before


def test_it_refuses_a_submission_that_edits_someone_elses_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", message="Alice's words")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    alices_modal = fake.modal("UALICE")
    reply = slack.submit("UBOB", alices_modal["id"], {"message": "Bob was here"})
    assert reply.json()["view"]["title"]["text"] == "Not available"
    assert [r.message for r in stored(engine)] == ["Alice's words"]


@pytest.mark.parametrize("verb", ["end", "delete"])
def test_it_refuses_a_confirmation_submitted_by_someone_else(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, verb: str
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    clock.advance(hours=1)
    [row_id] = [r.id for r in stored(engine)]
    home = open_home(slack, fake, "UALICE")
    choose(slack, "UALICE", f"{verb}:{row_id}", home=home)
    reply = slack.submit("UBOB", fake.modal("UALICE")["id"])
    assert reply.json()["view"]["title"]["text"] == "Not available"
    [responder] = stored(engine)
    assert responder.ends_at is not None and responder.ends_at > clock()


@pytest.mark.parametrize("button", ["responder_edit", "responder_delete"])
def test_it_keeps_the_confirmation_dm_when_acting_from_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, button: str
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    dm = fake.last_dm("UALICE")
    reply = slack.click("UALICE", action_id=button, message=dm)
    slack.submit("UALICE", fake.modal("UALICE")["id"])
    assert reply.response_url is not None
    assert fake.responses(reply.response_url) == []


def test_it_asks_for_new_dates_when_editing_an_ended_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "tomorrow", message="Back soon.")
    clock.advance(days=3)
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    modal = fake.modal("UALICE")
    assert "Choose new dates" in texts(modal["blocks"])
    reply = slack.submit("UALICE", modal["id"], {"message": "Back on Monday."})
    assert "already in the past" not in reply.text
    assert "end_date" in "".join(reply.json()["errors"])
    slack.submit("UALICE", modal["id"], {"end_date": "2026-12-04", "message": "Back on Monday."})
    [responder] = stored(engine)
    assert responder.message == "Back on Monday." and responder.ends_at > clock()


def _buttons(message: dict[str, Any]) -> list[str]:
    return [
        e["action_id"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]


def test_it_confirms_a_deletion_by_dm_and_retires_the_saved_dms_buttons(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", message="Ask Bob.")
    saved = fake.last_dm("UALICE")
    slack.click("UALICE", action_id="responder_delete", message=saved)
    slack.submit("UALICE", fake.modal("UALICE")["id"])
    first, confirmation = fake.messages_to("UALICE")
    assert first["ts"] == saved["ts"] and _buttons(first) == []
    assert "deleted" in first["text"] and "Ask Bob." in texts(first["blocks"])
    assert "deleted" in confirmation["text"]


@pytest.mark.parametrize("how", ["menu", "command"])
def test_it_confirms_ending_by_dm(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, how: str
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    clock.advance(hours=1)
    if how == "menu":
        [row_id] = [r.id for r in stored(engine)]
        choose(slack, "UALICE", f"end:{row_id}", home=open_home(slack, fake, "UALICE"))
        slack.submit("UALICE", fake.modal("UALICE")["id"])
    else:
        slack.command("UALICE", "off")
    assert "is off" in fake.last_dm("UALICE")["text"]


def test_it_turns_off_a_group_responder_that_is_on(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    oncall = slack.suggest("UALICE", modal["id"], "target", "on").json()["option_groups"][0]
    inputs = {
        "target": oncall["options"][0],
        "forward_channel": "C0GENERAL",
        "permanent": ["permanent"],
    }
    slack.submit("UALICE", modal["id"], inputs)
    clock.advance(hours=1)
    body = slack.command("UALICE", "off").json()
    assert "2 responders are off" in body["text"]
    assert [r.ends_at for r in stored(engine)] == [clock(), clock()]
    dms = [m["text"] for m in fake.messages_to("UALICE")]
    assert "Your responder for <!subteam^S0ONCALL> is off. Welcome back!" in dms


def test_it_keeps_buttons_only_on_the_newest_confirmation(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"message": "Ask Carol."})
    older, newer = fake.messages_to("UALICE")
    assert _buttons(older) == [] and "changed since" in older["text"]
    assert _buttons(newer) == ["responder_edit", "responder_delete"]
