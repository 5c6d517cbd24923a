"""A message that fits the form fits the reply: refused at save time if it can't, never lost."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import block_ids, open_form, stored
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# 2,990 characters the form accepts, which grow far past Slack's 3,000 once filled and escaped.
SWOLLEN = ("Back {return_date} & ask {backup} <or> {name}. " * 70)[:2990]
AMPERSANDS = "&" * 3000


@pytest.mark.parametrize("field", ["message", "external_message"])
def test_it_tells_alice_at_save_time_that_her_message_will_not_fit(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, field: str
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    answer = slack.submit("UALICE", modal["id"], {field: SWOLLEN, "backup": "UCAROL"}).json()
    error = answer["errors"][block_ids(modal)[field]]
    assert "shorten" in error.lower() and "3,000" in error
    assert stored(engine) == []


def test_it_saves_a_full_length_message_that_fits(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    slack.submit("UALICE", modal["id"], {"message": "a" * 3000})
    assert len(stored(engine)) == 1


@pytest.mark.parametrize("message", [SWOLLEN, AMPERSANDS])
def test_it_still_answers_bob_when_a_message_saved_earlier_does_not_fit(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, message: str
) -> None:
    out(engine, message=message, backup_id="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> are you there?")
    [answer] = replies_to(fake, "UBOB")
    assert answer["text"].startswith("<@UALICE> is out of office")
    assert "…" in str(answer["blocks"])
