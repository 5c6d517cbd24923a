"""The Home tab's digest form: its ids, the modal, and the reader of what was submitted."""

import json
from dataclasses import dataclass
from datetime import time
from typing import Any

from bot.core.team_digest import Cadence
from bot.texts import N_, _, pgettext

OPEN_FORM = "team_digest_open"
CALLBACK_ID = "team_digest_form"
CHANNEL, AT, CADENCE = "digest_channel", "digest_at", "digest_cadence"
CADENCES = {Cadence.WEEKDAYS: N_("every working day"), Cadence.MONDAYS: N_("every Monday")}
Block = dict[str, Any]


def cadence_label(cadence: Cadence) -> str:
    """How a person reads which days a digest posts on."""
    return _(CADENCES[cadence])


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def open_button() -> Block:
    """The Home tab button that opens the form for the saved team."""
    button = {"type": "button", "action_id": OPEN_FORM, "text": _plain(_("Post a daily digest…"))}
    return {"type": "actions", "elements": [button]}


def _choice(cadence: Cadence) -> Block:
    return {"text": _plain(cadence_label(cadence).capitalize()), "value": cadence.value}


def digest_form(*, target_id: str, target_label: str) -> Block:
    """Ask where and when to post a team's digest."""
    channel = {
        "type": "conversations_select",
        "action_id": CHANNEL,
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    at = {"type": "timepicker", "action_id": AT, "initial_time": "09:00"}
    cadence = {
        "type": "radio_buttons",
        "action_id": CADENCE,
        "options": [_choice(c) for c in Cadence],
        "initial_option": _choice(Cadence.WEEKDAYS),
    }
    note = _(
        "Who in {team} is out today and this week, at that time in your time zone.",
        team=target_label,
    )
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(_("Team digest")),
        "submit": _plain(_("Post it")),
        "close": _plain(_("Cancel")),
        "private_metadata": json.dumps({"id": target_id, "label": target_label}),
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": note}},
            {
                "type": "input",
                "block_id": CHANNEL,
                "label": _plain(pgettext("the channel a digest is posted in", "In")),
                "element": channel,
            },
            {
                "type": "input",
                "block_id": AT,
                "label": _plain(pgettext("the time a digest is posted at", "At")),
                "element": at,
            },
            {
                "type": "input",
                "block_id": CADENCE,
                "label": _plain(pgettext("the days a digest is posted on", "On")),
                "element": cadence,
            },
        ],
    }


@dataclass(frozen=True)
class DigestForm:
    """What was submitted: the team (from the metadata), the channel, the time, the days."""

    target_id: str
    target_label: str
    channel_id: str
    at: time
    cadence: Cadence


def read_form(view: dict[str, Any]) -> DigestForm:
    """Read a submitted digest form (Slack requires each input, so each has a value)."""
    values = view["state"]["values"]
    team = json.loads(view["private_metadata"])
    hour, minute = str(values[AT][AT]["selected_time"]).split(":")
    return DigestForm(
        target_id=str(team["id"]),
        target_label=str(team["label"]),
        channel_id=str(values[CHANNEL][CHANNEL]["selected_conversation"]),
        at=time(int(hour), int(minute)),
        cadence=Cadence(values[CADENCE][CADENCE]["selected_option"]["value"]),
    )
