"""Item 16 attacks: far-future dates in every spelling people type, everywhere dates are read."""

import pytest
from sqlalchemy import Engine

from bot.replies.retention import purge
from tests.bot.flows import block_ids, open_form, stored, texts, type_dates
from tests.bot.team.team_flows import ask
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# en-US spellings of the year 9999 (numeric, ISO, ordinal, with a duration).
FAR = [
    "until 12/31/9999",
    "until 9999-12-31",
    "from 12/30/9999 to 12/31/9999",
    "until December 31st 9999",
    "from Dec 30 9999 for 3 days",
    "12/31/9999",
]


@pytest.mark.parametrize("words", FAR)
def test_adv_slash_ooo_with_far_future_spellings(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    reply = slack.command("UALICE", words)
    modal = fake.modal("UALICE")
    assert modal is not None, f"/ooo {words} opened no form: {reply.status} {reply.text}"
    assert "too far" in texts(modal["blocks"]).lower()


@pytest.mark.parametrize("words", FAR)
def test_adv_typed_in_the_form_then_submitted(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, words)
    answer = slack.submit("UALICE", modal["id"], {"when": words})
    assert answer.status == 200 and answer.text, (answer.status, answer.text)
    body = answer.json()
    assert "too far" in body["errors"][block_ids(modal)["when"]].lower(), body
    assert stored(engine) == []


@pytest.mark.parametrize("words", FAR)
def test_adv_team_view_with_far_future_spellings(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    answer = ask(slack, fake, "UBOB", f"<#C0GENERAL|general> {words}")
    assert "too far ahead" in answer["text"], answer


def test_adv_a_responder_ending_on_the_last_representable_day_survives_the_purge(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # "until 12/30/9999" reads as ending 9999-12-31 00:00: if the form takes it, ooo must live
    # with it (purge adds the retention period to the end).
    modal = open_form(slack, fake, "UALICE")
    slack.submit("UALICE", modal["id"], {"when": "until 12/30/9999"})
    print("STORED", [(r.starts_at, r.ends_at) for r in stored(engine)])
    purge(engine, now=clock(), days=30)
    slack.command("UALICE", "list")
