"""What automatic replies look like: the reply, its buttons, forwards, notes and the nudge."""

import json
from collections.abc import Mapping
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.blocks.mrkdwn import cut, escape
from bot.blocks.names import person, whose
from bot.blocks.when import date_token
from bot.core.leave_types import LeaveType
from bot.core.mentions import is_direct, neutralize
from bot.core.responder import BACKUP_VARIABLE, Kind, Target
from bot.core.responder_value import Responder
from bot.texts import _
from bot.texts.dates import day, moment
from bot.texts.leave_types import type_label

NOTIFY_BACKUP, REMIND_ME = "reply_notify_backup", "reply_remind_me"
END_NOW, KEEP_ON = "reply_end_now", "reply_keep_on"
Block = dict[str, Any]
# Slack's limit on a section's text, counted once escaped and filled in.
TEXT_MAX = 3000
# The most each variable grows to once filled in: a mention or a group's handle, a date token
# (its words and fallback in the reader's language: 75 characters at most), a mention.
FILLED_MAX = {"{name}": 40, "{return_date}": 80, BACKUP_VARIABLE: 24}


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


def until(back: datetime | None, tz: str) -> str:
    """Until the owner is back (a working day: bot/organisation/returns.py), as a date token
    each reader sees in their own zone."""
    if back is None:
        return _("until further notice")
    return _("until {day}", day=back_at(back, tz))


def back_at(back: datetime, tz: str) -> str:
    """When the owner (in zone `tz`) is back, as a date token; its fallback names that moment
    as the owner lives it, since a return at midnight is the eve in zones to the west."""
    local = back.astimezone(ZoneInfo(tz))
    if local.time() == time(0):
        # The return day itself; noon keeps it that day for readers a few zones away.
        noon = datetime.combine(local.date(), time(12), tzinfo=ZoneInfo(tz))
        return date_token(noon, "{date_short_pretty}", day(local.date(), local.year))
    shown = f"{moment(local, local.year)} {local.tzname()}"
    return date_token(back, _("{date_short_pretty} at {time}"), shown)


def _return_date(back: datetime | None, tz: str) -> str:
    """The message's {return_date}: the same moment, without the word "until"."""
    if back is None:
        return _("further notice")
    return back_at(back, tz)


def render(text: str, responder: Responder, back: datetime | None) -> str:
    """The owner's message with its variables filled in and every broadcast neutralized."""
    backup = f"<@{responder.backup_id}>" if responder.backup_id else _("a colleague")
    filled = neutralize(escape(text))  # escaped, `<!channel>` shows as typed; @here gets a joiner
    for variable, value in (
        ("{name}", who(responder)),
        ("{return_date}", _return_date(back, responder.tz)),
        (BACKUP_VARIABLE, backup),
    ):
        filled = filled.replace(variable, value)
    return filled


def filled_size(text: str) -> int:
    """How long a message can grow in a reply: escaped, with every variable filled in."""
    shown = neutralize(escape(text))
    return len(shown) + sum(shown.count(v) * (n - len(v)) for v, n in FILLED_MAX.items())


def reply_message(
    responder: Responder,
    *,
    back: datetime | None,
    place: dict[str, Any],
    external: bool,
    names: dict[str, str],
    shown: LeaveType | None = None,
) -> tuple[str, list[Block]]:
    """The private answer: who is out (and why, when `shown`) and until when, their message,
    and someone to turn to."""
    ends = until(back, responder.tz)
    headline = _("{name} is out of office {until}.", name=who(responder), until=ends)
    if shown is not None:
        headline = _(
            "{name} is out of office {until}: {type}.",
            name=who(responder),
            until=ends,
            type=escape(type_label(shown)),
        )
    message = (responder.external_message if external else responder.message) or ""
    # A message saved before its size was checked is cut rather than refused by Slack.
    blocks = [_section(headline), _section(cut(render(message, responder, back), TEXT_MAX))]
    if not external:
        value = json.dumps({"r": responder.id, "c": place["channel"], "t": place["ts"]})
        buttons = []
        if responder.backup_id:
            backup = names.get(responder.backup_id) or _("their backup")
            label = _("Notify {backup}", backup=backup)
            buttons.append(_button(NOTIFY_BACKUP, label, value, "primary"))
        absent = names.get(responder.owner_id) if responder.kind == Kind.PERSONAL else None
        if absent:
            label = _("Remind me when {name} is back", name=absent)
        else:
            label = _("Remind me when they're back")
        buttons.append(_button(REMIND_ME, label, value))
        blocks.append({"type": "actions", "elements": buttons})
    return headline, blocks


def reply_as_owner(
    responder: Responder, *, back: datetime | None, external: bool, shown: LeaveType | None = None
) -> str:
    """The answer posted in a direct message as its owner: marked automatic (saying why, when
    `shown`), then their words."""
    message = (responder.external_message if external else responder.message) or ""
    ends = until(back, responder.tz)
    marked = _("_Automatic reply: I'm out of office {until}._", until=ends)
    if shown is not None:
        marked = _(
            "_Automatic reply: I'm out of office {until} ({type})._",
            until=ends,
            type=escape(type_label(shown)),
        )
    return f"{marked}\n{render(message, responder, back)}"


def where(channel: str, permalink: str | None) -> str:
    """Where a message was, with its link if any; a DM's opens for its two members only."""
    if is_direct(channel):
        return _("in a direct message")
    if permalink:
        return _("in <#{channel}>: <{link}|open the message>", channel=channel, link=permalink)
    return _("in <#{channel}>", channel=channel)


def forward_message(
    responder: Responder,
    *,
    sender: str,
    channel: str,
    permalink: str | None,
    at: datetime,
    names: Mapping[str, str] | None = None,
) -> str:
    """The copy sent to the forward target: who wrote, where and when, with a link.

    Given `names` (a copy posted in a channel), people are named, so that nobody is notified.
    """
    said = {
        "sender": f"<@{sender}>" if names is None else person(sender, names, _("Someone")),
        "name": who(responder) if names is None else whose(responder, names),
        "place": where(channel, permalink),
        "when": sent_at(at),
    }
    if is_direct(channel):
        return _("{sender} wrote to {name} {place} {when}.", **said)
    return _("{sender} wrote to {name} {when} {place}", **said)


def sent_at(at: datetime) -> str:
    """When a message was written, as a date token."""
    utc = at.astimezone(UTC)
    return date_token(at, _("{date_short_pretty} at {time}"), f"{moment(utc, utc.year)} UTC")


def backup_note(
    responder: Responder,
    *,
    back: datetime | None,
    sender: str,
    channel: str,
    permalink: str | None,
) -> str:
    """The DM to the backup: who is looking for the absent person, where, with a link."""
    return _(
        "<@{sender}> is looking for {name}, who is out of office {until}, {place}. "
        "They were told you can help.",
        sender=sender,
        name=who(responder),
        until=until(back, responder.tz),
        place=where(channel, permalink),
    )


def back_note(responder: Responder) -> str:
    """The DM to someone who asked to know when the absent person is back."""
    return _(":wave: {name} is back. You asked me to let you know.", name=who(responder))


def nudge_message(responder: Responder, *, back: datetime | None) -> tuple[str, list[Block]]:
    """The private reminder to an absent person who posts: their responder is still on."""
    text = _(
        "Your responder is still on, {until}: people who mention you get it.",
        until=until(back, responder.tz),
    )
    buttons = [
        _button(END_NOW, _("End now"), str(responder.id), "danger"),
        _button(KEEP_ON, _("Keep it on"), str(responder.id)),
    ]
    return text, [_section(f":palm_tree: {text}"), {"type": "actions", "elements": buttons}]
