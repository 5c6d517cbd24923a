"""`/ooo team digest …`: set one up (answered right after), list them, stop one."""

from slack_bolt import Ack

from bot.blocks.team_digest import digest_list, removed_text
from bot.core.team import DEFAULT_COVERAGE
from bot.followups import Followups
from bot.team import digests, words
from bot.team.answers import Asking
from storage import team_queries
from storage.db import session_scope
from storage.models import TeamDigest


def digest_command(ack: Ack, asking: Asking, followups: Followups, request: words.Request) -> None:
    """Set up, list or stop the asker's digests."""
    if isinstance(request, words.ListDigests):
        text, blocks = digest_list(_mine(asking))
        ack(text=text, blocks=blocks, response_type="ephemeral")
    elif isinstance(request, words.Unsubscribe):
        _remove(ack, asking, request.words)
    elif isinstance(request, words.Subscribe):
        mine = asking.saved_team()
        team, coverage = request.target, DEFAULT_COVERAGE
        if mine is not None and (team is None or team.id == mine.target_id):
            team, coverage = words.Target(mine.target_id, mine.target_label), mine.coverage
        ack()
        followups.later(digests.subscribe, asking, request=request, team=team, coverage=coverage)


def _mine(asking: Asking) -> list[TeamDigest]:
    with session_scope(asking.engine) as session:
        return team_queries.digests_of(session, workspace=asking.workspace, owner_id=asking.user_id)


def _remove(ack: Ack, asking: Asking, named: str) -> None:
    with session_scope(asking.engine) as session:
        mine = team_queries.digests_of(session, workspace=asking.workspace, owner_id=asking.user_id)
        chosen = digests.remove(mine, named)
        if isinstance(chosen, str):
            ack(text=chosen, response_type="ephemeral")
            return
        for digest in chosen:
            team_queries.delete_digest(session, digest=digest)
    ack(text=removed_text(chosen), response_type="ephemeral")
