"""How a listener answers a change its use case refused: not theirs, or another change holding
the owner's lock. One place, so every listener answers alike."""

from typing import Any

from bot.blocks.dialogs import BUSY, NOT_YOURS, busy_modal, not_found_modal
from bot.responders.changes import NotYours
from bot.texts import _
from storage.db import Busy

Refused = NotYours | Busy
# What listeners catch: the only place they meet the storage layer.
REFUSED = (NotYours, Busy)


def view_answer(refused: Refused) -> dict[str, Any]:
    """The answer to a modal's submission: a not-found view in its place, or a busy one on top
    (closing it goes back to the form, nothing lost)."""
    if isinstance(refused, Busy):
        return {"response_action": "push", "view": busy_modal()}
    return {"response_action": "update", "view": not_found_modal()}


def text_answer(refused: Refused) -> str:
    """The same refusal said in a sentence, for a button outside a modal."""
    return _(BUSY) if isinstance(refused, Busy) else _(NOT_YOURS)
