"""Someone else's absences as the person acting for them sees them, the confirmation before
ending or deleting one, and what others did for a person, on their Home tab."""

import json
from datetime import datetime
from typing import Any

from bot.blocks.responder_list import Backs, responder_row
from bot.blocks.when import describe_window, moment_token
from bot.core.audit import ERASED_ACTOR, Action, Done
from bot.core.responder import Phase, phase_at
from bot.core.responder_value import Responder
from bot.texts import N_, _

BEHALF_MENU = "behalf_menu"
BEHALF_CONFIRM = "behalf_confirm"
EDIT, END, DELETE = "edit", "end", "delete"
# Slack allows 50 blocks in a message; the heading takes one.
ROWS = 49
DONE_WORDS: dict[str, str] = {
    Action.CREATE: N_("{actor} set an absence for you"),
    Action.EDIT: N_("{actor} changed your absence"),
    Action.END: N_("{actor} ended your absence"),
    Action.DELETE: N_("{actor} deleted your absence"),
}
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def absences_message(
    person_id: str, responders: list[Responder], *, now: datetime, backs: Backs
) -> tuple[str, list[Block]]:
    """The private answer to `/ooo for @bob`: Bob's absences, each to edit, end or delete
    (`backs`: when Bob is back from each, by id)."""
    person = f"<@{person_id}>"
    if not responders:
        text = _(
            "{person} has no absences. `/ooo for {person} <dates>` sets one for them.",
            person=person,
        )
        return text, [_section(text)]
    text = _("Absences of {person}, which you may change for them:", person=person)
    rows = [_row(r, now=now, back=backs.get(r.id)) for r in responders[:ROWS]]
    return text, [_section(text), *rows]


def _row(responder: Responder, *, now: datetime, back: datetime | None) -> Block:
    """One absence with a menu acting for its owner: Edit, End now while not ended, Delete."""
    row = responder_row(responder, now=now, back=back)
    entries = [(EDIT, _("Edit"))]
    if phase_at(responder.starts_at, responder.ends_at, now) is not Phase.ENDED:
        entries.append((END, _("End now")))
    entries.append((DELETE, _("Delete")))
    row["accessory"] = {
        "type": "overflow",
        "action_id": f"{BEHALF_MENU}-{responder.id}",
        "options": [
            {"text": {"type": "plain_text", "text": label}, "value": f"{verb}:{responder.id}"}
            for verb, label in entries
        ],
    }
    return row


def confirm_for(responder: Responder, *, verb: str, back: datetime | None) -> Block:
    """Ask before ending or deleting someone else's absence (`back`: when they are back)."""
    when = describe_window(responder.window(), responder.tz, back=back)
    person = f"<@{responder.owner_id}>"
    if verb == END:
        title, submit = _("End responder?"), _("End now")
        body = _(
            "End {person}'s absence now? ({when}) They will be told you did.",
            person=person,
            when=when,
        )
    else:
        title, submit = _("Delete responder?"), _("Delete")
        body = _(
            "Delete {person}'s absence for good? ({when}) They will be told you did.",
            person=person,
            when=when,
        )
    return {
        "type": "modal",
        "callback_id": BEHALF_CONFIRM,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": submit},
        "close": {"type": "plain_text", "text": _("Cancel")},
        "private_metadata": json.dumps({"id": responder.id, "verb": verb}),
        "blocks": [_section(body)],
    }


def read_confirmed(private_metadata: str) -> tuple[int, str]:
    """Which absence a confirmation is about, and whether to end or delete it."""
    data = json.loads(private_metadata)
    return int(data["id"]), str(data["verb"])


def done_for_you_blocks(done: list[Done]) -> list[Block]:
    """The Home tab's "Changed for you by others": the newest first, one line each."""
    # Only the actions this part records are worded here; others' (closures) say their own.
    shown = [(entry, DONE_WORDS[entry.action]) for entry in done if entry.action in DONE_WORDS]
    if not shown:
        return []
    lines = [_("*Changed for you by others*")]
    for entry, words in shown:
        actor = _("Someone") if entry.actor_id == ERASED_ACTOR else f"<@{entry.actor_id}>"
        lines.append(f"• {_(words, actor=actor)} · {moment_token(entry.at, 'UTC')}")
    return [_section("\n".join(lines)), {"type": "divider"}]


def refusal_modal(text: str) -> dict[str, Any]:
    """A refusal in a modal's place: acting for that person is not allowed."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": _("Not available")},
        "close": {"type": "plain_text", "text": _("OK")},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}],
    }
