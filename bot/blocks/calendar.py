"""The Home tab's Calendar section, the form that connects a feed, and what `/ooo calendar` says."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.blocks.when import moment_token
from bot.core.calendar_sync import FeedStatus
from bot.core.responder import MESSAGE_MAX
from bot.texts import _, ngettext

OPEN_FORM = "calendar_open"
DISCONNECT = "calendar_disconnect"
CALLBACK_ID = "calendar_form"
URL, ONLY_MARKED, MESSAGE = "calendar_url", "calendar_only_marked", "calendar_message"
Block = dict[str, Any]

# What a feed address looks like, the same in every language.
EXAMPLE_URL = "https://calendar.google.com/calendar/ical/…/basic.ics"


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def _button(action_id: str, label: str, **extra: Any) -> Block:
    return {"type": "button", "action_id": action_id, "text": _plain(label), **extra}


def status_text(status: FeedStatus, *, tz: str, now: datetime) -> str:
    """Which feed, when it was last read, what it found, and whether it fails."""
    which = _("only out-of-office events") if status.marked_only else _("all absences")
    lines = [_("*Calendar* `{hint}` · {which}", hint=status.hint, which=which)]
    if status.read_at is None:
        lines.append(_("Not read yet."))
    else:
        found = ngettext(
            "Last read {when}: {count} absence ahead.",
            "Last read {when}: {count} absences ahead.",
            status.found,
            when=moment_token(status.read_at, tz),
        )
        if status.overlapping:
            found += " " + ngettext(
                "{count} left out: another responder covers it.",
                "{count} left out: other responders cover them.",
                status.overlapping,
            )
        lines.append(found)
    if status.failing_since is not None and status.problem:
        since = moment_token(status.failing_since, tz)
        lines.append(_(":warning: Failing since {since}. {why}", since=since, why=status.problem))
    return "\n".join(lines)


def calendar_section(
    status: FeedStatus | None, *, available: bool, tz: str, now: datetime
) -> list[Block]:
    """The Calendar section: a Connect button, or the feed with Change and Disconnect."""
    if not available:
        return []
    if status is None:
        note = _("Absences in your calendar can become responders by themselves.")
        return [
            {"type": "section", "text": {"type": "mrkdwn", "text": note}},
            {"type": "actions", "elements": [_button(OPEN_FORM, _("Connect a calendar"))]},
        ]
    text = status_text(status, tz=tz, now=now)
    buttons = [_button(OPEN_FORM, _("Change")), _button(DISCONNECT, _("Disconnect"))]
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {"type": "actions", "elements": buttons},
    ]


def calendar_form(status: FeedStatus | None, *, default_message: str) -> Block:
    """Ask for the feed's address, which events count and the message of its responders."""
    url: Block = {
        "type": "url_text_input",
        "action_id": URL,
        "placeholder": _plain(EXAMPLE_URL),
    }
    checkbox, message = _which_events(status), _message(status, default_message)
    hint = _("Your calendar's secret address in iCal format (it ends in .ics).")
    if status is not None:
        hint = _("Leave it empty to keep {hint}.", hint=status.hint)
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(_("Connect a calendar")),
        "submit": _plain(_("Connect")),
        "close": _plain(_("Cancel")),
        "private_metadata": json.dumps({"connected": status is not None}),
        "blocks": [
            {
                "type": "input",
                "block_id": URL,
                "label": _plain(_("Calendar address")),
                "hint": _plain(hint),
                "optional": status is not None,
                "element": url,
            },
            {
                "type": "input",
                "block_id": ONLY_MARKED,
                "label": _plain(_("Which events")),
                "optional": True,
                "element": checkbox,
            },
            {
                "type": "input",
                "block_id": MESSAGE,
                "label": _plain(_("Message of these responders")),
                "element": message,
            },
        ],
    }


def _which_events(status: FeedStatus | None) -> Block:
    """The checkbox narrowing a feed to the events its calendar marks out of office."""
    only = {"text": _plain(_("Only events marked out of office")), "value": "only"}
    checkbox: Block = {"type": "checkboxes", "action_id": ONLY_MARKED, "options": [only]}
    if status is not None and status.marked_only:
        checkbox["initial_options"] = [only]
    return checkbox


def _message(status: FeedStatus | None, default_message: str) -> Block:
    """The message of the feed's responders, as the person wrote it or the default."""
    return {
        "type": "plain_text_input",
        "action_id": MESSAGE,
        "multiline": True,
        "max_length": MESSAGE_MAX,
        "initial_value": (status.message if status else None) or default_message,
    }


@dataclass(frozen=True)
class CalendarForm:
    """What was submitted: the address (empty: keep the connected one), which events, message."""

    url: str
    marked_only: bool
    message: str


def read_form(view: dict[str, Any]) -> CalendarForm:
    """Read a submitted calendar form."""
    values = view["state"]["values"]
    chosen = values.get(ONLY_MARKED, {}).get(ONLY_MARKED, {}).get("selected_options") or []
    return CalendarForm(
        url=str(values.get(URL, {}).get(URL, {}).get("value") or "").strip(),
        marked_only=any(o.get("value") == "only" for o in chosen),
        message=str(values.get(MESSAGE, {}).get(MESSAGE, {}).get("value") or "").strip(),
    )
