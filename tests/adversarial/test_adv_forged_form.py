"""Item 1 attacks, other fields: forged conversation values in the form's submission."""

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import open_form, save, stored
from tests.bot.replies.replying import GENERAL
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import on
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

EXEC = "G0EXEC"  # private, ooo and Bob in it, Alice not


def _exec(fake: FakeSlack) -> None:
    fake.add_channel(EXEC, "exec", members=["UBOB", "UBOT"], is_private=True)


def test_adv_announcing_into_a_private_channel_one_is_not_in(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    _exec(fake)
    save(slack, fake, "UALICE", "from Monday to Wednesday", announce_in=[EXEC])
    run_at(engine, clock, effects, on(30))
    assert fake.messages_to(EXEC) == [], [m["text"] for m in fake.messages_to(EXEC)]


def test_adv_forwarding_copies_into_a_private_channel_one_is_not_in(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    _exec(fake)
    save(slack, fake, "UALICE", "today until Monday", forward_to=EXEC)
    clock.advance(minutes=1)
    slack.message("UCAROL", GENERAL, "<@UALICE> lunch?")
    assert fake.messages_to(EXEC) == [], [m["text"] for m in fake.messages_to(EXEC)]


def test_adv_a_group_responders_copies_into_a_private_channel_its_owner_is_not_in(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    _exec(fake)
    modal = open_form(slack, fake, "UALICE", "today until Monday")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    oncall = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"target": oncall, "forward_channel": EXEC})
    clock.advance(minutes=1)
    slack.message("UCAROL", GENERAL, "<!subteam^S0ONCALL|@oncall> prod is down")
    assert fake.messages_to(EXEC) == [], [m["text"] for m in fake.messages_to(EXEC)]


def test_adv_a_backup_forged_as_a_channel_turns_notify_into_a_channel_post(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # "Who to contact instead" is a users_select; Alice submits a channel id there.
    from tests.bot.replies.replying import replies_to

    fake.add_channel("C0DESK", "desk", members=["UCAROL", "UBOT"])
    fake.allow("user_not_found")  # ooo looks the "person" C0DESK up
    save(slack, fake, "UALICE", "today until Monday", backup="C0DESK")
    clock.advance(minutes=1)
    slack.message("UBOB", GENERAL, "<@UALICE> lunch?")
    for answer in replies_to(fake, "UBOB"):
        for block in answer.get("blocks", []):
            for element in block.get("elements", []):
                if element.get("action_id") == "reply_notify_backup":
                    slack.click("UBOB", action_id="reply_notify_backup", message=answer, channel_id=GENERAL)
    assert fake.notified_in("C0DESK") == set(), fake.notified_in("C0DESK")
    assert fake.messages_to("C0DESK") == [], [m["text"] for m in fake.messages_to("C0DESK")]
    assert [r.backup_id for r in stored(engine)] in ([None], []), [r.backup_id for r in stored(engine)]
