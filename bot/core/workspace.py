"""A Slack workspace as ooo scopes everything it keeps: by team, and its Grid org if any."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Workspace:
    """A Slack workspace, and its Enterprise Grid org when there is one."""

    team_id: str
    enterprise_id: str | None = None
