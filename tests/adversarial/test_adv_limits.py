"""Items 15 and 17 attacks: what the form accepts fits every surface it reaches."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import input_value, open_form, stored
from tests.bot.replies.replying import GENERAL, replies_to
from tests.bot.responders.test_manage import open_home
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

MESSAGES = {
    "plain": "a" * 3000,
    "accents": "é" * 3000,
    "emoji": "😀" * 3000,
    "names": "{name} " * 428,
    "dates": "{return_date}" * 230,
    "backup": "{backup}" * 375,
    "stars": "*_~`" * 750,
    "mentions": "<!channel>" * 300,
}


@pytest.mark.parametrize("kind", list(MESSAGES))
def test_adv_a_saved_message_reaches_every_surface_without_slack_refusing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, kind: str
) -> None:
    # The form either refuses the message, or everything it reaches must be accepted by Slack
    # (the fake refuses section text over 3,000 characters: checked at teardown).
    message = MESSAGES[kind]
    modal = open_form(slack, fake, "UALICE", "today until Monday")
    reply = slack.submit(
        "UALICE", modal["id"], {"message": message, "external_message": message, "backup": "UCAROL"}
    )
    if reply.text and '"errors"' in reply.text:
        return
    assert len(stored(engine)) == 1
    clock.advance(minutes=1)
    slack.message("UBOB", GENERAL, "<@UALICE> hi")
    assert len(replies_to(fake, "UBOB")) == 1
    slack.command("UALICE", "list")
    open_home(slack, fake, "UALICE")
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    edit = fake.modal("UALICE")
    assert input_value(edit, "message") == message


@pytest.mark.parametrize("length", [201, 2999, 3001, 5000])
@pytest.mark.parametrize("char", ["x", "😀", "&"])
def test_adv_slash_ooo_with_long_text_opens_a_valid_form(
    slack: SlackDriver, fake: FakeSlack, length: int, char: str
) -> None:
    reply = slack.command("UALICE", "tomorrow " + char * length)
    assert reply.status == 200
    assert fake.modal("UALICE") is not None, reply.text
