"""The status ooo sets says the type of absence, or only "Out of office" when it is hidden."""

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import Engine

from bot.core.leave_types import BUILTINS, rename
from bot.core.workspace import Workspace
from bot.organisation.settings import types_to
from bot.outbox.worker import EffectWorker
from storage import setting_queries
from storage.db import session_scope
from tests.bot.accounts.conftest import ALICE, TEAM
from tests.bot.responders.lifecycle_steps import add_responder, responder_row, run_at
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def _away(engine: Engine, clock: FakeClock, **fields: object) -> int:
    now = clock()
    return add_responder(
        engine,
        ALICE,
        starts_at=now,
        ends_at=now + timedelta(days=3),
        saved_at=now,
        set_status=True,
        **fields,
    )


@pytest.mark.parametrize(
    ("fields", "emoji", "said"),
    [
        ({"leave_type": "vacation"}, ":palm_tree:", "Vacation · back "),
        ({"leave_type": "business_trip"}, ":airplane:", "Business trip or conference · back "),
        ({"leave_type": "sick"}, ":calendar:", "Out of office · back "),
        ({"leave_type": "vacation", "hide_reason": True}, ":calendar:", "Out of office · back "),
        ({"leave_type": "sick", "hide_reason": False}, ":face_with_thermometer:", "Sick leave"),
        ({}, ":palm_tree:", "Out of office · back "),
    ],
)
def test_it_says_the_type_unless_the_reason_is_hidden(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    fields: dict[str, object],
    emoji: str,
    said: str,
) -> None:
    connect_alice()
    _away(engine, clock, **fields)
    run_at(engine, clock, effects)
    text, shown, _expiration = fake.status_of(ALICE)
    assert shown == emoji and text.startswith(said)


def test_it_says_the_name_an_admin_gave_and_knows_it_as_its_own(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    connect_alice()
    with session_scope(engine) as session:
        types = types_to(rename(BUILTINS, "vacation", "Time off"))
        setting_queries.change_workspace_setting(
            session, Workspace(TEAM), by="UERIN", now=clock(), leave_types=types
        )
    # An earlier absence's status, still up: ooo's own, so nobody's to put back.
    fake.set_status_as(ALICE, "Time off · back Mon, Nov 30", ":palm_tree:")
    responder_id = _away(engine, clock, leave_type="vacation")
    run_at(engine, clock, effects)
    text, emoji, _expiration = fake.status_of(ALICE)
    assert emoji == ":palm_tree:" and text.startswith("Time off · back ")
    run_at(engine, clock, effects, responder_row(engine, responder_id).ends_at)
    assert fake.status_of(ALICE) == ("", "", 0)
