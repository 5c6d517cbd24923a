"""The digest DM: who wrote while someone was away, where and when, grouped by sender."""

from collections import defaultdict
from typing import Any

from bot.blocks.replies import sent_at, who
from bot.core.mentions import is_direct
from storage.models import Mention, Responder

# A message holds 50 blocks: a header, a summary, and one section per sender up to this many.
SENDERS_SHOWN = 45
LINKS_PER_SENDER = 10


def digest_message(
    responder: Responder, mentions: list[Mention], *, replied: int, held: int
) -> tuple[str, list[dict[str, Any]]]:
    """The owner's digest: each sender's messages with links, and the replies ooo sent."""
    by_sender: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sender[mention.sender_id].append(mention)
    people = "person" if len(by_sender) == 1 else "people"
    summary = (
        f"{len(mentions)} message{'s' * (len(mentions) != 1)} for {who(responder)} "
        f"from {len(by_sender)} {people}; {replied} automatic repl{'ies' if replied != 1 else 'y'} "
        f"sent, {held} held back by the hourly limit."
    )
    if not mentions:
        summary = f"Nobody wrote to {who(responder)} while the responder was on."
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "While you were away"}},
        _section(summary),
    ]
    senders = list(by_sender.items())
    for sender, theirs in senders[:SENDERS_SHOWN]:
        lines = [_line(m) for m in theirs[:LINKS_PER_SENDER]]
        if len(theirs) > LINKS_PER_SENDER:
            lines.append(f"…and {len(theirs) - LINKS_PER_SENDER} more")
        blocks.append(_section(f"*<@{sender}>*\n" + "\n".join(lines)))
    if len(senders) > SENDERS_SHOWN:
        blocks.append(_section(f"…and {len(senders) - SENDERS_SHOWN} more people."))
    return f"While you were away: {summary}", blocks


def _line(mention: Mention) -> str:
    """One message: where and when, linked when the link is known."""
    where = "a direct message" if is_direct(mention.channel_id) else f"<#{mention.channel_id}>"
    when = sent_at(mention.at)
    return (
        f"• <{mention.permalink}|{when}> in {where}"
        if mention.permalink
        else f"• {when} in {where}"
    )


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
