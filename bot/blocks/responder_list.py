"""Rows that list a person's responders, each with its `…` menu, and the status line above them."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.blocks.ids import responder_id
from bot.blocks.mrkdwn import cut, escape
from bot.blocks.when import describe_window, moment_token
from bot.core.leave_types import Privacy, hidden_for, type_of
from bot.core.responder import Kind, Phase, Target, phase_at
from bot.core.responder_value import Responder
from bot.core.team import SHOWN
from bot.texts import N_, _, ngettext
from bot.texts.leave_types import type_label

MENU = "responder_menu"
EDIT, END, DELETE = "edit", "end", "delete"
PHASE_LABELS = {
    Phase.SCHEDULED: N_("Scheduled"),
    Phase.ACTIVE: N_("On now"),
    Phase.ENDED: N_("Ended"),
}
PREVIEW_CHARS = 140
# Slack allows 50 blocks in a message; the status line and the "…and N more" note take two.
LIST_ROWS = 48
Block = dict[str, Any]
# When each responder's owner is back, by responder id (None: until further notice).
Backs = Mapping[int, datetime | None]


def handle_mention(responder: Responder) -> str | None:
    """Mention the user group or channel a shared responder answers for, as Slack renders it."""
    if responder.kind != Kind.SHARED or not responder.target_id:
        return None
    if responder.target_kind == Target.USERGROUP:
        return f"<!subteam^{responder.target_id}>"
    return f"<#{responder.target_id}>"


def audience(responder: Responder) -> str:
    """Name whose messages a responder answers."""
    mention = handle_mention(responder)
    return _("For {mention}", mention=mention) if mention else _("For me")


def menu_action(action_id: str, value: str) -> tuple[str, int] | None:
    """Read which menu entry was chosen and for which responder."""
    if not action_id.startswith(MENU):
        return None
    verb, _colon, raw_id = value.partition(":")
    chosen = responder_id(raw_id)
    if verb not in (EDIT, END, DELETE) or chosen is None:
        return None
    return verb, chosen


def responder_row(
    responder: Responder,
    *,
    now: datetime,
    back: datetime | None,
    viewer: str | None = None,
    privacy: Privacy = SHOWN,
) -> Block:
    """One responder as a section with its phase, type, dates, message and `…` menu; one another
    member of its group or channel set says by whom, and its menu only ends it."""
    phase = phase_at(responder.starts_at, responder.ends_at, now)
    message = cut(escape(" ".join(responder.message.split())), PREVIEW_CHARS)
    when = describe_window(responder.window(), responder.tz, back=back)
    heading = f"*{audience(responder)}* · {_(PHASE_LABELS[phase])}"
    others = viewer is not None and viewer != responder.owner_id
    # Set by another member for their group or channel, or by someone acting for its owner.
    setter = responder.owner_id if others else responder.set_by
    if setter and (others or setter != responder.owner_id):
        heading += " · " + _("set by {owner}", owner=f"<@{setter}>")
    if not others and (kind := own_type(responder, privacy)):
        heading += " · " + kind
    if responder.calendar_id is not None:
        heading += " · " + _("from your calendar")
    lines = [heading, when[:1].upper() + when[1:], f"> {message}"]
    section: Block = {
        "type": "section",
        "block_id": f"responder-{responder.id}",
        "text": {"type": "mrkdwn", "text": "\n".join(lines)},
    }
    entries = _menu(phase, owned=not others)
    if not entries:
        return section
    section["accessory"] = {
        "type": "overflow",
        "action_id": f"{MENU}-{responder.id}",
        "options": [
            {"text": {"type": "plain_text", "text": label}, "value": f"{verb}:{responder.id}"}
            for verb, label in entries
        ],
    }
    return section


def own_type(responder: Responder, privacy: Privacy) -> str:
    """Its type, as its owner always reads it, saying when others read only "out of office";
    nothing for an absence without one."""
    leave_type = type_of(privacy.types, responder.leave_type)
    if leave_type is None:
        return ""
    said = f"{leave_type.emoji} {escape(type_label(leave_type))}"
    hidden = hidden_for(
        privacy.types,
        responder.leave_type,
        chosen=responder.hide_reason,
        workspace_hides=privacy.hides,
    )
    return said + (" · " + _("hidden from others") if hidden else "")


def _menu(phase: Phase, *, owned: bool) -> list[tuple[str, str]]:
    """The `…` menu's entries: the owner's, or ending it for another member while not ended."""
    if not owned:
        return [] if phase is Phase.ENDED else [(END, _("End now"))]
    entries = [(EDIT, _("Edit"))]
    if phase is Phase.ACTIVE:
        entries.append((END, _("End now")))
    return [*entries, (DELETE, _("Delete"))]


def responder_rows(
    responders: list[Responder],
    *,
    now: datetime,
    backs: Backs,
    limit: int,
    viewer: str | None = None,
    privacy: Privacy = SHOWN,
) -> list[Block]:
    """List rows, noting how many did not fit Slack's block limit."""
    shown = responders[:limit]
    rows = [
        responder_row(r, now=now, back=backs.get(r.id), viewer=viewer, privacy=privacy)
        for r in shown
    ]
    if len(responders) > limit:
        hidden = len(responders) - limit
        more = ngettext(
            "…and {count} more. End or delete old ones to see them here.",
            "…and {count} more. End or delete old ones to see them here.",
            hidden,
        )
        rows.append(_context(more))
    return rows


def active_personal(responders: list[Responder], *, now: datetime) -> Responder | None:
    """The person's own responder that is on now, if any."""
    mine = (r for r in responders if r.kind == Kind.PERSONAL)
    return next((r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.ACTIVE), None)


def status_line(responders: list[Responder], *, now: datetime, backs: Backs) -> str:
    """Say whether the person's own responder is on, and when it ends or starts next."""
    mine = [r for r in responders if r.kind == Kind.PERSONAL]
    active = active_personal(responders, now=now)
    if active is not None:
        back_at = backs.get(active.id) or active.ends_at
        if back_at is None:
            return _(":palm_tree: You're out until you turn your responder off.")
        back = moment_token(back_at, active.tz)
        return _(":palm_tree: You're out until {back}.", back=back)
    upcoming = [r for r in mine if phase_at(r.starts_at, r.ends_at, now) is Phase.SCHEDULED]
    if upcoming:
        starts = moment_token(upcoming[0].starts_at, upcoming[0].tz)
        return _("No responder is on. The next one starts {starts}.", starts=starts)
    return _("No responder is on.")


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def list_message(
    responders: list[Responder],
    *,
    now: datetime,
    backs: Backs,
    viewer: str | None = None,
    privacy: Privacy = SHOWN,
) -> tuple[str, list[Block]]:
    """The private answer to `/ooo list`, as `viewer` sees it; `backs`: when each responder's
    owner is back, by id."""
    status = status_line(responders, now=now, backs=backs)
    blocks: list[Block] = [{"type": "section", "text": {"type": "mrkdwn", "text": status}}]
    if not responders:
        blocks.append(_context(_("You have no responders. Type `/ooo` to set one.")))
        return status, blocks
    blocks += responder_rows(
        responders, now=now, backs=backs, limit=LIST_ROWS, viewer=viewer, privacy=privacy
    )
    return status, blocks
