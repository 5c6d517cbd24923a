"""A group's or channel's responder speaks only while its owner still belongs to it."""

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from storage.db import session_scope
from storage.models import Mention
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


def test_it_keeps_no_more_messages_for_an_owner_known_to_have_left(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    responder = out(engine, kind="shared", target_id="S0ONCALL", target_kind="usergroup")
    slack.message("UBOB", GENERAL, "<!subteam^S0ONCALL|@oncall> one")
    fake.leave("S0ONCALL", "UALICE")
    clock.advance(seconds=61)
    # Carol's message is the one that finds out, as its reply is about to go out.
    slack.message("UCAROL", GENERAL, "<!subteam^S0ONCALL|@oncall> two")
    slack.message("UBOB", GENERAL, "<!subteam^S0ONCALL|@oncall> three")
    with session_scope(engine) as session:
        kept = session.exec(select(Mention.sender_id).where(Mention.responder_id == responder.id))
        assert sorted(kept.all()) == ["UBOB", "UCAROL"]
