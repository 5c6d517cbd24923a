"""A group's or channel's responder speaks only while its owner still belongs to it."""

import pytest
from sqlalchemy import Engine

from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


@pytest.mark.parametrize(
    ("target", "kind", "where", "text"),
    [
        ("S0ONCALL", "usergroup", GENERAL, "<!subteam^S0ONCALL|@oncall> the build is red"),
        ("C0SUPPORT", "channel", "C0SUPPORT", "My laptop won't boot"),
    ],
)
def test_it_stops_answering_and_forwarding_once_its_owner_left(
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    target: str,
    kind: str,
    where: str,
    text: str,
) -> None:
    # Alice speaks for the group or channel and gets a copy of each message to it.
    fake.add_channel("C0SUPPORT", "support", members=["UALICE", "UBOB", "UCAROL", "UBOT"])
    out(engine, kind="shared", target_id=target, target_kind=kind, forward_to="UALICE")
    slack.message("UBOB", where, text)
    assert (len(replies_to(fake, "UBOB")), len(fake.messages_to("UALICE"))) == (1, 1)
    fake.leave(target, "UALICE")
    clock.advance(seconds=61)
    slack.message("UCAROL", where, text)
    assert (len(replies_to(fake, "UCAROL")), len(fake.messages_to("UALICE"))) == (0, 1)
