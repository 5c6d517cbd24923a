"""The form's pickers are held to what they offer, whatever a forged submission sends: the
backup is a person, copies go to a person or a public channel, announcements only where the
owner may post."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import block_ids, open_form, save, stored
from tests.bot.replies.replying import GENERAL
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import on
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack

# Private: ooo and Bob are in it, Alice is not.
EXEC = "G0EXEC"
ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}


@pytest.fixture(autouse=True)
def _exec(fake: FakeSlack) -> None:
    fake.add_channel(EXEC, "exec", members=["UBOB", "UBOT"], is_private=True)


def _error(slack: SlackDriver, fake: FakeSlack, reply: Reply, field: str) -> str:
    """The error the form shows beside one field."""
    answer = reply.json()
    assert answer.get("response_action") == "errors", answer
    return str(answer["errors"][block_ids(fake.modal("UALICE"))[field]])


def test_it_refuses_a_channel_sent_as_the_backup(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # "Who to contact instead" offers people; Alice's forged submission names #desk.
    fake.add_channel("C0DESK", "desk", members=["UCAROL", "UBOT"])
    reply = save(slack, fake, "UALICE", "today until Monday", backup="C0DESK")
    assert _error(slack, fake, reply, "backup") == (
        "That is not a person. Choose someone from the list."
    )
    assert stored(engine) == []


def test_it_refuses_a_bot_as_the_backup(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = save(slack, fake, "UALICE", "today until Monday", backup="UBOT")
    assert _error(slack, fake, reply, "backup") == (
        "That is not a person. Choose someone from the list."
    )
    assert stored(engine) == []


def test_it_refuses_a_private_channel_sent_as_the_person_to_forward_to(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    reply = save(slack, fake, "UALICE", "today until Monday", forward_to=EXEC)
    assert _error(slack, fake, reply, "forward_to") == (
        "That is not a person. Choose someone from the list."
    )
    assert stored(engine) == []


@pytest.mark.parametrize("shared", [False, True])
def test_it_never_copies_into_a_private_channel(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, shared: bool
) -> None:
    # The channel picker offers public channels only; Alice's forged one is private #exec.
    modal = open_form(slack, fake, "UALICE", "today until Monday")
    inputs: dict[str, Any] = {"forward_channel": EXEC}
    if shared:
        slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
        inputs["target"] = ONCALL
    reply = slack.submit("UALICE", fake.modal("UALICE")["id"], inputs)
    assert _error(slack, fake, reply, "forward_channel") == (
        "ooo copies messages only into public channels. Choose a public one, or a person."
    )
    assert stored(engine) == []
    slack.message("UCAROL", GENERAL, "<!subteam^S0ONCALL|@oncall> <@UALICE> prod is down")
    assert fake.messages_to(EXEC) == []


def test_it_refuses_to_announce_in_a_private_channel_alice_is_not_in(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    reply = save(slack, fake, "UALICE", "from Monday to Wednesday", announce_in=[EXEC])
    assert _error(slack, fake, reply, "announce_in") == (
        "You are not in #exec. Choose a public channel, or a private one you are in."
    )
    assert stored(engine) == []
    run_at(engine, clock, effects, on(30))
    assert fake.messages_to(EXEC) == []


def test_it_announces_in_a_private_channel_bob_is_in(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    reply = save(slack, fake, "UBOB", "from Monday to Wednesday", announce_in=[EXEC])
    assert reply.status == 200 and not reply.text, reply.text
    # Bob is in New York: his Monday starts six hours after Paris's.
    run_at(engine, clock, effects, on(30, hour=12))
    [announced] = fake.messages_to(EXEC)
    assert "bob is out" in announced["text"]
