"""A closure whose application was cut short (the process died after a chunk) is finished by
the outbox: the members it reached are left as they are, the others get their days."""

from sqlalchemy import Engine

from bot.closures import applying
from bot.core.closures import Member
from bot.core.workspace import Workspace
from storage.db import session_scope
from storage.models import ClosureRow
from tests.bot.closures.closure_flows import ask_to_close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def test_a_closure_cut_short_after_alice_is_finished_for_bob_and_carol(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    ask_to_close(slack, fake, "UALICE", "<#C0GENERAL> 24 Dec Office closed")
    # What Close did before the process died: claimed it, and applied its first chunk.
    assert applying.claim(
        engine,
        workspace=Workspace("T0001"),
        closure_id=1,
        author="UALICE",
        tz="Europe/Paris",
        now=clock(),
    )
    with session_scope(engine) as session:
        row = session.get(ClosureRow, 1)
    assert row is not None
    applying.apply_to(engine, row, [Member("UALICE", "Europe/Paris")], tz="UTC", now=clock())
    assert states(engine) == {"UALICE": "applied"}

    slack.settle()  # another worker takes the application up

    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE", "UBOB", "UCAROL"]
    assert states(engine)["UBOB"] == states(engine)["UCAROL"] == "applied"
    told = [m for m in fake.messages_to("UALICE") if "closed the office" in str(m.get("text"))]
    assert len(told) == 1
    done = [m["text"] for m in fake.messages_to("UALICE") if "Closed for" in m["text"]]
    assert len(done) == 1 and done[0].startswith(":office: Closed for 3 people")
