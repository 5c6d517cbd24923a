"""Team digests: set one up, list and stop them, and post each one once on its day."""

from datetime import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot.blocks.team_digest import subscribed_text
from bot.core.effect_kinds import EffectKind
from bot.core.problems import Refused
from bot.core.team_digest import Cadence, next_post, time_from_text
from bot.core.workspace import Workspace
from bot.team.answers import Asking
from bot.team.command import Subscribe, Target, target_of
from bot.team.digest_posts import DIGEST_KEY
from bot.team.members import Refusal, resolve
from bot.texts import _
from bot.texts.problems import word
from storage import team_queries
from storage.db import begin_writing, session_scope
from storage.effects_queries import FAILED, effects_with_key_prefix, enqueue_effect
from storage.models import TeamDigest


def subscribe(asking: Asking, *, request: Subscribe, team: Target | None, coverage: int) -> None:
    """Answer `/ooo team digest #channel 09:00 [@team]`: set it up, or say why not."""
    try:
        at = time_from_text(request.at)
    except Refused as refused:
        asking.reply(word(refused.problem))
        return
    if team is None:
        asking.reply(_("Say which team: `/ooo team digest #team-leads 09:00 @design`."))
        return
    try:
        digest = set_up(
            asking,
            channel=request.channel,
            at=at,
            team=team,
            cadence=request.cadence,
            coverage=coverage,
        )
    except Refusal as error:
        asking.reply(str(error))
        return
    asking.reply(subscribed_text(digest, channel=f"<#{digest.channel_id}>"))


def set_up(
    asking: Asking,
    *,
    channel: Target,
    at: time,
    team: Target,
    cadence: Cadence,
    coverage: int,
    confirm_in_dm: bool = False,
) -> TeamDigest:
    """Save a digest once the team may be seen and ooo may post in the channel; or Refusal.

    Set up from the Home tab, it is confirmed by a DM recorded with it in the outbox.
    """
    channel_id = _postable(asking, channel)
    if team.id is None:
        team = resolve(team, asking.handles())
    found = asking.team(team)
    if found.private and found.id != channel_id:
        raise Refusal(
            _(
                "{team} is a private channel: its absences can only be posted in it. "
                "Set its digest up there instead.",
                team=found.mention,
            )
        )
    tz = asking.directory.person(
        asking.client, team_id=asking.workspace.team_id, user_id=asking.user_id
    ).tz
    digest = TeamDigest(
        team_id=asking.workspace.team_id,
        enterprise_id=asking.workspace.enterprise_id,
        owner_id=asking.user_id,
        channel_id=channel_id,
        target_id=found.id,
        target_label=found.label,
        at=f"{at:%H:%M}",
        tz=tz,
        cadence=cadence,
        coverage=coverage,
        next_post_at=next_post(asking.now, at=at, tz=tz, cadence=cadence),
        created_at=asking.now,
    )
    with session_scope(asking.engine) as session:
        begin_writing(session, "set_up")
        _not_someone_elses(session, digest)
        saved = team_queries.save_digest(session, digest=digest)
        if confirm_in_dm:
            text = subscribed_text(saved, channel=f"<#{saved.channel_id}>")
            enqueue_effect(
                session,
                key=f"team-digest:{saved.id}:set-up",
                kind=EffectKind.MESSAGE_POST,
                payload={"channel": asking.user_id, "text": text},
                workspace=asking.workspace,
                now=asking.now,
                owner_id=asking.user_id,
            )
        return saved


def _not_someone_elses(session: Session, digest: TeamDigest) -> None:
    """Refuse to take over a digest another person already has posting this team there."""
    existing = team_queries.digest_posting(
        session,
        workspace=Workspace(digest.team_id, digest.enterprise_id),
        channel_id=digest.channel_id,
        target_id=digest.target_id,
    )
    if existing is not None and existing.owner_id != digest.owner_id:
        channel, owner = f"<#{existing.channel_id}>", f"<@{existing.owner_id}>"
        raise Refusal(
            _(
                "{channel} already gets the digest of {team}, set up by {owner}. Ask them to "
                "change it, or to remove it so you can set up yours.",
                channel=channel,
                team=existing.target_label,
                owner=owner,
            )
        )


def _postable(asking: Asking, channel: Target) -> str:
    """The channel's id, if ooo is in it and the asker may see it; Refusal otherwise."""
    if channel.id is None:
        channel = resolve(channel, asking.handles())
    assert channel.id is not None
    info = _info(asking.client, channel)
    if not info.get("is_member"):
        raise Refusal(
            _(
                "Invite me to {channel} first: `/invite @ooo` in that channel.",
                channel=channel.mention,
            )
        )
    if info.get("is_archived"):
        raise Refusal(_("{channel} is archived.", channel=channel.mention))
    if info.get("is_private"):
        asking.team(channel)
    return channel.id


def _info(client: WebClient, channel: Target) -> dict[str, object]:
    try:
        info: dict[str, object] = client.conversations_info(channel=str(channel.id))["channel"]
    except SlackApiError as error:
        if error.response.get("error") == "channel_not_found":
            raise Refusal(
                _(
                    "I can't see {channel}: invite me there first with `/invite @ooo`.",
                    channel=channel.mention,
                )
            ) from None
        raise
    return info


def remove(digests: list[TeamDigest], words: str) -> list[TeamDigest] | str:
    """The digests `words` names (a number from the list, or a channel), or why none."""
    words = words.strip()
    if words.isdigit():
        index = int(words) - 1
        if 0 <= index < len(digests):
            return [digests[index]]
        return _(
            "You have no digest number {words}: `/ooo team digest list` shows them.", words=words
        )
    channel = target_of(words)
    if channel is None or channel.is_group:
        return _("Say which digest: `/ooo team digest remove 1`, or the channel it posts in.")
    chosen = [d for d in digests if d.channel_id == channel.id]
    return chosen or _(
        "You have no digest in {channel}: `/ooo team digest list`.", channel=channel.mention
    )


def last_failures(session: Session, *, digests: list[TeamDigest]) -> dict[int, str]:
    """The error of each digest whose latest post failed for good."""
    failed: dict[int, str] = {}
    for digest in digests:
        assert digest.id is not None
        found = effects_with_key_prefix(session, prefix=f"{DIGEST_KEY}:{digest.id}:")
        posts = [e for e in found if e.kind == EffectKind.TEAM_DIGEST_POST]
        if posts and posts[-1].status == FAILED:
            failed[digest.id] = posts[-1].last_error or "unknown"
    return failed


def listed(asking: Asking) -> tuple[list[TeamDigest], dict[int, str]]:
    """The asker's digests, and the error of each whose latest post failed for good."""
    with session_scope(asking.engine) as session:
        owned = team_queries.digests_of(
            session, workspace=asking.workspace, owner_id=asking.user_id
        )
        return owned, last_failures(session, digests=owned)


def remove_named(asking: Asking, words: str) -> list[TeamDigest] | str:
    """Stop the asker's digests that `words` names; those stopped, or why none was."""
    with session_scope(asking.engine) as session:
        begin_writing(session, "remove_named")
        mine = team_queries.digests_of(session, workspace=asking.workspace, owner_id=asking.user_id)
        chosen = remove(mine, words)
        for digest in [] if isinstance(chosen, str) else chosen:
            team_queries.delete_digest(session, digest=digest)
    return chosen
