"""Responders switch on and off by themselves, exactly once, and tell their owner."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.responders.transitions import apply_due
from bot.scheduler import Scheduler
from storage import lifecycle_queries
from storage.db import session_scope
from tests.bot.flows import save, stored, texts
from tests.bot.responders.lifecycle_steps import dm_texts, run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

# "/ooo from Monday to Wednesday" on Friday 27 November, for Alice in Paris (UTC+1).
AWAY = "from Monday to Wednesday"
STARTS = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
REMINDS = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
ENDS = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)


WELCOME_BACK = "Your out-of-office responder is off. Welcome back!"


def lifecycle_dms(fake: FakeSlack, user: str = "UALICE") -> list[str]:
    """The DMs the transitions sent (not those confirming a save or a deletion)."""
    confirmations = (" is set", " is updated", ") is deleted.", "was changed since")
    return [t for t in dm_texts(fake, user) if not any(c in t for c in confirmations)]


def reminder_of(fake: FakeSlack) -> dict[str, object]:
    """The latest "You're back …. Extend?" DM Alice got."""
    reminders = [m for m in fake.messages_to("UALICE") if m["text"].startswith("You're back")]
    assert reminders, "no reminder was sent"
    return reminders[-1]


def test_it_switches_on_at_the_start_and_off_at_the_end_exactly_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    assert run_at(engine, clock, effects) == []
    assert run_at(engine, clock, effects, STARTS - timedelta(seconds=1)) == []
    [on] = run_at(engine, clock, effects, STARTS)
    assert (on.move, on.due_since) == ("on", STARTS)
    assert run_at(engine, clock, effects, STARTS + timedelta(seconds=5)) == []
    [dm] = lifecycle_dms(fake)
    assert dm.startswith("Your out-of-office responder is on until <!date^")
    home = fake.home("UALICE")
    assert home is not None and "You're out until" in texts(home["blocks"])
    run_at(engine, clock, effects, ENDS)
    run_at(engine, clock, effects, ENDS + timedelta(hours=1))
    # The clock jumped past the reminder's time: it is not sent once the end has come.
    assert lifecycle_dms(fake) == [dm, WELCOME_BACK]
    home = fake.home("UALICE")
    assert home is not None and "No responder is on." in texts(home["blocks"])


def test_every_message_carries_its_effect_key(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    [responder] = stored(engine)
    on = fake.messages_to("UALICE")[-1]
    assert on["metadata"]["event_payload"]["effect"] == f"responder:{responder.id}:on:dm:0"


def test_it_reminds_the_day_before_and_extends_by_one_click(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS)
    run_at(engine, clock, effects, REMINDS - timedelta(seconds=1))
    assert len(lifecycle_dms(fake)) == 1
    run_at(engine, clock, effects, REMINDS)
    slack.click("UALICE", action_id="responder_extend_day", message=reminder_of(fake))
    [responder] = stored(engine)
    assert responder.ends_at == ENDS + timedelta(days=1)
    assert fake.messages_to("UALICE")[-1]["text"].startswith("Extended:")
    run_at(engine, clock, effects, ENDS)
    assert not any(t == WELCOME_BACK for t in lifecycle_dms(fake))
    run_at(engine, clock, effects, REMINDS + timedelta(days=1))
    assert lifecycle_dms(fake)[-1].startswith("You're back <!date^")
    run_at(engine, clock, effects, ENDS + timedelta(days=1))
    assert lifecycle_dms(fake)[-1] == WELCOME_BACK


def test_one_more_day_that_would_overlap_is_refused(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    save(slack, fake, "UALICE", "from Thursday 3 December to Friday 4 December")
    run_at(engine, clock, effects, REMINDS)
    slack.click("UALICE", action_id="responder_extend_day", message=reminder_of(fake))
    assert stored(engine)[0].ends_at == ENDS
    [refusal] = fake.ephemerals_to("UALICE")
    assert "would overlap" in refusal["text"]


def test_it_announces_in_channels_joining_public_ones_and_reports_private_ones(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_channel("C0RANDOM", "random", members=["UALICE"])
    fake.add_channel("G0SECRET", "secret", members=["UALICE"], is_private=True)
    fake.allow("not_in_channel", "channel_not_found")
    channels = ["C0GENERAL", "C0RANDOM", "G0SECRET"]
    save(slack, fake, "UALICE", AWAY, announce_in=channels, forward_to="UBOB")
    run_at(engine, clock, effects, STARTS)
    for channel in ("C0GENERAL", "C0RANDOM"):
        [message] = fake.messages_to(channel)
        assert message["text"].startswith("alice is out until <!date^")
        assert message["text"].endswith("For anything urgent: bob")
    assert fake.messages_to("G0SECRET") == []
    home = fake.home("UALICE")
    assert home is not None
    assert "I couldn't announce it in <#G0SECRET>. It's a private channel" in texts(home["blocks"])
    tries = len(fake.calls_to("chat.postMessage"))
    run_at(engine, clock, effects, STARTS + timedelta(hours=2))
    assert len(fake.calls_to("chat.postMessage")) == tries


def test_it_sends_no_dms_when_notifications_are_off_but_the_home_tab_tells_the_truth(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY, notify=[])
    run_at(engine, clock, effects, STARTS)
    run_at(engine, clock, effects, REMINDS)
    home = fake.home("UALICE")
    assert home is not None and "You're out until" in texts(home["blocks"])
    run_at(engine, clock, effects, ENDS)
    assert lifecycle_dms(fake) == []


def test_it_switches_on_at_once_when_the_start_is_now(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", "until further notice")
    run_at(engine, clock, effects)
    assert lifecycle_dms(fake) == ["Your out-of-office responder is on until you turn it off."]


@pytest.mark.parametrize("how", ["off command", "delete"])
def test_ending_or_deleting_an_active_one_welcomes_back(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    how: str,
) -> None:
    save(slack, fake, "UALICE", "until further notice")
    run_at(engine, clock, effects)
    if how == "off command":
        slack.command("UALICE", "off")
    else:
        [responder] = stored(engine)
        slack.click("UALICE", action_id="responder_delete", message=fake.messages_to("UALICE")[0])
        slack.submit("UALICE", fake.modal("UALICE")["id"])  # type: ignore[index]
        assert responder.id is not None
    run_at(engine, clock, effects)
    assert lifecycle_dms(fake)[-1] == WELCOME_BACK
    run_at(engine, clock, effects, clock() + timedelta(days=1))
    assert len(lifecycle_dms(fake)) == 2


def test_deleting_a_scheduled_one_just_removes_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    slack.click("UALICE", action_id="responder_delete", message=fake.messages_to("UALICE")[0])
    slack.submit("UALICE", fake.modal("UALICE")["id"])  # type: ignore[index]
    run_at(engine, clock, effects, STARTS)
    run_at(engine, clock, effects, ENDS)
    assert lifecycle_dms(fake) == []


def test_it_says_since_when_after_being_down_across_the_start(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS + timedelta(hours=5))
    [dm] = lifecycle_dms(fake)
    assert dm.startswith("Your out-of-office responder has been on since <!date^")
    assert "|Monday, November 30, 2026>, until" in dm


def test_it_only_welcomes_back_after_being_down_across_the_whole_absence(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    [off] = run_at(engine, clock, effects, ENDS + timedelta(hours=2))
    assert off.move == "off"
    assert lifecycle_dms(fake) == [WELCOME_BACK]


def test_an_edit_moving_the_start_earlier_reschedules_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    slack.click("UALICE", action_id="responder_edit", message=fake.messages_to("UALICE")[0])
    modal = fake.modal("UALICE")
    assert modal is not None
    slack.submit("UALICE", modal["id"], {"start_date": "2026-11-28"})
    saturday = datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
    assert run_at(engine, clock, effects, saturday - timedelta(seconds=1)) == []
    [on] = run_at(engine, clock, effects, saturday)
    assert on.revision == 1


def test_an_end_moved_into_the_past_turns_it_off_now(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, STARTS + timedelta(days=1))
    slack.click("UALICE", action_id="responder_edit", message=fake.messages_to("UALICE")[0])
    modal = fake.modal("UALICE")
    assert modal is not None
    slack.submit("UALICE", modal["id"], {"end_date": "2026-11-30"})
    run_at(engine, clock, effects)
    assert lifecycle_dms(fake)[-1] == WELCOME_BACK
    assert stored(engine)[0].ends_at == clock()


def test_racing_passes_apply_each_transition_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    for user in ("UALICE", "UBOB", "UCAROL", "UDIDIER"):
        save(slack, fake, user, AWAY)
    results: list[int] = []
    clock.set(STARTS + timedelta(days=1))  # every zone's Monday has begun

    def one_pass() -> None:
        results.append(len(apply_due(engine, clock())))

    passes = [threading.Thread(target=one_pass) for _ in range(4)]
    for thread in passes:
        thread.start()
    for thread in passes:
        thread.join()
    assert sum(results) == 4
    with session_scope(engine) as session:
        assert len(lifecycle_queries.transitions(session)) == 4


def test_the_scheduler_wakes_for_the_next_due_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, scheduler: Scheduler
) -> None:
    save(slack, fake, "UALICE", AWAY)
    assert scheduler.run() == []
    with session_scope(engine) as session:
        assert lifecycle_queries.next_wake(session) == STARTS


@pytest.mark.parametrize("where", ["on DM", "Home tab"])
def test_end_now_from_the_on_dm_or_the_home_tab_welcomes_back(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
    where: str,
) -> None:
    save(slack, fake, "UALICE", "until further notice")
    if where == "on DM":
        [on] = [m for m in fake.messages_to("UALICE") if " is on " in m["text"]]
        slack.click("UALICE", action_id="responder_end", message=on)
    else:
        home = fake.home("UALICE")
        assert home is not None
        slack.click("UALICE", action_id="responder_end", view_id=home["id"])
    confirm = fake.modal("UALICE")
    assert confirm is not None and confirm["title"]["text"] == "End responder?"
    slack.submit("UALICE", confirm["id"])
    assert lifecycle_dms(fake)[-1] == WELCOME_BACK
    assert stored(engine)[0].ends_at == clock()


def test_one_more_day_is_still_confirmed_when_the_reminder_cannot_be_edited(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save(slack, fake, "UALICE", AWAY)
    run_at(engine, clock, effects, REMINDS)
    fake.allow("message_not_found")
    fake.fail_next("chat.update", "message_not_found")
    reply = slack.click("UALICE", action_id="responder_extend_day", message=reminder_of(fake))
    assert reply.status == 200
    [responder] = stored(engine)
    assert responder.ends_at == ENDS + timedelta(days=1)
    assert fake.messages_to("UALICE")[-1]["text"].startswith("Extended:")
