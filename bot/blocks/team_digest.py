"""Team digests drawn for Slack: the daily post, the list of them and their confirmations."""

from collections.abc import Mapping

from bot.blocks.names import person
from bot.blocks.team_digest_form import cadence_label
from bot.blocks.team_view import Block, absent_order, coverage_warning, overview_blocks, summary
from bot.blocks.when import date_token
from bot.core.mentions import neutralize
from bot.core.team import Overview
from bot.core.team_digest import Cadence
from bot.texts import _, ngettext
from storage.models import TeamDigest

# A channel message holds 50 blocks; this many people keep it well inside, text limits too.
DIGEST_PEOPLE = 30


def when_posted(digest: TeamDigest) -> str:
    """ "every working day at 09:00 (Europe/Paris)"."""
    cadence = cadence_label(Cadence(digest.cadence))
    return _("{cadence} at {time} ({zone})", cadence=cadence, time=digest.at, zone=digest.tz)


def subscribed_text(digest: TeamDigest, *, channel: str) -> str:
    """Confirm a digest, and when it first posts."""
    first = date_token(digest.next_post_at, "{date_long_pretty} at {time}", digest.at)
    return _(
        ":white_check_mark: I'll post who in {team} is out today and this week in {channel}, "
        "{when}. The first one: {first}. `/ooo team digest list` shows your digests.",
        team=digest.target_label,
        channel=channel,
        when=when_posted(digest),
        first=first,
    )


def failure_note(error: str) -> str:
    """Why the last post of a digest did not go out, and what to do."""
    if error in ("not_in_channel", "channel_not_found", "is_archived"):
        return _(
            " · :warning: the last post failed ({error}): `/invite @ooo` in that channel",
            error=error,
        )
    return _(" · :warning: the last post failed ({error})", error=error)


def digest_list(
    digests: list[TeamDigest], failures: dict[int, str] | None = None
) -> tuple[str, list[Block]]:
    """The asker's digests, numbered for `/ooo team digest remove N`, with failed last posts."""
    failures = failures or {}
    if not digests:
        text = _("You have no team digests. `/ooo team digest #channel 09:00 @group` sets one up.")
        return text, [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    lines = [
        _(
            "{n}. {team} in <#{channel}>, {when}",
            n=n,
            team=d.target_label,
            channel=d.channel_id,
            when=when_posted(d),
        )
        + (failure_note(failures[d.id]) if d.id in failures else "")
        for n, d in enumerate(digests, start=1)
    ]
    text = _("*Your team digests*") + "\n" + "\n".join(lines)
    hint = _("`/ooo team digest remove 1` (or the channel) stops one.")
    return text[:3000], [
        {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": hint}]},
    ]


def named_in(view: Overview) -> set[str]:
    """Everyone the post names: the absent people it shows and their backups."""
    shown = set(absent_order(view)[:DIGEST_PEOPLE])
    return shown | {a.backup for a in view.out_now if a.person in shown and a.backup}


def digest_message(
    label: str, view: Overview, *, coverage: int, names: Mapping[str, str]
) -> tuple[str, list[Block]]:
    """The post: who is out today and this week, and days short of people; no Show more.

    Many people read it in a channel, so people are named (`names`), never mentioned.
    """
    label = neutralize(label)
    absent = absent_order(view)
    header = {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": _("Who's out today and this week · {team}", team=label)[:150],
        },
    }
    blocks: list[Block] = [header, _context(summary(label, view))]
    warning = coverage_warning(view, coverage)
    if warning:
        blocks.append(warning)
    if not absent:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": _("Everyone is in. :sunny:")}}
        )
    blocks += overview_blocks(view, absent[:DIGEST_PEOPLE], lambda user: person(user, names))
    if len(absent) > DIGEST_PEOPLE:
        more = len(absent) - DIGEST_PEOPLE
        shows = ngettext(
            "…and {count} more: `/ooo team {team}` shows everyone.",
            "…and {count} more: `/ooo team {team}` shows everyone.",
            more,
            team=label,
        )
        blocks.append(_context(shows))
    away = ngettext(
        "Who's out today and this week in {team}: {count} away",
        "Who's out today and this week in {team}: {count} away",
        len(absent),
        team=label,
    )
    return away, blocks


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def removed_text(digests: list[TeamDigest]) -> str:
    """Confirm which digests stopped."""
    names = ", ".join(
        _("{team} in <#{channel}>", team=d.target_label, channel=d.channel_id) for d in digests
    )
    return _(":white_check_mark: Stopped the digest of {names}.", names=names)
