"""Item 1 attacks: who may speak for a group or channel, and one at a time."""

import threading
from typing import Any

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import block_ids, open_form, stored
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.responders.test_manage import choose
from tests.bot.team.team_flows import on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ONCALL = {"text": {"type": "plain_text", "text": "@oncall"}, "value": "S0ONCALL"}


def _shared(
    slack: SlackDriver, fake: FakeSlack, user: str, target: dict[str, Any], when: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    modal = open_form(slack, fake, user, when)
    slack.click(user, action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal(user)
    reply = slack.submit(user, modal["id"], {"target": target, "forward_channel": "C0GENERAL"})
    return modal, (reply.json() if reply.text else {})


def test_adv_overlap_with_an_until_further_notice_group_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Alice speaks for @oncall until further notice; Bob then sets one for next week.
    _shared(slack, fake, "UALICE", ONCALL, "until further notice")
    assert len(stored(engine)) == 1 and stored(engine)[0].ends_at is None
    modal, answer = _shared(slack, fake, "UBOB", ONCALL, "from 8 December to 12 December")
    assert answer.get("response_action") == "errors", answer
    assert "already has a responder" in str(answer["errors"][block_ids(modal)["target"]])
    assert len(stored(engine)) == 1


def test_adv_overlap_race_two_members_submit_at_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Alice and Bob press Save at the same moment for the same days of @oncall.
    modals = {}
    for user in ("UALICE", "UBOB"):
        modal = open_form(slack, fake, user, "from 8 December to 12 December")
        slack.click(user, action_id="kind", view_id=modal["id"], option="shared")
        modals[user] = fake.modal(user)
    go = threading.Barrier(2)

    def submit(user: str) -> None:
        go.wait()
        slack.submit(user, modals[user]["id"], {"target": ONCALL, "forward_channel": "C0GENERAL"})

    threads = [threading.Thread(target=submit, args=(u,)) for u in modals]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    owners = [r.owner_id for r in stored(engine) if r.target_id == "S0ONCALL"]
    assert len(owners) == 1, f"two responders speak for @oncall at once: {owners}"


def test_adv_a_member_far_down_a_large_channels_member_list_may_speak_for_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # #big has 450 members; Alice is the last one Slack lists, on the fifth page.
    crowd = [f"U{n:05d}" for n in range(449)]
    for user in crowd:
        fake.add_user(user, user.lower())
    fake.add_channel("C0BIG", "big", members=[*crowd, "UALICE", "UBOT"])
    fake.paginate(100)
    big = {"text": {"type": "plain_text", "text": "#big"}, "value": "C0BIG"}
    modal, answer = _shared(slack, fake, "UALICE", big, "from 8 December to 12 December")
    assert answer.get("response_action") != "errors", answer
    assert [r.target_id for r in stored(engine)] == ["C0BIG"]


def test_adv_an_outsider_of_a_large_channel_is_still_refused(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    crowd = [f"U{n:05d}" for n in range(449)]
    for user in crowd:
        fake.add_user(user, user.lower())
    fake.add_channel("C0BIG", "big", members=[*crowd, "UBOT"])
    fake.paginate(100)
    big = {"text": {"type": "plain_text", "text": "#big"}, "value": "C0BIG"}
    modal, answer = _shared(slack, fake, "UCAROL", big, "from 8 December to 12 December")
    assert answer.get("response_action") == "errors", answer
    assert stored(engine) == []


def test_adv_editing_into_an_overlap_with_another_members_group_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _shared(slack, fake, "UALICE", ONCALL, "from 7 December to 9 December")
    _shared(slack, fake, "UBOB", ONCALL, "from 14 December to 16 December")
    assert len(stored(engine)) == 2
    bobs = [m for m in fake.messages_to("UBOB") if m.get("blocks")]
    slack.click("UBOB", action_id="responder_edit", message=bobs[-1])
    modal = fake.modal("UBOB")
    answer = slack.submit("UBOB", modal["id"], {"when": "from 8 December to 16 December"})
    body = answer.json() if answer.text else {}
    assert body.get("response_action") == "errors", body
    assert [r.starts_at.day for r in stored(engine) if r.owner_id == "UBOB"] == [14]


def test_adv_no_announcement_for_a_group_its_owner_left_before_the_start(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    modal = open_form(slack, fake, "UALICE", "from Monday to Wednesday")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    chosen = {"target": ONCALL, "forward_channel": "C0GENERAL", "announce_in": ["C0GENERAL"]}
    slack.submit("UALICE", modal["id"], chosen)
    assert len(stored(engine)) == 1
    fake.leave("S0ONCALL", "UALICE")
    run_at(engine, clock, effects, on(30))
    posted = [m["text"] for m in fake.messages_to("C0GENERAL")]
    assert posted == [], posted


def test_adv_a_member_who_left_cannot_end_the_groups_responder_from_an_old_list(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    _shared(slack, fake, "UALICE", ONCALL, "until next Friday")
    clock.advance(hours=1)
    [responder] = stored(engine)
    bobs = slack.command("UBOB", "list").json()
    fake.leave("S0ONCALL", "UBOB")
    clock.advance(seconds=61)
    choose(slack, "UBOB", f"end:{responder.id}", message=bobs)
    confirm = fake.modal("UBOB")
    if confirm is not None and confirm["title"]["text"] == "End responder?":
        slack.submit("UBOB", confirm["id"])
    [after] = stored(engine)
    assert after.ends_at is not None and after.ends_at > clock(), "Bob, no longer in @oncall, ended it"


def test_adv_turning_a_personal_responder_into_an_overlapping_group_one_by_editing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _shared(slack, fake, "UALICE", ONCALL, "from 7 December to 11 December")
    modal = open_form(slack, fake, "UBOB", "from 8 December to 10 December")
    slack.submit("UBOB", modal["id"])
    assert len(stored(engine)) == 2
    bobs = [m for m in fake.messages_to("UBOB") if m.get("blocks")]
    slack.click("UBOB", action_id="responder_edit", message=bobs[-1])
    edit = fake.modal("UBOB")
    kinds = [b for b in edit["blocks"] if b.get("element", {}).get("action_id") == "kind"]
    if not kinds:
        return  # the edit form does not offer changing the kind: nothing to attack
    slack.click("UBOB", action_id="kind", view_id=edit["id"], option="shared")
    edit = fake.modal("UBOB")
    reply = slack.submit("UBOB", edit["id"], {"target": ONCALL, "forward_channel": "C0GENERAL"})
    body = reply.json() if reply.text else {}
    speaking = [r.owner_id for r in stored(engine) if r.target_id == "S0ONCALL"]
    assert len(speaking) == 1, (speaking, body)
