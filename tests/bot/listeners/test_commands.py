"""`/ooo` end to end: the modal, list, off, help, and reading an unknown word as dates."""

from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.blocks.dialogs import not_found_modal
from tests.bot.flows import input_value, open_form, save, stored, texts
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def test_it_opens_a_blank_new_responder_modal(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE")
    assert modal["title"]["text"] == "New responder"
    assert input_value(modal, "start_date") == "2026-11-27"
    assert input_value(modal, "end_date") is None
    assert input_value(modal, "kind")["value"] == "personal"
    assert [o["value"] for o in input_value(modal, "handling")] == ["digest"]
    assert fake.calls_to("users.info")[0]["include_locale"] in (True, "true", "1")


def test_it_prefills_the_modal_from_the_words_typed(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE", "from Monday to the 15th")
    assert input_value(modal, "when") == "from Monday to the 15th"
    assert input_value(modal, "start_date") == "2026-11-30"
    assert input_value(modal, "end_date") == "2026-12-15"
    assert "Wednesday, December 16, 2026" in input_value(modal, "message")
    assert "Europe/Paris" in texts(modal["blocks"])


def test_it_reads_dates_in_the_users_own_language(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER", "du 1er au 3 décembre")
    assert input_value(modal, "start_date") == "2026-12-01"
    assert input_value(modal, "end_date") == "2026-12-03"


def test_it_opens_the_form_keeping_words_that_are_not_dates(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    reply = slack.command("UALICE", "banana smoothie")
    assert reply.status == 200 and not reply.text
    modal = fake.modal("UALICE")
    assert modal is not None
    assert input_value(modal, "when") == "banana smoothie"
    assert ":warning:" in texts(modal["blocks"]) and "banana smoothie" in texts(modal["blocks"])


@pytest.mark.parametrize("word", ["help", "HELP", "?"])
def test_it_explains_every_subcommand(slack: SlackDriver, fake: FakeSlack, word: str) -> None:
    body = slack.command("UALICE", word).json()
    help_text = texts(body["blocks"])
    for subcommand in ("/ooo list", "/ooo off", "/ooo help", "/ooo from Monday"):
        assert subcommand in help_text
    assert fake.calls_to("views.open") == []


def test_it_lists_nothing_before_a_responder_exists(slack: SlackDriver) -> None:
    body = slack.command("UALICE", "list").json()
    assert "No responder is on" in body["text"]
    assert "You have no responders" in texts(body["blocks"])


def test_it_lists_responders_privately_with_a_menu(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    save(slack, fake, "UALICE", "from 4 January to 8 January")
    save(slack, fake, "UBOB", "tomorrow")
    body = slack.command("UALICE", "list").json()
    menus = [
        b["accessory"] for b in body["blocks"] if b.get("accessory", {}).get("type") == "overflow"
    ]
    assert len(menus) == 2
    assert [o["value"].split(":")[0] for o in menus[0]["options"]] == ["edit", "delete"]
    assert "<!date^" in texts(body["blocks"])
    assert body["response_type"] == "ephemeral"
    assert len(stored(engine)) == 3


@pytest.mark.parametrize("word", ["off", "back", "stop", "end"])
def test_it_turns_the_active_responder_off(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, word: str
) -> None:
    save(slack, fake, "UALICE", "until next Friday")
    clock.advance(hours=2)
    body = slack.command("UALICE", word).json()
    assert "Welcome back" in body["text"]
    [responder] = stored(engine)
    assert responder.ends_at == clock()
    assert "No responder is on" in texts(fake.home("UALICE")["blocks"])


def test_it_says_so_when_no_responder_is_on(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    body = slack.command("UALICE", "off").json()
    assert "No responder is on right now" in body["text"]
    [responder] = stored(engine)
    assert responder.starts_at > clock() and responder.ends_at is not None
    assert responder.ends_at - responder.starts_at == timedelta(days=16)


def test_it_says_so_when_slack_refuses_to_open_the_form(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    spent = fake.issue_trigger("UALICE")
    bot = WebClient(token=fake.bot_token, base_url=fake.api_url)
    bot.views_open(trigger_id=spent, view=not_found_modal())
    monkeypatch.setattr(fake, "issue_trigger", lambda user_id: spent)
    fake.allow("exchanged_trigger_id")
    reply = slack.command("UALICE", "tomorrow")
    assert reply.status == 200
    assert "try again" in reply.json()["text"]
    assert stored(engine) == []


def test_it_falls_back_to_utc_when_slack_cannot_say_who_someone_is(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.allow("user_not_found")
    modal = open_form(slack, fake, "UGHOST", "tomorrow")
    assert "· UTC" in texts(modal["blocks"])
    open_form(slack, fake, "UGHOST")
    # Once per request for the zone and language; whether they may act for others is asked apart.
    looked_up = [c for c in fake.calls_to("users.info") if c.get("include_locale")]
    assert len(looked_up) == 2
