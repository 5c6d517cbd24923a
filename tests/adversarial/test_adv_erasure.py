"""Items 11 and 12 attacks: erasure removes every row naming the person; reactivation."""

from datetime import timedelta

from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from bot.accounts.personal_data import erase, purge_departed
from tests.bot.flows import open_form, save, stored
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.bot.team.team_flows import ask
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}
RETENTION = timedelta(days=30)


def _rows_naming(engine: Engine, who: str) -> list[str]:
    found = []
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(text(f'SELECT * FROM "{table.name}"')):
                if who in str(tuple(row)):
                    found.append(f"{table.name}: {tuple(row)}"[:300])
    return found


def test_adv_erasing_bob_leaves_no_row_that_names_him(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOB", "UBOT"])
    # Alice is out, Carol her backup, copies to Bob; Bob writes to her and clicks both buttons.
    out(engine, backup_id="UCAROL", forward_to="UBOB")
    slack.message("UBOB", GENERAL, "<@UALICE> the invoice?")
    [answer] = replies_to(fake, "UBOB")
    slack.click("UBOB", action_id="reply_notify_backup", message=answer, channel_id=GENERAL)
    slack.click("UBOB", action_id="reply_remind_me", message=answer, channel_id=GENERAL)
    # Carol is away too, Bob her backup; Bob has his own responder and a group one.
    out(engine, "UCAROL", backup_id="UBOB")
    save(slack, fake, "UBOB", "from 14 December to 16 December")
    modal = open_form(slack, fake, "UBOB", "from 21 December to 23 December")
    slack.click("UBOB", action_id="kind", view_id=modal["id"], option="shared")
    slack.submit("UBOB", fake.modal("UBOB")["id"], {"target": ONCALL, "forward_channel": "C0GENERAL"})
    # Bob saves a team and sets a digest.
    ask(slack, fake, "UBOB", "set @oncall")
    ask(slack, fake, "UBOB", "digest <#C0LEADS|team-leads> 09:00 @oncall")
    slack.message("UBOB", GENERAL, "<@UCAROL> are you there?")
    assert _rows_naming(engine, "UBOB"), "the setup recorded nothing about Bob"

    erase(engine, team_id="T0001", user_id="UBOB")
    assert _rows_naming(engine, "UBOB") == []


def _user_change(deleted: bool) -> dict[str, object]:
    return {"type": "user_change", "user": {"id": "UALICE", "team_id": "T0001", "deleted": deleted}}


def test_adv_deactivated_reactivated_then_deactivated_again_counts_from_the_last_time(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from 14 December to 16 December")
    slack.event(_user_change(True))
    clock.advance(days=20)
    slack.event(_user_change(False))
    clock.advance(days=5)
    slack.event(_user_change(True))
    clock.advance(days=10)  # 35 days after the first, 10 after the last deactivation
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]


def test_adv_reactivation_seen_only_as_a_profile_change_without_team_id(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Slack's user_change on reactivation carries the full user object; "deleted": false.
    save(slack, fake, "UALICE", "from 14 December to 16 December")
    slack.event(_user_change(True))
    clock.advance(days=1)
    slack.event({"type": "user_change", "user": {"id": "UALICE", "deleted": False, "is_bot": False}})
    clock.advance(days=40)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]


def test_adv_control_without_the_retry_nothing_is_erased(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "from 14 December to 16 December")
    slack.event(_user_change(True), event_id="Ev0DEACT")
    slack.event(_user_change(False), event_id="Ev0REACT")
    clock.advance(days=40)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0


def test_adv_a_retried_deactivation_is_deduplicated_like_any_event(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # The same delivery twice, then a reactivation: the reactivation must win.
    save(slack, fake, "UALICE", "from 14 December to 16 December")
    slack.event(_user_change(True), event_id="Ev0DEACT")
    slack.event(_user_change(True), event_id="Ev0DEACT", retry_num=1, retry_reason="http_timeout")
    slack.event(_user_change(False), event_id="Ev0REACT")
    clock.advance(days=40)
    assert purge_departed(engine, now=clock(), retention=RETENTION) == 0


def test_adv_erasing_the_backup_keeps_the_absent_persons_responder_and_its_digest(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Bob is Alice's backup and gets her copies; Carol wrote to Alice. Erasing Bob must not
    # erase Alice's responder, nor Carol's message from Alice's digest.
    alice = out(engine, backup_id="UBOB", forward_to="UBOB")
    slack.message("UCAROL", GENERAL, "<@UALICE> the invoice?")
    erase(engine, team_id="T0001", user_id="UBOB")
    assert [r.owner_id for r in stored(engine)] == ["UALICE"]
    clock.set(alice.ends_at)
    slack.settle()
    digest = [m for m in fake.messages_to("UALICE") if "UCAROL" in str(m.get("blocks"))]
    assert digest, [m["text"] for m in fake.messages_to("UALICE")]


def test_adv_an_ended_responder_edited_to_new_dates_is_not_purged_at_old_end_plus_retention(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    from bot.replies.retention import purge

    save(slack, fake, "UALICE", "from 7 December to 9 December")
    [alice] = stored(engine)
    clock.set(alice.ends_at + timedelta(days=25))
    slack.settle()
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    modal = fake.modal("UALICE")
    slack.submit("UALICE", modal["id"], {"when": "from 11 January to 15 January"})
    [edited] = stored(engine)
    assert edited.starts_at.month == 1, "the edit was not saved"
    clock.set(alice.ends_at + timedelta(days=31))
    purge(engine, now=clock(), days=30)
    assert [r.id for r in stored(engine)] == [alice.id]
