"""Who may speak for a user group or channel: only its members, one responder at a time."""

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import block_ids, open_form, stored
from tests.bot.responders.lifecycle_steps import run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}
SUPPORT = {"text": {"type": "plain_text", "text": "#support"}, "value": "C0SUPPORT"}
# Alice's "from Monday to Wednesday", in Paris: reminded on Wednesday at 16:00, back Thursday.
REMINDS = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
ENDS = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)


def _submit_shared(
    slack: SlackDriver, fake: FakeSlack, user: str, target: dict[str, Any], when: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Open the form as `user`, make it a group or channel responder for `target`, submit it."""
    modal = open_form(slack, fake, user, when)
    slack.click(user, action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal(user)
    reply = slack.submit(user, modal["id"], {"target": target, "forward_channel": "C0GENERAL"})
    return modal, (reply.json() if reply.text else {})


def _target_error(modal: dict[str, Any], answer: dict[str, Any]) -> str:
    assert answer.get("response_action") == "errors", answer
    return str(answer["errors"][block_ids(modal)["target"]])


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (ONCALL, "only members of @oncall"),
        (SUPPORT, "only members of #support"),
    ],
)
def test_it_lets_only_members_set_a_responder_for_a_group_or_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, target: dict[str, Any], words: str
) -> None:
    # Carol is in neither @oncall nor #support.
    modal, answer = _submit_shared(slack, fake, "UCAROL", target, "tomorrow")
    assert words in _target_error(modal, answer).lower()
    assert stored(engine) == []


@pytest.mark.parametrize(
    "forged",
    [
        {"text": {"type": "plain_text", "text": "#general"}, "value": "C0SECRET"},
        {"text": {"type": "plain_text", "text": "@oncall"}, "value": "UBOB"},
        {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0NOSUCH"},
    ],
)
def test_it_refuses_a_target_the_list_never_offered(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, forged: dict[str, Any]
) -> None:
    fake.add_channel("C0SECRET", "secret", members=["UBOB", "UBOT"], is_private=True)
    modal, answer = _submit_shared(slack, fake, "UALICE", forged, "tomorrow")
    assert "choose one from the list" in _target_error(modal, answer).lower()
    assert stored(engine) == []


def test_it_keeps_the_label_slack_gives_not_the_one_the_option_claims(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    disguised = {"text": {"type": "plain_text", "text": "#general"}, "value": "S0ONCALL"}
    _submit_shared(slack, fake, "UALICE", disguised, "tomorrow")
    [responder] = stored(engine)
    assert (responder.target_label, responder.target_kind) == ("@oncall", "usergroup")


def test_it_lets_one_responder_at_a_time_speak_for_a_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _submit_shared(slack, fake, "UALICE", ONCALL, "from 7 December to 9 December")
    modal, answer = _submit_shared(slack, fake, "UBOB", ONCALL, "from 8 December to 12 December")
    error = _target_error(modal, answer)
    assert "@oncall already has a responder" in error and "alice" in error
    assert len(stored(engine)) == 1
    _submit_shared(slack, fake, "UBOB", ONCALL, "from 10 December to 12 December")
    assert [r.owner_id for r in stored(engine)] == ["UALICE", "UBOB"]


def test_it_lets_a_member_speak_for_a_group_its_owner_left(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    _submit_shared(slack, fake, "UALICE", ONCALL, "from 7 December to 9 December")
    fake.leave("S0ONCALL", "UALICE")
    clock.advance(seconds=61)
    _submit_shared(slack, fake, "UBOB", ONCALL, "from 8 December to 12 December")
    assert [r.owner_id for r in stored(engine)] == ["UALICE", "UBOB"]


def test_it_checks_the_target_again_when_its_owner_edits_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    _submit_shared(slack, fake, "UALICE", SUPPORT, "from 7 December to 9 December")
    [responder] = stored(engine)
    fake.leave("C0SUPPORT", "UALICE")
    clock.advance(seconds=61)
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    modal = fake.modal("UALICE")
    answer = slack.submit("UALICE", modal["id"], {"message": "Away."}).json()
    assert "only members of #support" in _target_error(modal, answer).lower()
    assert stored(engine)[0].message == responder.message


def test_it_refuses_one_more_day_that_would_overlap_another_members_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    _submit_shared(slack, fake, "UALICE", ONCALL, "from Monday to Wednesday")
    _submit_shared(slack, fake, "UBOB", ONCALL, "from Thursday 3 December to Friday 4 December")
    run_at(engine, clock, effects, REMINDS)
    reminder = [m for m in fake.messages_to("UALICE") if m["text"].startswith("You're back")]
    slack.click("UALICE", action_id="responder_extend_day", message=reminder[-1])
    assert stored(engine)[0].ends_at == ENDS
    [refusal] = fake.ephemerals_to("UALICE")
    assert "@oncall already has a responder" in refusal["text"] and "bob" in refusal["text"]
