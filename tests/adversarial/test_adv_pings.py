"""Item 9 attacks: names and labels that carry mention syntax never ping a channel."""

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from tests.bot.flows import open_form, save
from tests.bot.replies.replying import GENERAL, out
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import ask, away, on
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

AWAY = "from Monday to Wednesday"
NAMES = ["<!channel>", "<!here|here>", "<@UCAROL>", "<!subteam^S0ONCALL|@oncall>"]


@pytest.mark.parametrize("name", NAMES)
def test_adv_an_announcement_for_someone_named_like_a_mention(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker,
    name: str,
) -> None:
    fake.add_user("UALICE", name, tz="Europe/Paris", real_name=name)
    fake.add_user("UBOB", f"b{name}", tz="America/New_York", real_name=name)
    save(slack, fake, "UALICE", AWAY, announce_in=[GENERAL], forward_to="UBOB")
    run_at(engine, clock, effects, on(30))
    assert fake.messages_to(GENERAL), "nothing was announced"
    assert fake.notified_in(GENERAL) == set(), fake.messages_to(GENERAL)[0]["text"]


@pytest.mark.parametrize("name", NAMES)
def test_adv_a_forwarded_copy_for_people_named_like_mentions(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, name: str
) -> None:
    fake.add_channel("C0DESK", "desk", members=["UCAROL", "UBOT"])
    fake.add_user("UALICE", name, tz="Europe/Paris", real_name=name)
    fake.add_user("UBOB", f"b{name}", tz="America/New_York", real_name=name)
    out(engine, forward_to="C0DESK")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    assert fake.messages_to("C0DESK"), "no copy"
    assert fake.notified_in("C0DESK") == set(), fake.messages_to("C0DESK")[0]["text"]


@pytest.mark.parametrize("name", NAMES)
def test_adv_a_team_digest_for_people_named_like_mentions(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker,
    name: str,
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    fake.add_user("UALICE", name, tz="Europe/Paris", real_name=name)
    away(engine, "UALICE", on(30), on(3, 12), backup="UBOB")
    fake.add_user("UBOB", f"b{name}", tz="America/New_York", real_name=name)
    ask(slack, fake, "UCAROL", "digest <#C0LEADS|team-leads> 09:00 <!subteam^S0ONCALL|@oncall>")
    clock.set(on(30, hour=10))
    sweep_digests(engine, clock())
    effects.deliver_due()
    assert fake.messages_to("C0LEADS"), "no digest"
    assert fake.notified_in("C0LEADS") == set()


def test_adv_a_group_announcement_whose_group_name_is_a_broadcast(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_usergroup("S0ONCALL", "oncall", "<!channel>", users=["UALICE", "UBOB"])
    modal = open_form(slack, fake, "UALICE", AWAY)
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    oncall = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}
    chosen = {"target": oncall, "forward_channel": GENERAL, "announce_in": [GENERAL]}
    slack.submit("UALICE", modal["id"], chosen)
    run_at(engine, clock, effects, on(30))
    assert fake.messages_to(GENERAL)
    assert fake.notified_in(GENERAL) == set()
