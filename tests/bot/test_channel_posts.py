"""Nothing ooo posts in a channel notifies anyone: people and groups are shown by name."""

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from tests.bot.flows import open_form, save, texts
from tests.bot.replies.replying import GENERAL, out
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import ask, away, on
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# Alice is away from Monday 30 November to Wednesday 2 December (Paris); it starts then.
AWAY = "from Monday to Wednesday"
DESK = "C0DESK"


def said(message: dict[str, object]) -> str:
    """Everything a message shows: its text and its blocks."""
    return f"{message['text']}\n{texts(message.get('blocks') or [])}"  # type: ignore[arg-type]


def test_it_announces_alice_and_her_backup_by_name(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY, announce_in=[GENERAL], forward_to="UBOB")
    run_at(engine, clock, effects, on(30))
    [announcement] = fake.messages_to(GENERAL)
    assert fake.notified_in(GENERAL) == set()
    assert said(announcement).startswith("alice is out until")
    assert "For anything urgent: bob" in said(announcement)


def test_it_announces_a_group_responder_without_pinging_the_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    modal = open_form(slack, fake, "UALICE", AWAY)
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    oncall = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}
    chosen = {"target": oncall, "forward_channel": GENERAL, "announce_in": [GENERAL]}
    slack.submit("UALICE", modal["id"], chosen)
    run_at(engine, clock, effects, on(30))
    [announcement] = fake.messages_to(GENERAL)
    assert fake.notified_in(GENERAL) == set()
    assert "oncall is out until" in said(announcement)


def test_it_forwards_a_copy_into_a_channel_naming_bob_and_alice(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel(DESK, "desk", members=["UCAROL", "UBOT"])
    out(engine, forward_to=DESK)
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [copy] = fake.messages_to(DESK)
    assert fake.notified_in(DESK) == set()
    assert said(copy).startswith("bob wrote to alice")


def test_it_posts_the_team_digest_naming_the_absent_and_their_backups(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    away(engine, "UALICE", on(30), on(3, 12), backup="UCAROL")
    away(engine, "UBOB", on(2, 12), on(4, 12))
    ask(slack, fake, "UCAROL", "digest <#C0LEADS|team-leads> 09:00 <!subteam^S0ONCALL|@oncall>")
    clock.set(on(30, hour=10))
    sweep_digests(engine, clock())
    effects.deliver_due()
    [digest] = fake.messages_to("C0LEADS")
    assert fake.notified_in("C0LEADS") == set()
    assert "alice · back" in said(digest) and "contact carol instead" in said(digest)
    assert "bob · from" in said(digest)


def test_it_says_a_colleague_rather_than_ping_when_slack_gives_no_name(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY, announce_in=[GENERAL], forward_to="UBOB")
    fake.fail("users.info", "internal_error")
    run_at(engine, clock, effects, on(30))
    [announcement] = fake.messages_to(GENERAL)
    assert fake.notified_in(GENERAL) == set()
    assert said(announcement).startswith("A colleague is out until")
    assert "For anything urgent: a colleague" in said(announcement)
