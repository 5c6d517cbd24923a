"""The responder modal at the edges of what it accepts: long words, far-future dates."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import block_ids, input_value, open_form, stored, texts, type_dates
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

FAR = ["until 31 December 9999", "from 1 Dec 9999 to 31 Dec 9999", "until December 30 9999"]


def test_it_opens_the_form_for_words_longer_than_its_when_field_takes(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    words = "from Monday to the 15th, " + "because of the long planned family trip " * 6
    modal = open_form(slack, fake, "UALICE", words)
    when = next(
        b["element"] for b in modal["blocks"] if b.get("element", {}).get("action_id") == "when"
    )
    assert len(input_value(modal, "when")) <= when["max_length"]
    assert "too long" in texts(modal["blocks"]).lower()


@pytest.mark.parametrize("words", FAR)
def test_it_answers_alice_who_types_a_far_future_end_after_ooo(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    modal = open_form(slack, fake, "UALICE", words)
    assert "too far" in texts(modal["blocks"]).lower()


@pytest.mark.parametrize("words", FAR)
def test_it_answers_alice_who_types_a_far_future_end_in_the_form(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, words)
    assert "too far" in texts(fake.modal("UALICE")["blocks"]).lower()
    answer = slack.submit("UALICE", modal["id"], {"when": words}).json()
    assert "too far" in answer["errors"][block_ids(modal)["when"]].lower()
    assert stored(engine) == []


@pytest.mark.parametrize(
    ("picked", "field"),
    [
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "9999-12-30", "end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "9999-12-31", "permanent": ["permanent"]}, "start_date"),
    ],
)
def test_it_answers_alice_who_picks_a_far_future_day(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, picked: dict[str, object], field: str
) -> None:
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id=field, view_id=modal["id"], inputs=picked)
    assert "too far" in texts(fake.modal("UALICE")["blocks"]).lower()
    answer = slack.submit("UALICE", modal["id"], picked).json()
    assert "too far" in answer["errors"][block_ids(modal)[field]].lower()
    assert stored(engine) == []
