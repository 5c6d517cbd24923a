"""The workspace a request comes from, as storage scopes it."""

from slack_bolt import BoltContext

from storage.queries import Workspace


def workspace_of(context: BoltContext) -> Workspace:
    """Read the team and Enterprise Grid ids Bolt found in the request."""
    return Workspace(team_id=context.team_id or "", enterprise_id=context.enterprise_id)
