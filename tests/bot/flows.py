"""Steps the end-to-end tests share: open the form, fill it in, read what was stored."""

from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import ResponderRow
from tests.support.driver import Reply, SlackDriver
from tests.support.fake_slack import FakeSlack


def open_form(slack: SlackDriver, fake: FakeSlack, user: str, text: str = "") -> dict[str, Any]:
    """Type `/ooo [text]` and return the modal it opened."""
    reply = slack.command(user, text)
    assert reply.status == 200, reply.text
    modal = fake.modal(user)
    assert modal is not None, f"/ooo {text} opened no modal; replied {reply.text}"
    return modal


def save(slack: SlackDriver, fake: FakeSlack, user: str, text: str = "", **inputs: object) -> Reply:
    """Open the form from `/ooo text`, change some inputs, and submit it."""
    modal = open_form(slack, fake, user, text)
    return slack.submit(user, modal["id"], inputs)


def type_dates(
    slack: SlackDriver, user: str, modal: dict[str, Any], text: str, **inputs: object
) -> Reply:
    """Type dates in the modal's When field (and any other inputs) and press Enter."""
    typed = {"when": text, **inputs}
    return slack.click(user, action_id="when", view_id=modal["id"], value=text, inputs=typed)


def stored(engine: Engine) -> list[ResponderRow]:
    """Every responder not deleted, oldest first."""
    with session_scope(engine) as session:
        live = select(ResponderRow).where(col(ResponderRow.deleted_at).is_(None))
        return list(session.exec(live.order_by(col(ResponderRow.id))).all())


def input_value(view: dict[str, Any], action_id: str) -> Any:
    """The initial value a view shows for an input, whatever its element type."""
    for block in view["blocks"]:
        element = block.get("element") or {}
        if element.get("action_id") == action_id:
            for key in (
                "initial_value",
                "initial_date",
                "initial_time",
                "initial_option",
                "initial_user",
                "initial_options",
                "initial_conversation",
                "initial_user",
            ):
                if key in element:
                    return element[key]
            return None
    raise AssertionError(f"no input {action_id} in the view")


def block_ids(view: dict[str, Any]) -> dict[str, str]:
    """Map each input's action_id to its block_id."""
    return {
        b["element"]["action_id"]: b["block_id"] for b in view["blocks"] if b["type"] == "input"
    }


def texts(blocks: list[dict[str, Any]]) -> str:
    """All the text of some blocks, to search in."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(found)
