"""The responder modal end to end: saving, every validation error, live preview and type switch."""

import json
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine

from bot.home.followups import Followups
from tests.bot.flows import block_ids, input_value, open_form, save, stored, texts, type_dates
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_inputs import view_state


def test_it_saves_a_responder_and_confirms_it_in_a_dm(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = save(slack, fake, "UALICE", "from Monday to the 15th", forward_to="UBOB")
    assert reply.status == 200 and not reply.text
    [responder] = stored(engine)
    assert (responder.team_id, responder.owner_id, responder.kind) == (
        "T0001",
        "UALICE",
        "personal",
    )
    assert responder.starts_at == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    assert responder.ends_at == datetime(2026, 12, 15, 23, 0, tzinfo=UTC)
    assert responder.forward_to == "UBOB" and responder.keep_digest
    assert "Wednesday, December 16, 2026" in responder.message
    dm = fake.last_dm("UALICE")
    assert dm is not None
    first_day_noon = responder.starts_at + timedelta(hours=12)
    assert f"<!date^{int(first_day_noon.timestamp())}^{{date_long_pretty}}" in dm["text"]
    assert "last day" in dm["text"] and "back" in dm["text"]
    buttons = [
        e["action_id"] for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == ["responder_edit", "responder_delete"]
    home = fake.home("UALICE")
    assert home is not None and "starts" in texts(home["blocks"])


def test_it_saves_a_permanent_responder(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", permanent=["permanent"], message="Gone fishing.")
    [responder] = stored(engine)
    assert responder.ends_at is None and responder.message == "Gone fishing."


def test_it_saves_pickers_with_times_in_the_users_zone(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(
        slack,
        fake,
        "UBOB",
        start_date="2026-12-01",
        start_time="09:00",
        end_date="2026-12-02",
        end_time="13:30",
    )
    [responder] = stored(engine)
    assert responder.starts_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert responder.ends_at == datetime(2026, 12, 2, 18, 30, tzinfo=UTC)
    assert responder.tz == "America/New_York"


def test_it_uses_dates_typed_but_not_yet_previewed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", when="from 7 December to 9 December")
    [responder] = stored(engine)
    assert responder.starts_at == datetime(2026, 12, 6, 23, 0, tzinfo=UTC)
    assert responder.ends_at == datetime(2026, 12, 9, 23, 0, tzinfo=UTC)


def test_it_saves_a_responder_for_a_user_group(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE", "from Monday to the 15th")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    modal = fake.modal("UALICE")
    options = slack.suggest("UALICE", modal["id"], "target", "on").json()["option_groups"]
    oncall = options[0]["options"][0]
    assert (options[0]["label"]["text"], oncall["value"]) == ("User groups", "S0ONCALL")
    slack.submit("UALICE", modal["id"], {"target": oncall, "forward_channel": "C0GENERAL"})
    [responder] = stored(engine)
    assert (responder.kind, responder.target_id, responder.target_label) == (
        "shared",
        "S0ONCALL",
        "@oncall",
    )
    assert responder.forward_to == "C0GENERAL"
    assert "<!subteam^S0ONCALL>" in fake.last_dm("UALICE")["text"]


def test_it_offers_channels_matching_what_is_typed(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    groups = slack.suggest("UALICE", modal["id"], "target", "#supp").json()["option_groups"]
    assert [(g["label"]["text"], [o["value"] for o in g["options"]]) for g in groups] == [
        ("Channels", ["C0SUPPORT"])
    ]


@pytest.mark.parametrize(
    ("text", "inputs", "field", "words"),
    [
        ("", {"start_date": None}, "start_date", "first day"),
        ("", {}, "end_date", "last day"),
        ("", {"end_date": "2026-11-20"}, "end_date", "after the start"),
        ("", {"start_date": "2026-11-01", "end_date": "2026-11-20"}, "end_date", "past"),
        ("", {"when": "when pigs fly"}, "when", "“when pigs fly”"),
        ("", {"when": "when pigs fly"}, "when", "try “"),
        ("", {"when": "yesterday"}, "when", "past"),
        ("tomorrow", {"kind": "shared"}, "target", "user group or channel"),
        ("tomorrow", {"kind": "shared"}, "forward_to", "forward"),
    ],
)
def test_it_points_at_the_field_in_error_and_saves_nothing(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    text: str,
    inputs: dict[str, object],
    field: str,
    words: str,
) -> None:
    modal = open_form(slack, fake, "UALICE", text)
    if inputs.get("kind") == "shared":
        slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
        modal = fake.modal("UALICE")
        inputs = {}
    reply = slack.submit("UALICE", modal["id"], inputs)
    answer = reply.json()
    assert answer["response_action"] == "errors"
    error = answer["errors"][block_ids(modal)[field]]
    assert words in error.lower()
    assert stored(engine) == []
    assert fake.is_open(modal["id"])


@pytest.mark.parametrize(
    ("inputs", "field", "words"),
    [
        ({"forward_to": "UBOT"}, "forward_to", "is a bot"),
        ({"forward_to": "UGHOST"}, "forward_to", "doesn't know"),
        ({"forward_channel": "C0SUPPORT"}, "forward_channel", "not in #support"),
        ({"forward_channel": "C0GONE"}, "forward_channel", "doesn't know"),
        ({"forward_channel": "D0ALICEBOB"}, "forward_channel", "direct messages"),
        ({"forward_channel": "G0TRIO"}, "forward_channel", "group dm"),
        ({"forward_to": "UBOB", "forward_channel": "C0GENERAL"}, "forward_to", "not both"),
    ],
)
def test_it_refuses_to_forward_where_the_bot_cannot_post(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    inputs: dict[str, object],
    field: str,
    words: str,
) -> None:
    fake.add_channel("G0TRIO", "mpdm-alice--bob--carol-1", members=["UALICE", "UBOT"], is_mpim=True)
    fake.allow("user_not_found", "channel_not_found")
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    answer = slack.submit("UALICE", modal["id"], inputs).json()
    assert answer["response_action"] == "errors"
    assert words in answer["errors"][block_ids(modal)[field]].lower()
    assert stored(engine) == []


def test_it_offers_people_and_public_channels_but_no_direct_messages(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    elements = {b["element"]["action_id"]: b["element"] for b in modal["blocks"] if "element" in b}
    assert elements["forward_to"]["type"] == "users_select"
    assert elements["forward_channel"]["filter"]["include"] == ["public"]


def test_it_names_the_responder_new_dates_overlap(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    modal = open_form(slack, fake, "UALICE", "from 10 December to 20 December")
    answer = slack.submit("UALICE", modal["id"]).json()
    error = answer["errors"][block_ids(modal)["start_date"]]
    assert "overlap" in error and "Nov 30" in error
    assert len(stored(engine)) == 1


def test_it_lets_bob_book_the_days_alice_booked(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    save(slack, fake, "UBOB", "from Monday to the 15th")
    assert [r.owner_id for r in stored(engine)] == ["UALICE", "UBOB"]


def test_it_previews_typed_dates_and_sets_the_pickers(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, "from 7 December to 9 December")
    updated = fake.modal("UALICE")
    assert input_value(updated, "start_date") == "2026-12-07"
    assert input_value(updated, "end_date") == "2026-12-09"
    assert "Mon, Dec 7" in texts(updated["blocks"])
    assert "Thursday, December 10, 2026" in input_value(updated, "message")


def test_it_keeps_a_message_the_person_wrote_when_dates_change(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, "from 7 December to 9 December", message="Ask Bob.")
    assert input_value(fake.modal("UALICE"), "message") == "Ask Bob."


def test_it_warns_in_the_preview_when_typed_dates_are_unreadable(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, "when pigs fly")
    updated = fake.modal("UALICE")
    assert ":warning:" in texts(updated["blocks"])
    assert input_value(updated, "start_date") == "2026-11-27"


def test_it_shows_the_group_fields_only_for_a_group_responder(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    assert "target" not in block_ids(modal)
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    assert "target" in block_ids(fake.modal("UALICE"))
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="personal")
    assert "target" not in block_ids(fake.modal("UALICE"))


def test_it_previews_picked_dates_and_drops_words_that_no_longer_apply(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    picked = {"start_date": "2026-12-07", "end_date": "2026-12-09"}
    slack.click("UALICE", action_id="end_date", view_id=modal["id"], inputs=picked)
    updated = fake.modal("UALICE")
    assert input_value(updated, "when") is None
    assert "Mon, Dec 7" in texts(updated["blocks"])
    assert "Thursday, December 10, 2026" in input_value(updated, "message")


def test_it_previews_a_responder_with_no_end(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="permanent", view_id=modal["id"], option=["permanent"])
    assert "until you turn it off" in texts(fake.modal("UALICE")["blocks"])


def test_it_names_the_overlap_on_the_typed_words_when_they_gave_the_dates(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    modal = open_form(slack, fake, "UALICE")
    answer = slack.submit("UALICE", modal["id"], {"when": "from 10 December to 20 December"})
    assert "overlap" in answer.json()["errors"][block_ids(modal)["when"]]
    assert len(stored(engine)) == 1


def test_it_keeps_the_message_for_people_outside_and_a_full_length_message(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    long_message = ("Back soon.\n" * 300)[:3000]
    save(
        slack,
        fake,
        "UALICE",
        "tomorrow",
        message=long_message,
        external_message="Please write to support@example.com.",
    )
    [responder] = stored(engine)
    assert responder.message == long_message.strip()
    assert responder.external_message == "Please write to support@example.com."
    assert fake.last_dm("UALICE") is not None


def test_it_stores_a_range_across_the_change_to_summer_time(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    save(slack, fake, "UALICE", "from 27 March to 29 March")
    [responder] = stored(engine)
    assert responder.starts_at == datetime(2027, 3, 26, 23, 0, tzinfo=UTC)
    assert responder.ends_at == datetime(2027, 3, 29, 22, 0, tzinfo=UTC)


def test_it_asks_slack_for_groups_and_channels_once_a_minute(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock
) -> None:
    fake.fail("usergroups.list", "plan_upgrade_required")
    view_id = _shared_form(slack, fake)
    for query in ("g", "ge", "gen"):
        assert _suggested(slack, view_id, query) == ["C0GENERAL"]
    assert len(fake.calls_to("usergroups.list")) == 1
    assert len(fake.calls_to("conversations.list")) == 1
    clock.advance(seconds=61)
    assert _suggested(slack, view_id, "gene") == ["C0GENERAL"]
    fake.wait_for(lambda: len(fake.calls_to("conversations.list")) == 2)
    assert len(fake.calls_to("usergroups.list")) == 2


def test_it_answers_the_menu_in_time_when_slack_is_slow(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    view_id = _shared_form(slack, fake)
    fake.delay("conversations.list", 4.0)
    started = time.monotonic()
    assert _suggested(slack, view_id, "") == ["S0ONCALL"]
    assert time.monotonic() - started < 2.0
    fake.wait_for(lambda: fake.calls_to("conversations.list"), timeout=6)


def _shared_form(slack: SlackDriver, fake: FakeSlack) -> str:
    """Open Alice's form, switch it to a group responder, and return the modal's id."""
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="kind", view_id=modal["id"], option="shared")
    return str(fake.modal("UALICE")["id"])


def _suggested(slack: SlackDriver, view_id: str, query: str) -> list[str]:
    """The ids the "Answers for" menu offers Alice for what she typed."""
    reply = slack.suggest("UALICE", view_id, "target", query)
    assert reply.status == 200
    return [o["value"] for g in reply.json()["option_groups"] for o in g["options"]]


def test_it_stores_the_enterprise_of_an_org_workspace(
    app_url: str, fake: FakeSlack, engine: Engine, followups: Followups
) -> None:
    grid = SettlingDriver(f"{app_url}/slack/events", fake, followups, enterprise_id="E0001")
    save(grid, fake, "UALICE", "tomorrow")
    [responder] = stored(engine)
    assert (responder.team_id, responder.enterprise_id) == ("T0001", "E0001")
    assert "The next one starts" in grid.command("UALICE", "list").json()["text"]


def test_it_keeps_responders_when_the_workspace_joins_an_org(
    app_url: str, slack: SlackDriver, fake: FakeSlack, engine: Engine, followups: Followups
) -> None:
    save(slack, fake, "UALICE", "tomorrow")
    joined = SettlingDriver(f"{app_url}/slack/events", fake, followups, enterprise_id="E0001")
    assert "The next one starts" in joined.command("UALICE", "list").json()["text"]
    joined.click("UALICE", action_id="responder_delete", message=fake.last_dm("UALICE"))
    joined.submit("UALICE", fake.modal("UALICE")["id"])
    assert stored(engine) == []


def test_it_applies_a_change_that_lost_a_race_on_top_of_the_newer_modal(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    stale = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id="kind", view_id=stale["id"], option="shared")
    newer = fake.modal("UALICE")
    fake.allow("hash_conflict")
    typed = {"when": "tomorrow"}
    payload = {
        "type": "block_actions",
        "team": {"id": "T0001", "domain": "ooo-test"},
        "user": {"id": "UALICE", "username": "alice", "team_id": "T0001"},
        "api_app_id": "A0001",
        "trigger_id": fake.issue_trigger("UALICE"),
        "container": {"type": "view", "view_id": stale["id"]},
        "view": stale | {"state": view_state(stale, typed)},
        "actions": [
            {
                "type": "plain_text_input",
                "action_id": "when",
                "value": "tomorrow",
                "block_id": block_ids(stale)["when"],
                "action_ts": "1.0",
            }
        ],
    }
    reply = slack.send(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    assert reply.status == 200
    assert [r.error for r in fake.rejections] == ["hash_conflict"]
    redrawn = fake.modal("UALICE")
    assert redrawn["hash"] != newer["hash"]
    assert input_value(redrawn, "kind")["value"] == "shared"
    assert (input_value(redrawn, "when"), input_value(redrawn, "start_date")) == (
        "tomorrow",
        "2026-11-28",
    )


def test_it_keeps_words_typed_without_enter_when_a_date_is_picked(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UALICE")
    typed = {"when": "next week", "end_date": "2026-12-09"}
    slack.click("UALICE", action_id="end_date", view_id=modal["id"], inputs=typed)
    updated = fake.modal("UALICE")
    assert input_value(updated, "when") == "next week"
    assert "Press Enter to use “next week”" in texts(updated["blocks"])
    slack.submit("UALICE", updated["id"])
    [responder] = stored(engine)
    assert responder.ends_at == datetime(2026, 12, 6, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("action_id", "inputs"),
    [("when", {"when": "when pigs fly"}), ("kind", {"kind": "shared"})],
)
def test_it_keeps_block_ids_when_it_changes_no_value(
    slack: SlackDriver, fake: FakeSlack, action_id: str, inputs: dict[str, object]
) -> None:
    modal = open_form(slack, fake, "UALICE")
    slack.click("UALICE", action_id=action_id, view_id=modal["id"], inputs=inputs)
    before, after = block_ids(modal), block_ids(fake.modal("UALICE"))
    # A group's or channel's responder has no type of absence.
    kept = [name for name in before if name not in ("leave_type", "hide_reason")]
    assert {name: after[name] for name in kept} == {name: before[name] for name in kept}


def test_it_flags_a_last_day_before_the_first_in_the_preview(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UALICE")
    picked = {"start_date": "2026-12-10", "end_date": "2026-12-05"}
    slack.click("UALICE", action_id="end_date", view_id=modal["id"], inputs=picked)
    updated = fake.modal("UALICE")
    assert "The last day is before the first day" in texts(updated["blocks"])
    assert "back on" not in input_value(updated, "message")


def test_it_says_which_zone_it_used_when_slack_could_not_say_and_edits_in_the_real_one(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.fail("users.info", "internal_error")
    modal = open_form(slack, fake, "UALICE", "from Monday to the 15th")
    assert "could not tell me your time zone" in texts(modal["blocks"])
    slack.submit("UALICE", modal["id"])
    [responder] = stored(engine)
    assert responder.tz == "UTC"
    assert "Dates read in UTC." in texts(fake.last_dm("UALICE")["blocks"])
    fake.fail("users.info", None)
    slack.click("UALICE", action_id="responder_edit", message=fake.last_dm("UALICE"))
    edit = fake.modal("UALICE")
    assert "could not tell" not in texts(edit["blocks"])
    assert "· Europe/Paris" in texts(edit["blocks"])
    assert input_value(edit, "start_date") == "2026-11-30"
    slack.submit("UALICE", edit["id"], {"start_time": "09:00"})
    [responder] = stored(engine)
    assert responder.tz == "Europe/Paris"
    assert responder.starts_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
