"""The driver signs like Slack and a real Bolt app understands everything it sends."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from slack_bolt import Ack, App, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from tests.support.conftest import ALICE, BOB, GENERAL
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_inputs import view_state

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
OPTIONS = [
    {"text": {"type": "plain_text", "text": t}, "value": v}
    for t, v in (("For me", "me"), ("For a group or channel", "group"))
]


def responder_modal() -> dict[str, Any]:
    """A modal with one input of each kind the app uses."""

    def field(block_id: str, element: dict[str, Any], **extra: Any) -> dict[str, Any]:
        label = {"type": "plain_text", "text": block_id.title()}
        return {"type": "input", "block_id": block_id, "label": label, "element": element, **extra}

    return {
        "type": "modal",
        "callback_id": "responder",
        "title": {"type": "plain_text", "text": "New responder"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [
            field(
                "kind",
                {
                    "type": "radio_buttons",
                    "action_id": "kind",
                    "options": OPTIONS,
                    "initial_option": OPTIONS[0],
                },
            ),
            field(
                "start", {"type": "datepicker", "action_id": "start", "initial_date": "2026-12-01"}
            ),
            field(
                "message",
                {
                    "type": "plain_text_input",
                    "action_id": "message",
                    "max_length": 3000,
                    "initial_value": "I'm away.",
                },
            ),
            field("forward", {"type": "users_select", "action_id": "forward"}, optional=True),
            field(
                "digest",
                {
                    "type": "checkboxes",
                    "action_id": "digest",
                    "options": OPTIONS[:1],
                    "initial_options": OPTIONS[:1],
                },
                optional=True,
            ),
            field("who", {"type": "external_select", "action_id": "who"}, optional=True),
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "preview",
                        "text": {"type": "plain_text", "text": "Preview"},
                    }
                ],
            },
        ],
    }


def tiny_app(fake: FakeSlack, seen: list[dict[str, Any]]) -> App:
    """A Bolt app that opens the modal on /ooo and records what it receives."""
    app = App(
        client=WebClient(base_url=fake.api_url, token=fake.bot_token),
        signing_secret=SECRET,
        process_before_response=True,
    )

    @app.command("/ooo")
    def command(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        seen.append(body)
        client.views_open(trigger_id=body["trigger_id"], view=responder_modal())

    @app.view("responder")
    def submitted(ack: Ack, body: dict[str, Any]) -> None:
        seen.append(body)
        message = body["view"]["state"]["values"]["message"]["message"]["value"]
        ack(response_action="errors", errors={"message": "Too short"}) if message == "x" else ack()

    @app.action("kind")
    @app.action("preview")
    @app.action("edit")
    def clicked(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        seen.append(body)

    @app.options("who")
    def suggest(ack: Ack, body: dict[str, Any]) -> None:
        ack(options=[{"text": {"type": "plain_text", "text": "@design"}, "value": "S0DESIGN"}])

    @app.event("app_home_opened")
    def home_opened(body: dict[str, Any], request: BoltRequest) -> None:
        seen.append(body | {"retry": request.headers.get("x-slack-retry-num", [None])[0]})

    return app


@pytest.fixture
def seen() -> list[dict[str, Any]]:
    """What the tiny app received, in order."""
    return []


@pytest.fixture
def driver(
    fake_slack: FakeSlack, seen: list[dict[str, Any]], serve_wsgi: Callable[[Any], str]
) -> SlackDriver:
    """A driver talking to the tiny app behind a real WSGI server."""
    url = serve_wsgi(SlackRequestHandler(tiny_app(fake_slack, seen)))
    return SlackDriver(url, SECRET, fake_slack)


def open_modal(driver: SlackDriver, fake: FakeSlack) -> dict[str, Any]:
    """Alice types /ooo; return the modal it opened."""
    assert driver.command(ALICE, "from monday").status == 200
    modal = fake.modal(ALICE)
    assert modal is not None, "the app opened no modal"
    return modal


def test_its_signature_verifies_with_slack_sdk() -> None:
    with FakeSlack() as fake:
        driver = SlackDriver("http://127.0.0.1:9/slack/events", SECRET, fake)
    now = int(time.time())
    body = "token=x&command=%2Fooo"
    signature = driver.sign(body, now)
    assert SignatureVerifier(SECRET).is_valid(body, str(now), signature)
    assert not SignatureVerifier("another secret").is_valid(body, str(now), signature)
    driver.close()


@pytest.mark.parametrize(
    "forgery",
    [{"signature": "v0=" + "0" * 64}, {"timestamp": int(time.time()) - 600}, {"sign": False}],
    ids=["bad signature", "stale timestamp", "unsigned"],
)
def test_it_can_send_requests_bolt_refuses(
    driver: SlackDriver, fake_slack: FakeSlack, seen: list[dict[str, Any]], forgery: dict[str, Any]
) -> None:
    assert driver.command(ALICE, **forgery).status == 401
    assert seen == []
    assert fake_slack.calls_to("views.open") == []


def test_it_sends_a_slash_command_bolt_accepts(
    driver: SlackDriver, fake_slack: FakeSlack, seen: list[dict[str, Any]]
) -> None:
    reply = driver.command(ALICE, "from monday", channel_id=GENERAL)
    assert (reply.status, reply.text) == (200, "")
    command = seen[0]
    assert (command["user_id"], command["user_name"], command["text"]) == (
        ALICE,
        "alice",
        "from monday",
    )
    assert (command["channel_name"], command["team_id"], command["api_app_id"]) == (
        "general",
        "T0001",
        "A0001",
    )
    assert command["response_url"] == reply.response_url
    assert fake_slack.calls_to("views.open")[0]["trigger_id"] == reply.trigger_id
    assert fake_slack.modal(ALICE) is not None


def test_it_submits_every_input_typed_as_slack_does(
    driver: SlackDriver, fake_slack: FakeSlack, seen: list[dict[str, Any]]
) -> None:
    modal = open_modal(driver, fake_slack)
    reply = driver.submit(ALICE, modal["id"], {"kind": "group", "forward": BOB, "who": "S0DESIGN"})
    assert (reply.status, reply.text) == (200, "")
    values = seen[-1]["view"]["state"]["values"]
    assert values["kind"]["kind"] == {"type": "radio_buttons", "selected_option": OPTIONS[1]}
    assert values["start"]["start"] == {"type": "datepicker", "selected_date": "2026-12-01"}
    assert values["message"]["message"] == {"type": "plain_text_input", "value": "I'm away."}
    assert values["forward"]["forward"] == {"type": "users_select", "selected_user": BOB}
    assert values["digest"]["digest"]["selected_options"] == OPTIONS[:1]
    assert values["who"]["who"]["selected_option"]["value"] == "S0DESIGN"
    assert not fake_slack.is_open(modal["id"])


def test_it_keeps_the_modal_open_when_the_app_answers_with_errors(
    driver: SlackDriver, fake_slack: FakeSlack
) -> None:
    modal = open_modal(driver, fake_slack)
    reply = driver.submit(ALICE, modal["id"], {"message": "x", "digest": None})
    assert reply.json() == {"response_action": "errors", "errors": {"message": "Too short"}}
    assert fake_slack.is_open(modal["id"])


def test_it_clicks_in_views_stored_messages_and_ephemeral_messages(
    driver: SlackDriver, fake_slack: FakeSlack, slack: WebClient, seen: list[dict[str, Any]]
) -> None:
    modal = open_modal(driver, fake_slack)
    driver.click(ALICE, action_id="preview", view_id=modal["id"], inputs={"message": "Back soon"})
    in_view = seen[-1]
    assert in_view["container"] == {"type": "view", "view_id": modal["id"]}
    assert in_view["view"]["state"]["values"]["message"]["message"]["value"] == "Back soon"
    edit = {
        "type": "button",
        "action_id": "edit",
        "value": "r1",
        "text": {"type": "plain_text", "text": "Edit"},
    }
    slack.chat_postMessage(
        channel=ALICE, text="Saved", blocks=[{"type": "actions", "elements": [edit]}]
    )
    dm = fake_slack.last_dm(ALICE)
    assert dm is not None
    driver.click(ALICE, action_id="edit", message=dm)
    action = seen[-1]["actions"][0]
    assert (action["type"], action["value"], seen[-1]["message"]["ts"]) == (
        "button",
        "r1",
        dm["ts"],
    )
    assert seen[-1]["container"]["channel_id"] == dm["channel"]
    reply = driver.click(ALICE, action_id="edit", message={"blocks": dm["blocks"]}, value="r2")
    assert seen[-1]["container"]["is_ephemeral"]
    assert seen[-1]["response_url"] == reply.response_url
    assert seen[-1]["actions"][0]["value"] == "r2"


def test_it_reports_a_choice_in_the_action_and_in_the_view_state(
    driver: SlackDriver, fake_slack: FakeSlack, seen: list[dict[str, Any]]
) -> None:
    modal = open_modal(driver, fake_slack)
    driver.click(ALICE, action_id="kind", view_id=modal["id"], option="group")
    chosen = seen[-1]["view"]["state"]["values"]["kind"]["kind"]["selected_option"]
    assert seen[-1]["actions"][0]["selected_option"] == chosen == OPTIONS[1]


def test_it_asks_for_external_select_options(driver: SlackDriver, fake_slack: FakeSlack) -> None:
    modal = open_modal(driver, fake_slack)
    reply = driver.suggest(ALICE, modal["id"], "who", query="des")
    assert reply.json()["options"][0]["value"] == "S0DESIGN"


def test_it_delivers_events_and_their_retries(
    driver: SlackDriver, seen: list[dict[str, Any]]
) -> None:
    opened = {"type": "app_home_opened", "user": ALICE, "tab": "home", "event_ts": "1.2"}
    assert driver.event(opened, event_id="Ev1").status == 200
    assert driver.event(opened, event_id="Ev1", retry_num=1, retry_reason="timeout").status == 200
    assert [(e["event_id"], e["retry"]) for e in seen] == [("Ev1", None), ("Ev1", "1")]
    assert driver.url_verification("ch4ll3nge").json() == {"challenge": "ch4ll3nge"}


def test_it_names_the_enterprise_when_there_is_one(
    fake_slack: FakeSlack, seen: list[dict[str, Any]], serve_wsgi: Callable[[Any], str]
) -> None:
    url = serve_wsgi(SlackRequestHandler(tiny_app(fake_slack, seen)))
    with SlackDriver(url, SECRET, fake_slack, enterprise_id="E0001") as grid:
        assert grid.command(ALICE).status == 200
    assert seen[0]["enterprise_id"] == "E0001"


def test_view_state_refuses_an_input_the_view_does_not_have() -> None:
    with pytest.raises(AssertionError, match="no input element"):
        view_state(responder_modal() | {"blocks": []}, {"mesage": "typo"})
