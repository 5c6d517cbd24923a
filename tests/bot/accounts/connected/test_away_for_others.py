"""An absence Alice (an admin) sets for Bruno acts as Bruno only with his own connected account:
the form offers his status and snooze from his account, and no step ever uses Alice's token."""

from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import Engine

from bot.blocks.account import CONNECT_BUTTON
from bot.outbox.worker import EffectWorker
from tests.bot.accounts.conftest import ALICE
from tests.bot.accounts.connected.test_direct_messages import connect_directly
from tests.bot.accounts.connected.test_options import choices
from tests.bot.flows import open_form, stored, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

BOB = "UBRUNO"
AS_SOMEONE = ("users.profile.set", "users.profile.get", "dnd.setSnooze", "dnd.endSnooze")


def test_without_brunos_account_his_form_offers_neither_his_status_nor_alices_link(
    connect_alice: Callable[..., httpx.Response], slack: SettlingDriver, fake: FakeSlack
) -> None:
    fake.add_user(ALICE, "alice", tz="Europe/Paris", role="admin")
    fake.add_user(BOB, "bruno", tz="America/New_York")
    connect_alice()
    modal = open_form(slack, fake, ALICE, f"for <@{BOB}> tomorrow")
    assert choices(modal, "notify") == ["notify_self"]
    assert CONNECT_BUTTON not in str(modal["blocks"])
    assert "has not turned that on" not in texts(modal["blocks"])


def test_brunos_status_and_snooze_are_set_with_his_token_never_alices(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_user(ALICE, "alice", tz="Europe/Paris", role="admin")
    fake.add_user(BOB, "bruno", tz="America/New_York")
    connect_alice()
    connect_directly(engine, fake, BOB)
    modal = open_form(slack, fake, ALICE, f"for <@{BOB}> from today to Friday")
    ticked = ["notify_self", "set_status", "pause_notifications"]
    assert choices(modal, "notify") == ticked
    slack.submit(ALICE, modal["id"], {"notify": ticked})
    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_status, absence.pause_notifications) == (BOB, True, True)

    run_at(engine, clock, effects, clock() + timedelta(seconds=1))
    assert fake.status_of(BOB)[0].startswith("Vacation · back ")
    assert fake.snooze_of(BOB) is not None
    assert fake.status_of(ALICE)[0] == "" and fake.snooze_of(ALICE) is None
    acting = [c for c in fake.calls if c.method in AS_SOMEONE]
    # The fake names each user token after its person: every call acting as someone is Bruno's.
    assert acting and all((c.token or "").startswith("xoxp-ubruno-") for c in acting)
