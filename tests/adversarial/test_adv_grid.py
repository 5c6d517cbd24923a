"""Item 20 attacks: a workspace that joins an organisation keeps seeing all of its rows."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.home.followups import Followups
from bot.outbox.worker import EffectWorker
from bot.scheduler import Scheduler
from tests.bot.flows import block_ids, open_form, save, stored, texts
from tests.bot.replies.replying import GENERAL, replies_to
from tests.bot.team.team_flows import ask
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}


@pytest.fixture
def joined(
    app_url: str,
    fake: FakeSlack,
    followups: Followups,
    scheduler: Scheduler,
    effects: EffectWorker,
) -> SettlingDriver:
    """The same workspace, after it joined organisation E0001: Slack now sends enterprise_id."""
    return SettlingDriver(
        f"{app_url}/slack/events",
        fake,
        followups,
        scheduler=scheduler,
        effects=effects,
        enterprise_id="E0001",
    )


def test_adv_overlap_is_still_found_after_joining(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from 7 December to 11 December")
    modal = open_form(joined, fake, "UALICE", "from 9 December to 15 December")
    answer = joined.submit("UALICE", modal["id"])
    body: dict[str, Any] = answer.json() if answer.text else {}
    assert body.get("response_action") == "errors", body
    assert len(stored(engine)) == 1


def test_adv_group_overlap_is_still_found_after_joining(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "from 7 December to 11 December")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"target": ONCALL, "forward_channel": GENERAL})
    modal = open_form(joined, fake, "UBOB", "from 9 December to 15 December")
    joined.click("UBOB", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UBOB")
    answer = joined.submit("UBOB", modal["id"], {"target": ONCALL, "forward_channel": GENERAL})
    body: dict[str, Any] = answer.json() if answer.text else {}
    assert body.get("response_action") == "errors", body
    assert "already has a responder" in str(body["errors"][block_ids(modal)["target"]])


def test_adv_a_responder_made_before_joining_still_answers(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "today until Monday")
    clock.advance(minutes=1)
    joined.message("UBOB", GENERAL, "<@UALICE> hello?")
    assert len(replies_to(fake, "UBOB")) == 1


def test_adv_ooo_off_after_joining_ends_the_old_responder(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "today until Monday")
    clock.advance(minutes=1)
    joined.command("UALICE", "off")
    [responder] = stored(engine)
    assert responder.ends_at is not None and responder.ends_at <= clock()


def test_adv_saved_team_and_digests_after_joining(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOB", "UBOT"])
    ask(slack, fake, "UCAROL", "set @oncall")
    ask(slack, fake, "UCAROL", "digest <#C0LEADS|team-leads> 09:00 @oncall")
    assert "haven't saved a team" not in ask(joined, fake, "UCAROL", "")["text"]
    assert "09:00" in ask(joined, fake, "UCAROL", "digest list")["text"]
    refused = ask(joined, fake, "UBOB", "digest <#C0LEADS|team-leads> 10:00 @oncall")["text"]
    assert "set up by <@UCAROL>" in refused, refused


def test_adv_team_view_after_joining_shows_responders_made_before(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "today until Monday")
    answer = ask(joined, fake, "UCAROL", "<#C0GENERAL|general>")
    assert "<@UALICE>" in texts(answer.get("blocks", [])), answer


def test_adv_a_remind_me_clicked_before_joining_is_kept_after(
    slack: SettlingDriver, joined: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    save(slack, fake, "UALICE", "today until Monday")
    clock.advance(minutes=1)
    slack.message("UBOB", GENERAL, "<@UALICE> hello?")
    slack.click("UBOB", action_id="reply_remind_me", message=replies_to(fake, "UBOB")[0])
    joined.command("UALICE", "off")
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        ":wave: <@UALICE> is back. You asked me to let you know."
    ]


def test_adv_a_colleague_from_another_workspace_of_the_same_org_is_not_external(
    joined: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Enterprise Grid: Dan works in T0002 of the same organisation, in an org-shared #general.
    # Slack sends user_team T0002 and is_ext_shared_channel false: he is a colleague.
    from tests.bot.replies.replying import out

    fake.add_user("UDAN", "dan")
    fake.add_channel("C0ORG", "org-general", members=["UALICE", "UDAN", "UBOT"])
    out(engine, enterprise_id="E0001", external_message=None, message="Internal: ask Carol.")
    event = fake.post_as("UDAN", "C0ORG", "<@UALICE> hi", user_team="T0002", source_team="T0002")
    joined.event(event)
    shown = [str(r.get("blocks")) + r["text"] for r in replies_to(fake, "UDAN")]
    assert len(shown) == 1 and "Internal: ask Carol." in shown[0], shown
