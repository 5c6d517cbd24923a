"""Item 14 attacks: many different failures keep the Home tab valid and few publishes."""

from datetime import timedelta

from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.replies.replying import GENERAL, out
from tests.bot.responders.test_manage import open_home
from tests.conftest import NOW, SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

SENDERS = 120


def test_adv_replies_that_fail_for_many_different_senders(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    senders = [f"UX{n:04d}" for n in range(SENDERS)]
    for user in senders:
        fake.add_user(user, f"person{user[-4:]}")
    fake.add_channel("C0BIG", "big", members=[*senders, "UALICE", "UBOT"])
    out(engine, ends_at=NOW + timedelta(days=10))
    fake.fail("chat.postEphemeral", "user_not_found")
    fake.fail("chat.postMessage", "user_not_found")
    for batch in range(0, SENDERS, 30):
        for user in senders[batch : batch + 30]:
            slack.message(user, "C0BIG", "<@UALICE> quick question")
        clock.advance(hours=1, seconds=1)
        slack.settle()
    fake.fail("chat.postMessage", None)
    home = open_home(slack, fake, "UALICE")
    publishes = len(fake.calls_to("views.publish"))
    shown = texts(home["blocks"])
    print("PUBLISHES", publishes, "BLOCKS", len(home["blocks"]), "WARNINGS", shown.count(":warning:"))
    print(shown[:1500])
    assert len(home["blocks"]) <= 100
    assert publishes <= 12, publishes
    assert shown.count(":warning:") <= 5
