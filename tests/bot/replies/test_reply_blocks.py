"""The reply's words when Slack could not name people, and for shared responders."""

from datetime import UTC, datetime

import pytest

from bot.blocks.replies import reply_message, until, who
from bot.core.responder import Kind
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def responder(**changes: object) -> Responder:
    values: dict[str, object] = {
        "id": 1,
        "workspace": Workspace("T0001"),
        "owner_id": "UALICE",
        "kind": Kind.PERSONAL,
        "starts_at": NOW,
        "ends_at": None,
        "tz": "UTC",
        "message": "Away.",
        "backup_id": "UCAROL",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return Responder(**(values | changes))  # type: ignore[arg-type]


def labels(blocks: list[dict[str, object]]) -> list[str]:
    return [e["text"]["text"] for b in blocks for e in b.get("elements", [])]  # type: ignore[attr-defined, index]


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        ({"UALICE": "Alice", "UCAROL": "Carol"}, ["Notify Carol", "Remind me when Alice is back"]),
        ({}, ["Notify their backup", "Remind me when they're back"]),
    ],
)
def test_it_names_people_on_buttons_when_slack_can(names: dict[str, str], shown: list[str]) -> None:
    place = {"channel": "C0GENERAL", "ts": "1.0"}
    _, blocks = reply_message(responder(), back=None, place=place, external=False, names=names)
    assert labels(blocks) == shown


def test_a_responder_without_an_end_says_until_further_notice() -> None:
    assert until(None, "Europe/Berlin") == "until further notice"


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({}, "<@UALICE>"),
        ({"kind": "shared", "target_id": "C0HELP", "target_kind": "channel"}, "<#C0HELP>"),
        (
            {
                "kind": "shared",
                "target_id": "S0ONCALL",
                "target_kind": "usergroup",
                "target_label": "@oncall",
            },
            "@\u2060oncall",
        ),
    ],
)
def test_it_names_whom_a_responder_answers_for_without_pinging(
    changes: dict[str, object], named: str
) -> None:
    assert who(responder(**changes)) == named
