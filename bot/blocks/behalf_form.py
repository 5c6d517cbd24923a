"""The responder form's part for absences set for someone else: whom it is for, and the picker."""

from typing import Any

from bot.blocks.responder_form import Meta
from bot.texts import _

# The "For someone else" picker: choosing a person draws the form again for them.
FOR_WHOM = "behalf_person"
Block = dict[str, Any]


def for_whom_blocks(meta: Meta) -> list[Block]:
    """The picker (for people who may act for others), whom it is for, and why a choice failed."""
    blocks: list[Block] = []
    if meta.may_act:
        picker: Block = {
            "type": "users_select",
            "action_id": FOR_WHOM,
            "placeholder": {"type": "plain_text", "text": _("Someone else")},
        }
        if meta.for_user:
            picker["initial_user"] = meta.for_user
        blocks.append(
            {
                "type": "input",
                "block_id": f"{FOR_WHOM}.{meta.version}",
                "label": {"type": "plain_text", "text": _("For someone else")},
                "element": picker,
                "optional": True,
                "dispatch_action": True,
                "hint": {
                    "type": "plain_text",
                    "text": _("Leave it empty for your own absence."),
                },
            }
        )
    lines = [f":warning: {meta.behalf_note}"] if meta.behalf_note else []
    if meta.for_user:
        lines.append(
            _(
                "For {person}: dates are read in their time zone, {zone}, and “me” and “my” "
                "below mean them. They will be told you set it.",
                person=f"<@{meta.for_user}>",
                zone=meta.tz,
            )
        )
    if lines:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "\n".join(lines)}]}
        )
    return blocks
