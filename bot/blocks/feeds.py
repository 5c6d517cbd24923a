"""Published calendar feeds in Block Kit: a person's feeds on their Home tab, and the answer
that gives a feed's URL with how to subscribe to it."""

from collections.abc import Sequence
from typing import Any

from bot.blocks.mrkdwn import escape
from bot.blocks.when import date_token
from bot.core.feed_links import FeedKind, FeedLink
from bot.texts import N_, _, ngettext, pgettext

# Each button's action_id is this and its feed's id: Slack wants them unique in a view.
REVOKE_FEED = "feed_revoke"
# A Home tab holds 100 blocks; a few feeds are plenty, the rest are named by count.
SHOWN = 5
Block = dict[str, Any]
HOW_TO_SUBSCRIBE = N_(
    "To see it in your calendar: *Google Calendar* → Other calendars → + → From URL; "
    "*Outlook* → Add calendar → Subscribe from web; *Apple Calendar* → File → New Calendar "
    "Subscription. Calendars read it again about every hour."
)
SECRET = N_("Anyone who has this address sees these absences' days: keep it to yourself.")


def feed_answer(link: FeedLink, *, fresh: bool) -> str:
    """The answer to `/ooo feed` or `/ooo team feed`: the URL, or why it can't be shown."""
    whose = _whose(link)
    if link.url is None:
        return _unshown(link)
    intro = _("Your new calendar feed:") if fresh else _("Your calendar feed:")
    return f"{intro} {whose}\n{link.url}\n\n{_(HOW_TO_SUBSCRIBE)}\n{_(SECRET)}"


def revoked_answer(revoked: Sequence[FeedLink]) -> str:
    """What `/ooo feed off` or `/ooo team feed off` stopped."""
    if not revoked:
        return _("You have no such calendar feed. Your Home tab lists the ones you have.")
    stopped = ", ".join(_whose(link) for link in revoked)
    return _("Stopped: {feeds}. Calendars reading it now get nothing.", feeds=stopped)


def feed_blocks(links: Sequence[FeedLink]) -> list[Block]:
    """The Home tab's Calendar feeds section: each feed, its URL, and a Revoke button."""
    if not links:
        return []
    blocks: list[Block] = [_section(_("*Calendar feeds*"))]
    for link in links[:SHOWN]:
        shown = f"`{link.url}`" if link.url else _("(address shown only when it was made)")
        blocks.append({**_section(f"{_whose(link)}\n{shown}"), "accessory": _revoke(link)})
    if len(links) > SHOWN:
        text = ngettext(
            "…and {count} more: `/ooo team feed off #channel` stops one.",
            "…and {count} more: `/ooo team feed off #channel` stops one.",
            len(links) - SHOWN,
        )
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": text}]})
    return blocks


def _whose(link: FeedLink) -> str:
    """Whose absences a feed shows."""
    if link.kind == FeedKind.PERSON:
        return _("Your absences")
    return _("Absences in {team}", team=escape(link.label or ""))


def _unshown(link: FeedLink) -> str:
    """Why a feed's address can't be shown again, and how to get a new one."""
    made = date_token(link.created_at, "{date_short_pretty}", link.created_at.date().isoformat())
    if link.kind == FeedKind.PERSON:
        return _(
            "You already have a calendar feed of your absences, made {day}. Its address was "
            "shown only then: this server keeps a fingerprint of it, not the address. "
            "`/ooo feed new` makes a new address and stops the old one.",
            day=made,
        )
    return _(
        "You already have a calendar feed of the absences in {team}, made {day}. Its address "
        "was shown only then: this server keeps a fingerprint of it, not the address. "
        "`/ooo team feed new {team}` makes a new address and stops the old one.",
        team=escape(link.label or ""),
        day=made,
    )


def _section(text: str) -> Block:
    """A section of mrkdwn text."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _revoke(link: FeedLink) -> Block:
    """A button that stops the feed, after saying what that does."""
    return {
        "type": "button",
        "action_id": f"{REVOKE_FEED}-{link.id}",
        "value": str(link.id),
        "style": "danger",
        "text": {"type": "plain_text", "text": _("Revoke")},
        "confirm": {
            "title": {"type": "plain_text", "text": _("Revoke this feed?")},
            "text": {
                "type": "plain_text",
                "text": _("Calendars that read it will get nothing from now on."),
            },
            "confirm": {"type": "plain_text", "text": _("Revoke")},
            "deny": {"type": "plain_text", "text": pgettext("keep the published feed", "Keep it")},
        },
    }
