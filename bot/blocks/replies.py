"""What automatic replies look like: the reply, its buttons, forwards, notes and the nudge."""

import json
from datetime import datetime
from typing import Any

from bot.blocks.mrkdwn import escape
from bot.blocks.when import date_token
from bot.core.mentions import is_direct, neutralize
from bot.core.responder import BACKUP_VARIABLE, Kind, Target
from storage.models import Responder

NOTIFY_BACKUP, REMIND_ME = "reply_notify_backup", "reply_remind_me"
END_NOW, KEEP_ON = "reply_end_now", "reply_keep_on"
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(action_id: str, label: str, value: str, style: str | None = None) -> Block:
    button = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label[:75]},
        "value": value,
    }
    return button | ({"style": style} if style else {})


def who(responder: Responder) -> str:
    """Name whom a responder answers for without pinging anyone: a person, a group, a channel."""
    if responder.kind == Kind.PERSONAL:
        return f"<@{responder.owner_id}>"
    if responder.target_kind == Target.CHANNEL:
        return f"<#{responder.target_id}>"
    return neutralize(f"<!subteam^{responder.target_id}|{responder.target_label or ''}>")


def until(responder: Responder) -> str:
    """When the absence ends, as a date token each reader sees in their own zone."""
    if responder.ends_at is None:
        return "until further notice"
    return f"until {sent_at(responder.ends_at)}"


def render(text: str, responder: Responder) -> str:
    """The owner's message with its variables filled in and every broadcast neutralized."""
    backup = f"<@{responder.backup_id}>" if responder.backup_id else "a colleague"
    filled = neutralize(escape(text))  # escaped, `<!channel>` shows as typed; @here gets a joiner
    for variable, value in (
        ("{name}", who(responder)),
        ("{return_date}", until(responder).removeprefix("until ")),
        (BACKUP_VARIABLE, backup),
    ):
        filled = filled.replace(variable, value)
    return filled


def reply_message(
    responder: Responder, *, place: dict[str, Any], external: bool, names: dict[str, str]
) -> tuple[str, list[Block]]:
    """The private answer: who is out and until when, their message, and someone to turn to."""
    headline = f"{who(responder)} is out of office {until(responder)}."
    message = (responder.external_message if external else responder.message) or ""
    blocks = [_section(headline), _section(render(message, responder))]
    if not external:
        value = json.dumps({"r": responder.id, "c": place["channel"], "t": place["ts"]})
        buttons = []
        if responder.backup_id:
            backup = names.get(responder.backup_id, "their backup")
            buttons.append(_button(NOTIFY_BACKUP, f"Notify {backup}", value, "primary"))
        absent = names.get(responder.owner_id) if responder.kind == Kind.PERSONAL else None
        label = f"Remind me when {absent} is back" if absent else "Remind me when they're back"
        buttons.append(_button(REMIND_ME, label, value))
        blocks.append({"type": "actions", "elements": buttons})
    return headline, blocks


def reply_as_owner(responder: Responder, *, external: bool) -> str:
    """The answer posted in a direct message as its owner: marked automatic, then their words."""
    message = (responder.external_message if external else responder.message) or ""
    return f"_Automatic reply: I'm out of office {until(responder)}._\n{render(message, responder)}"


def where(channel: str, permalink: str | None) -> str:
    """Where a message was, with its link if any; a DM's opens for its two members only."""
    if is_direct(channel):
        return "in a direct message"
    link = f": <{permalink}|open the message>" if permalink else ""
    return f"in <#{channel}>{link}"


def forward_message(
    responder: Responder, *, sender: str, channel: str, permalink: str | None, at: datetime
) -> str:
    """The copy sent to the forward target: who wrote, where and when, with a link."""
    place = where(channel, permalink)
    if is_direct(channel):
        return f"<@{sender}> wrote to {who(responder)} {place} {sent_at(at)}."
    return f"<@{sender}> wrote to {who(responder)} {sent_at(at)} {place}"


def sent_at(at: datetime) -> str:
    """When a message was written, as a date token."""
    return date_token(at, "{date_short_pretty} at {time}", f"{at:%a %d %b %H:%M} UTC")


def backup_note(responder: Responder, *, sender: str, channel: str, permalink: str | None) -> str:
    """The DM to the backup: who is looking for the absent person, where, with a link."""
    return (
        f"<@{sender}> is looking for {who(responder)}, who is out of office "
        f"{until(responder)}, {where(channel, permalink)}. "
        "They were told you can help."
    )


def back_note(responder: Responder) -> str:
    """The DM to someone who asked to know when the absent person is back."""
    return f":wave: {who(responder)} is back. You asked me to let you know."


def nudge_message(responder: Responder) -> tuple[str, list[Block]]:
    """The private reminder to an absent person who posts: their responder is still on."""
    text = f"Your responder is still on, {until(responder)}: people who mention you get it."
    buttons = [
        _button(END_NOW, "End now", str(responder.id), "danger"),
        _button(KEEP_ON, "Keep it on", str(responder.id)),
    ]
    return text, [_section(f":palm_tree: {text}"), {"type": "actions", "elements": buttons}]
