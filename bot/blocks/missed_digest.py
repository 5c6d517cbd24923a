"""The digest DM: who wrote while someone was away, where and when, grouped by sender."""

from collections import defaultdict
from typing import Any

from bot.blocks.replies import sent_at, who
from bot.core.mentions import is_direct
from bot.core.responder_value import Responder
from bot.texts import _, ngettext
from storage.models import Mention

# A message holds 50 blocks: a header, a summary, and one section per sender up to this many.
SENDERS_SHOWN = 45
LINKS_PER_SENDER = 10


def digest_message(
    responder: Responder, mentions: list[Mention], *, replied: int, held: int
) -> tuple[str, list[dict[str, Any]]]:
    """The owner's digest: each sender's messages with links, and the replies ooo sent."""
    by_sender = _by_sender(mentions)
    summary = _(
        "{messages} for {owner} from {senders}; {replies} sent, {held} by the hourly limit.",
        messages=ngettext("{count} message", "{count} messages", len(mentions)),
        owner=who(responder),
        senders=ngettext("{count} person", "{count} people", len(by_sender)),
        replies=ngettext("{count} automatic reply", "{count} automatic replies", replied),
        held=ngettext("{count} held back", "{count} held back", held),
    )
    if not mentions:
        summary = _("Nobody wrote to {owner} while the responder was on.", owner=who(responder))
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _("While you were away")}},
        _section(summary),
    ]
    senders = list(by_sender.items())
    for sender, theirs in senders[:SENDERS_SHOWN]:
        lines = [_line(m) for m in theirs[:LINKS_PER_SENDER]]
        if len(theirs) > LINKS_PER_SENDER:
            hidden = len(theirs) - LINKS_PER_SENDER
            lines.append(ngettext("…and {count} more", "…and {count} more", hidden))
        blocks.append(_section(f"*<@{sender}>*\n" + "\n".join(lines)))
    if len(senders) > SENDERS_SHOWN:
        more = len(senders) - SENDERS_SHOWN
        blocks.append(
            _section(ngettext("…and {count} more person.", "…and {count} more people.", more))
        )
    return _("While you were away: {summary}", summary=summary), blocks


def shown(mentions: list[Mention]) -> list[Mention]:
    """The messages the digest lists, each with its link when known."""
    senders = list(_by_sender(mentions).values())[:SENDERS_SHOWN]
    return [mention for theirs in senders for mention in theirs[:LINKS_PER_SENDER]]


def _by_sender(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Each sender's messages, senders in the order they first wrote."""
    by_sender: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sender[mention.sender_id].append(mention)
    return by_sender


def _line(mention: Mention) -> str:
    """One message: where and when, linked when the link is known."""
    direct = is_direct(mention.channel_id)
    where = _("a direct message") if direct else f"<#{mention.channel_id}>"
    when = sent_at(mention.at)
    if mention.permalink:
        return _("• <{link}|{when}> in {where}", link=mention.permalink, when=when, where=where)
    return _("• {when} in {where}", when=when, where=where)


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
