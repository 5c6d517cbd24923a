"""Item 15 attacks: builders keep Slack's limits whatever the names Slack gives."""

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from tests.bot.flows import save
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.responders.test_manage import open_home
from tests.bot.team.team_flows import ask, away, on
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

# Slack's display names go up to 80 characters; real names are longer still.
LONG = "Maximiliana Alexandra Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff Jr"  # 80


@pytest.fixture
def long_names(fake: FakeSlack) -> None:
    fake.add_user("UALICE", LONG.replace(" ", "."), tz="Europe/Paris", real_name=LONG + " III")
    fake.add_user("UCAROL", LONG.replace(" ", "_"), tz="Europe/London", real_name=LONG + " IV")


def test_adv_reply_buttons_for_long_names(
    long_names: None, slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    out(engine, backup_id="UCAROL", forward_to="UCAROL")
    slack.message("UBOB", GENERAL, "<@UALICE> hi")
    [answer] = replies_to(fake, "UBOB")
    buttons = [
        e["text"]["text"] for b in answer.get("blocks", []) for e in b.get("elements", [])
        if e.get("type") == "button"
    ]
    assert buttons and all(len(t) <= 75 for t in buttons), buttons


def test_adv_every_surface_with_long_names(
    long_names: None,
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    save(slack, fake, "UALICE", "from Monday to Wednesday", announce_in=[GENERAL], backup="UCAROL")
    away(engine, "UCAROL", on(30), on(3, 12), backup="UALICE")
    ask(slack, fake, "UBOB", "<#C0GENERAL|general>")
    ask(slack, fake, "UCAROL", "digest <#C0LEADS|team-leads> 09:00 <#C0GENERAL|general>")
    run_at(engine, clock, effects, on(30, hour=10))
    sweep_digests(engine, clock())
    effects.deliver_due()
    slack.command("UALICE", "list")
    slack.command("UBOB", "list")
    open_home(slack, fake, "UALICE")
    assert fake.messages_to(GENERAL), "no announcement"
