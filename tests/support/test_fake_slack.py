"""The fake Slack rejects what Slack rejects and remembers what Slack remembers."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.conftest import ALICE, BOB, CAROL, GENERAL
from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_checks import manifest_bot_scopes


def error_of(call: Any) -> dict[str, Any]:
    """The error body of a call that Slack refuses."""
    with pytest.raises(SlackApiError) as refused:
        call()
    body: dict[str, Any] = refused.value.response.data
    return body


def modal(**changes: Any) -> dict[str, Any]:
    """A valid modal with one text input, changed as given."""
    view = {
        "type": "modal",
        "callback_id": "new_responder",
        "title": {"type": "plain_text", "text": "New responder"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [
            {
                "type": "input",
                "block_id": "message",
                "label": {"type": "plain_text", "text": "Message"},
                "element": {"type": "plain_text_input", "action_id": "message", "multiline": True},
            }
        ],
    }
    return view | changes


def test_it_rejects_an_unknown_method(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("unknown_method")
    assert error_of(lambda: slack.api_call("chat.postMesage"))["error"] == "unknown_method"
    assert fake_slack.rejections[0].method == "chat.postMesage"


def test_it_names_a_missing_required_argument(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("invalid_arguments")
    body = error_of(lambda: slack.api_call("users.info", http_verb="GET", params={}))
    assert body["error"] == "invalid_arguments"
    assert body["response_metadata"]["messages"] == ["[ERROR] missing required field: user"]


@pytest.mark.parametrize(
    ("token", "error"), [(None, "not_authed"), ("xoxb-stolen", "invalid_auth")]
)
def test_it_requires_a_known_token(fake_slack: FakeSlack, token: str | None, error: str) -> None:
    fake_slack.allow(error)
    client = WebClient(base_url=fake_slack.api_url, token=token)
    assert error_of(lambda: client.users_info(user=ALICE))["error"] == error


def test_it_refuses_a_bot_token_on_a_user_token_only_method(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.allow("not_allowed_token_type")
    body = error_of(lambda: slack.users_profile_set(profile={"status_text": "Out"}))
    assert body["error"] == "not_allowed_token_type"


def test_it_refuses_a_method_outside_the_bots_scopes() -> None:
    with FakeSlack(bot_scopes=["commands", "chat:write"]) as fake:
        fake.allow("missing_scope")
        fake.add_user(ALICE, "alice")
        client = WebClient(base_url=fake.api_url, token=fake.bot_token)
        body = error_of(lambda: client.users_info(user=ALICE))
        assert body["error"] == "missing_scope"
        assert body["needed"] == "users:read"
        fake.assert_no_rejections()


def test_it_reads_bot_scopes_from_the_manifest(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("missing_scope")
    assert slack.users_info(user=ALICE)["ok"]
    refused = error_of(lambda: slack.reactions_add(channel=GENERAL, name="wave", timestamp="1.0"))
    assert refused["error"] == "missing_scope"


def test_it_accepts_form_json_query_and_token_parameters(fake_slack: FakeSlack) -> None:
    api = fake_slack.api_url
    form = httpx.post(f"{api}users.info", data={"token": fake_slack.bot_token, "user": BOB})
    query = httpx.get(f"{api}users.info", params={"token": fake_slack.bot_token, "user": BOB})
    posted = httpx.post(
        f"{api}chat.postMessage",
        json={"channel": BOB, "text": "Hi Bob"},
        headers={"Authorization": f"Bearer {fake_slack.bot_token}"},
    )
    assert form.json()["user"]["name"] == query.json()["user"]["name"] == "bob"
    assert posted.json()["ok"]


def test_it_tells_time_zone_and_locale_only_when_asked(slack: WebClient) -> None:
    carol = slack.users_info(user=CAROL)["user"]
    assert (carol["tz"], carol["tz_offset"], "locale" in carol) == ("Asia/Tokyo", 9 * 3600, False)
    assert slack.users_info(user=CAROL, include_locale=True)["user"]["locale"] == "ja-JP"


def test_it_says_user_not_found(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("user_not_found")
    assert error_of(lambda: slack.users_info(user="U0NOBODY"))["error"] == "user_not_found"


def test_it_keeps_one_dm_per_person(fake_slack: FakeSlack, slack: WebClient) -> None:
    first = slack.chat_postMessage(channel=ALICE, text="Saved")
    second = slack.chat_postMessage(channel=first["channel"], text="Updated")
    assert first["channel"] == second["channel"]
    assert first["channel"].startswith("D")
    assert float(first["ts"]) < float(second["ts"])
    assert [m["text"] for m in fake_slack.messages_to(ALICE)] == ["Saved", "Updated"]
    assert fake_slack.last_dm(ALICE)["ts"] == second["ts"]  # type: ignore[index]
    assert fake_slack.last_dm(BOB) is None


def test_it_edits_and_deletes_messages(fake_slack: FakeSlack, slack: WebClient) -> None:
    posted = slack.chat_postMessage(channel=ALICE, text="Saved")
    slack.chat_update(channel=posted["channel"], ts=posted["ts"], text="Edited")
    assert fake_slack.last_dm(ALICE)["text"] == "Edited"  # type: ignore[index]
    slack.chat_delete(channel=posted["channel"], ts=posted["ts"])
    assert fake_slack.messages_to(ALICE) == []
    fake_slack.allow("message_not_found")
    error = error_of(lambda: slack.chat_delete(channel=posted["channel"], ts=posted["ts"]))
    assert error["error"] == "message_not_found"


def test_it_only_posts_where_the_bot_is_a_member(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.add_channel("C0RANDOM", "random", members=[ALICE])
    fake_slack.allow("not_in_channel", "channel_not_found")
    assert error_of(lambda: slack.chat_postMessage(channel="C0RANDOM", text="hi"))["error"] == (
        "not_in_channel"
    )
    assert error_of(lambda: slack.chat_postMessage(channel="C0NOPE", text="hi"))["error"] == (
        "channel_not_found"
    )


def test_it_keeps_ephemeral_messages_out_of_the_history(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.add_user("U0DAVE", "dave")
    slack.chat_postEphemeral(channel=GENERAL, user=ALICE, text="Only you can see this")
    assert fake_slack.messages_to(GENERAL) == []
    assert fake_slack.ephemerals_to(ALICE)[0]["text"] == "Only you can see this"
    fake_slack.allow("user_not_in_channel")
    body = error_of(lambda: slack.chat_postEphemeral(channel=GENERAL, user="U0DAVE", text="x"))
    assert body["error"] == "user_not_in_channel"


MRKDWN = {"type": "mrkdwn", "text": "x"}
PLAIN = {"type": "plain_text", "text": "x"}
SECTION = {"type": "section", "text": MRKDWN}
BUTTON = {"type": "button", "text": PLAIN, "value": "x"}


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
@pytest.mark.parametrize(
    ("content", "error"),
    [
        ({}, "no_text"),
        ({"text": "x" * 40_001}, "msg_too_long"),
        ({"blocks": [{"type": "divider"}] * 51}, "invalid_blocks"),
        ({"blocks": [{"type": "divider", "block_id": "a"}] * 2}, "invalid_blocks"),
        ({"blocks": [SECTION | {"text": MRKDWN | {"text": "x" * 3001}}]}, "invalid_blocks"),
        ({"blocks": [SECTION | {"fields": [MRKDWN] * 11}]}, "invalid_blocks"),
        ({"blocks": [SECTION | {"fields": [MRKDWN | {"text": "x" * 2001}]}]}, "invalid_blocks"),
        ({"blocks": [{"type": "context", "elements": [MRKDWN] * 11}]}, "invalid_blocks"),
        (
            {"blocks": [{"type": "context", "elements": [MRKDWN | {"text": "x" * 3001}]}]},
            "invalid_blocks",
        ),
        ({"blocks": [{"type": "header", "text": PLAIN | {"text": "x" * 151}}]}, "invalid_blocks"),
        ({"blocks": [{"type": "actions", "elements": [BUTTON] * 26}]}, "invalid_blocks"),
        (
            {
                "blocks": [
                    {"type": "actions", "elements": [BUTTON | {"text": PLAIN | {"text": "x" * 76}}]}
                ]
            },
            "invalid_blocks",
        ),
    ],
)
def test_it_enforces_message_limits(
    fake_slack: FakeSlack, slack: WebClient, content: dict[str, Any], error: str
) -> None:
    fake_slack.allow(error)
    assert error_of(lambda: slack.chat_postMessage(channel=ALICE, **content))["error"] == error


def test_it_pages_through_conversations(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.add_channel("C0DESIGN", "design", members=["UBOT"])
    fake_slack.add_channel("C0SECRET", "secret", members=[ALICE], is_private=True)
    first = slack.conversations_list(limit=1)
    second = slack.conversations_list(limit=1, cursor=first["response_metadata"]["next_cursor"])
    assert [c["name"] for c in first["channels"] + second["channels"]] == ["general", "design"]
    assert second["response_metadata"]["next_cursor"] == ""
    both = slack.conversations_list(types="public_channel,private_channel")["channels"]
    assert "secret" not in [c["name"] for c in both]
    assert slack.conversations_info(channel="C0DESIGN")["channel"]["is_member"]


def test_it_lists_user_groups_and_their_members(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.add_usergroup("S0DESIGN", "design", "Design team", users=[ALICE, BOB])
    group = slack.usergroups_list(include_users=True)["usergroups"][0]
    assert (group["handle"], group["users"], group["user_count"]) == ("design", [ALICE, BOB], 2)
    assert "users" not in slack.usergroups_list()["usergroups"][0]
    assert slack.usergroups_users_list(usergroup="S0DESIGN")["users"] == [ALICE, BOB]


def test_it_opens_a_modal_once_per_trigger(fake_slack: FakeSlack, slack: WebClient) -> None:
    trigger_id = fake_slack.issue_trigger(ALICE)
    view = slack.views_open(trigger_id=trigger_id, view=modal())["view"]
    stored = fake_slack.view(view["id"])
    assert stored is not None
    assert stored["root_view_id"] == view["id"]
    assert (stored["app_id"], stored["bot_id"], stored["state"]) == (
        "A0001",
        "BBOT",
        {"values": {}},
    )
    assert fake_slack.is_open(view["id"])
    fake_slack.allow("exchanged_trigger_id", "invalid_trigger_id", "invalid_arguments")
    assert error_of(lambda: slack.views_open(trigger_id=trigger_id, view=modal()))["error"] == (
        "exchanged_trigger_id"
    )
    assert error_of(lambda: slack.views_open(trigger_id="1.2.3", view=modal()))["error"] == (
        "invalid_trigger_id"
    )
    assert error_of(lambda: slack.views_open(view=modal()))["error"] == "invalid_arguments"


def test_it_expires_triggers() -> None:
    with FakeSlack(trigger_ttl=0.05) as fake:
        fake.add_user(ALICE, "alice")
        fake.allow("expired_trigger_id")
        trigger_id = fake.issue_trigger(ALICE)
        time.sleep(0.1)
        client = WebClient(base_url=fake.api_url, token=fake.bot_token)
        body = error_of(lambda: client.views_open(trigger_id=trigger_id, view=modal()))
        assert body["error"] == "expired_trigger_id"


TEXT_INPUT = {"type": "plain_text_input", "action_id": "message"}
INPUT = {"type": "input", "label": {"type": "plain_text", "text": "Message"}, "element": TEXT_INPUT}


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        (
            {"title": {"type": "plain_text", "text": "A title of 25 characters!"}},
            "/view/title/text",
        ),
        ({"title": {"type": "mrkdwn", "text": "*New*"}}, "/view/title/type"),
        ({"submit": {"type": "plain_text", "text": "S" * 25}}, "/view/submit/text"),
        (
            {
                "blocks": [
                    INPUT | {"block_id": "a"},
                    INPUT | {"block_id": "a", "element": TEXT_INPUT | {"action_id": "x"}},
                ]
            },
            "block_id",
        ),
        ({"blocks": [INPUT | {"block_id": "a"}, INPUT | {"block_id": "b"}]}, "action_id"),
        ({"blocks": [INPUT | {"element": TEXT_INPUT | {"max_length": 3001}}]}, "max_length"),
        (
            {
                "blocks": [
                    INPUT | {"element": TEXT_INPUT | {"max_length": 5, "initial_value": "x" * 6}}
                ]
            },
            "initial_value",
        ),
        ({"blocks": [INPUT | {"label": {"type": "mrkdwn", "text": "*Message*"}}]}, "label/type"),
        ({"blocks": [{"type": "input", "element": TEXT_INPUT}]}, "/label"),
        ({"blocks": [{"type": "input", "label": INPUT["label"]}]}, "/element"),
        ({"blocks": []}, "/view/blocks"),
        ({"blocks": [{"type": "divider"}] * 101}, "/view/blocks"),
        ({"private_metadata": "x" * 3001}, "private_metadata"),
        ({"callback_id": "x" * 256}, "callback_id"),
        ({"submit": None}, "/view/submit"),
    ],
)
def test_it_validates_views_as_slack_does(
    fake_slack: FakeSlack, slack: WebClient, changes: dict[str, Any], complaint: str
) -> None:
    view = modal(**changes)
    if view["submit"] is None:
        del view["submit"]
    fake_slack.allow("invalid_arguments")
    trigger_id = fake_slack.issue_trigger(ALICE)
    body = error_of(lambda: slack.views_open(trigger_id=trigger_id, view=view))
    assert body["error"] == "invalid_arguments"
    assert complaint in " ".join(body["response_metadata"]["messages"])


def test_it_checks_options_and_initial_options(fake_slack: FakeSlack, slack: WebClient) -> None:
    options = [{"text": {"type": "plain_text", "text": t}, "value": t} for t in ("me", "group")]
    radio = {"type": "radio_buttons", "action_id": "kind", "options": options}
    kind = {"type": "input", "label": {"type": "plain_text", "text": "Type"}, "element": radio}
    fine = radio | {"initial_option": options[0]}
    assert slack.views_open(
        trigger_id=fake_slack.issue_trigger(ALICE), view=modal(blocks=[kind | {"element": fine}])
    )["ok"]
    fake_slack.allow("invalid_arguments")
    stray = radio | {"initial_option": {"text": {"type": "plain_text", "text": "x"}, "value": "x"}}
    body = error_of(
        lambda: slack.views_open(
            trigger_id=fake_slack.issue_trigger(ALICE),
            view=modal(blocks=[kind | {"element": stray}]),
        )
    )
    assert "initial_option" in body["response_metadata"]["messages"][0]


def test_it_updates_a_view_only_with_the_current_hash(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    opened = slack.views_open(
        trigger_id=fake_slack.issue_trigger(ALICE), view=modal(external_id="e1")
    )
    old_hash = opened["view"]["hash"]
    updated = slack.views_update(
        view_id=opened["view"]["id"],
        hash=old_hash,
        view=modal(title={"type": "plain_text", "text": "Edit responder"}, external_id="e1"),
    )
    assert updated["view"]["id"] == opened["view"]["id"]
    assert updated["view"]["hash"] != old_hash
    fake_slack.allow("hash_conflict", "not_found")
    stale = error_of(
        lambda: slack.views_update(view_id=opened["view"]["id"], hash=old_hash, view=modal())
    )
    assert stale["error"] == "hash_conflict"
    assert slack.views_update(external_id="e1", view=modal())["view"]["id"] == opened["view"]["id"]
    assert (
        error_of(lambda: slack.views_update(view_id="V0NOPE", view=modal()))["error"] == "not_found"
    )


def test_it_pushes_onto_an_open_modal(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("not_found")
    error = error_of(
        lambda: slack.views_push(trigger_id=fake_slack.issue_trigger(BOB), view=modal())
    )
    assert error["error"] == "not_found"
    root = slack.views_open(trigger_id=fake_slack.issue_trigger(ALICE), view=modal())["view"]
    pushed = slack.views_push(trigger_id=fake_slack.issue_trigger(ALICE), view=modal())["view"]
    assert (pushed["root_view_id"], pushed["previous_view_id"]) == (root["id"], root["id"])


def test_it_publishes_one_home_tab_per_person(fake_slack: FakeSlack, slack: WebClient) -> None:
    home = {
        "type": "home",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}],
    }
    first = slack.views_publish(user_id=ALICE, view=home)["view"]
    second = slack.views_publish(user_id=ALICE, view=home, hash=first["hash"])["view"]
    assert second["id"] == first["id"]
    assert fake_slack.home(ALICE)["hash"] == second["hash"] != first["hash"]  # type: ignore[index]
    assert fake_slack.home(BOB) is None
    fake_slack.allow("hash_conflict", "invalid_arguments")
    stale = error_of(lambda: slack.views_publish(user_id=ALICE, view=home, hash=first["hash"]))
    assert stale["error"] == "hash_conflict"
    assert error_of(lambda: slack.views_publish(user_id=ALICE, view=modal()))["error"] == (
        "invalid_arguments"
    )


def test_it_records_what_is_posted_to_a_response_url(fake_slack: FakeSlack) -> None:
    url = fake_slack.new_response_url()
    answer = httpx.post(url, json={"text": "Your responders", "response_type": "ephemeral"})
    assert answer.json() == {"ok": True}
    assert fake_slack.responses(url) == [{"text": "Your responders", "response_type": "ephemeral"}]


def test_it_fails_a_test_on_an_unexpected_rejection(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    error_of(lambda: slack.users_info(user="U0NOBODY"))
    with pytest.raises(AssertionError, match="user_not_found"):
        fake_slack.assert_no_rejections()
    fake_slack.allow("user_not_found")
    fake_slack.assert_no_rejections()


def test_it_waits_for_a_call_made_in_the_background(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    threading.Timer(0.05, lambda: slack.chat_postMessage(channel=BOB, text="Later")).start()
    assert fake_slack.wait_for(lambda: fake_slack.last_dm(BOB))["text"] == "Later"
    assert fake_slack.calls_to("chat.postMessage") == [{"channel": BOB, "text": "Later"}]
    with pytest.raises(AssertionError, match="timed out"):
        fake_slack.wait_for(lambda: fake_slack.last_dm(ALICE), timeout=0.05)


def test_it_returns_metadata_from_history_only_when_asked(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    metadata = {"event_type": "ooo_message", "event_payload": {"effect": "k"}}
    slack.chat_postMessage(channel=GENERAL, text="first")
    posted = slack.chat_postMessage(channel=GENERAL, text="second", metadata=metadata)
    plain = slack.conversations_history(channel=GENERAL)["messages"]
    assert [m["text"] for m in plain] == ["second", "first"]
    assert "metadata" not in plain[0]
    full = slack.conversations_history(channel=GENERAL, include_all_metadata=True, limit=1)
    assert full["messages"][0]["metadata"] == metadata
    assert full["has_more"] is True
    later = slack.conversations_history(channel=GENERAL, oldest=posted["ts"])
    assert later["messages"] == []


def test_it_refuses_bad_metadata(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.allow("invalid_metadata_schema")
    assert (
        error_of(
            lambda: slack.chat_postMessage(channel=GENERAL, text="x", metadata={"event_type": "e"})
        )["error"]
        == "invalid_metadata_schema"
    )


def test_it_lets_the_bot_join_public_channels_only() -> None:
    with FakeSlack(bot_scopes=manifest_bot_scopes() | {"channels:join"}) as fake_slack:
        _join_public_channels_only(
            fake_slack, WebClient(base_url=fake_slack.api_url, token=fake_slack.bot_token)
        )


def _join_public_channels_only(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.add_user(ALICE, "alice")
    fake_slack.add_channel("C0RANDOM", "random", members=[ALICE])
    fake_slack.add_channel("G0SECRET", "secret", members=[ALICE], is_private=True)
    fake_slack.allow("not_in_channel", "method_not_supported_for_channel_type", "channel_not_found")
    assert error_of(lambda: slack.conversations_history(channel="C0RANDOM"))["error"] == (
        "not_in_channel"
    )
    joined = slack.conversations_join(channel="C0RANDOM")
    assert joined["channel"]["is_member"] is True
    assert slack.conversations_join(channel="C0RANDOM")["warning"] == "already_in_channel"
    assert slack.chat_postMessage(channel="C0RANDOM", text="hi")["ok"]
    assert error_of(lambda: slack.conversations_join(channel="G0SECRET"))["error"] == (
        "method_not_supported_for_channel_type"
    )
    assert error_of(lambda: slack.conversations_history(channel="G0SECRET"))["error"] == (
        "channel_not_found"
    )


def test_it_rate_limits_with_a_retry_after_when_told(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.rate_limit_next("chat.postMessage", retry_after=3)
    with pytest.raises(SlackApiError) as refused:
        slack.chat_postMessage(channel=GENERAL, text="x")
    assert refused.value.response.status_code == 429
    assert refused.value.response.headers["Retry-After"] == "3"
    assert slack.chat_postMessage(channel=GENERAL, text="x")["ok"]


def test_it_opens_socket_mode_connections_for_the_app_token_only(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.serve_socket_mode("ws://127.0.0.1:1/link")
    fake_slack.allow("not_allowed_token_type", "invalid_auth")
    app = WebClient(token=fake_slack.app_token, base_url=fake_slack.api_url)
    assert app.apps_connections_open(app_token=fake_slack.app_token)["url"].startswith("ws://")
    assert error_of(lambda: slack.api_call("apps.connections.open"))["error"] == (
        "not_allowed_token_type"
    )
    assert error_of(lambda: app.apps_connections_open(app_token="xapp-1-unknown"))["error"] == (
        "invalid_auth"
    )


def test_it_answers_a_delayed_method_late(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.delay("auth.test", 0.3)
    started = time.monotonic()
    assert slack.auth_test()["ok"]
    assert time.monotonic() - started >= 0.3
