"""The app's Home tab: the person's state, a New responder button and their responders."""

from datetime import datetime
from typing import Any

from bot.blocks.responder_list import responder_rows, status_line
from storage.models import Responder

NEW_RESPONDER = "responder_new"
# Slack allows 100 blocks in a Home tab; the header, status, button and divider take four.
MAX_ROWS = 90


def home_view(
    responders: list[Responder], *, now: datetime, team: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Build the Home tab for one person, with their saved team's section if they have one."""
    team = team or []
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Out of office"}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": status_line(responders, now=now)},
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "style": "primary",
                    "action_id": NEW_RESPONDER,
                    "text": {"type": "plain_text", "text": "New responder"},
                }
            ],
        },
        {"type": "divider"},
        *team,
    ]
    if responders:
        blocks += responder_rows(responders, now=now, limit=MAX_ROWS - len(team))
    else:
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": "You have no responders yet. Try `/ooo help`."}
                ],
            }
        )
    return {"type": "home", "blocks": blocks}
