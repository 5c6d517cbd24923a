"""Naming people and groups in posts many people read, as text that notifies nobody."""

from collections.abc import Mapping

from bot.blocks.mrkdwn import escape
from bot.core.mentions import WORD_JOINER, neutralize
from bot.core.responder import Kind, Target
from bot.core.responder_value import Responder
from bot.texts import _


def person(user_id: str, names: Mapping[str, str], unknown: str | None = None) -> str:
    """A person's name as Slack shows it; neutral words (`unknown`, to start a sentence) when
    Slack gave none, never a mention."""
    name = names.get(user_id)
    return neutralize(escape(name)) if name else unknown or _("a colleague")


def group(handle: str | None) -> str:
    """A user group's handle as text (`@design`, a joiner after the @), which Slack never links."""
    bare = (handle or "").lstrip("@")
    return f"@{WORD_JOINER}{escape(bare)}" if bare else _("a user group")


def whose(responder: Responder, names: Mapping[str, str], unknown: str | None = None) -> str:
    """Whom a responder answers for, named: its owner, its user group or its channel."""
    if responder.kind == Kind.PERSONAL or not responder.target_id:
        return person(responder.owner_id, names, unknown)
    if responder.target_kind == Target.CHANNEL:
        return f"<#{responder.target_id}>"  # a channel link notifies nobody
    return group(responder.target_label)


def conversation(target: str, names: Mapping[str, str]) -> str:
    """A person or a channel chosen as somewhere to turn to."""
    return f"<#{target}>" if target[:1] in ("C", "G") else person(target, names)
