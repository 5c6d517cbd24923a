"""The team a person saved as theirs: keeping it with another coverage."""

from bot.team.answers import Asking
from storage import team_queries
from storage.db import session_scope
from storage.models import SavedTeam


def set_coverage(asking: Asking, mine: SavedTeam, coverage: int) -> None:
    """Keep the saved team, with another share that may be away at once."""
    with session_scope(asking.engine) as session:
        team_queries.save_team(
            session,
            workspace=asking.workspace,
            user_id=asking.user_id,
            target_id=mine.target_id,
            target_label=mine.target_label,
            coverage=coverage,
            tz=mine.tz,
            now=asking.now,
        )
