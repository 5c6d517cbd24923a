"""Who may act for whom, asked of Slack at the moment they act (rights can change any time)."""

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.core.on_behalf import Verdict, may_act_for, may_act_for_others
from bot.core.workspace import Workspace
from bot.organisation.authority import actor_of, person_of
from bot.organisation.settings import settings_of

PERMITTED = frozenset({Verdict.ALLOWED, Verdict.SELF})


class Refused(Exception):
    """Acting for that person is refused: `verdict` says why, None when Slack could not say."""

    def __init__(self, verdict: Verdict | None) -> None:
        super().__init__(verdict)
        self.verdict = verdict


def check_rights(
    client: WebClient, engine: Engine, *, workspace: Workspace, actor_id: str, person_id: str
) -> Verdict:
    """ALLOWED to act for the person, or SELF; Refused otherwise. Slack is asked now."""
    try:
        actor = actor_of(client, workspace, actor_id, settings_of(engine, workspace))
        person = person_of(client, person_id)
    except (SlackApiError, OSError):
        raise Refused(None) from None
    verdict = may_act_for(actor, person, workspace)
    if verdict not in PERMITTED:
        raise Refused(verdict)
    return verdict


def may_act(client: WebClient, engine: Engine, *, workspace: Workspace, actor_id: str) -> bool:
    """Whether to offer this person the choice of acting for others (never on Slack's doubt)."""
    try:
        actor = actor_of(client, workspace, actor_id, settings_of(engine, workspace))
    except (SlackApiError, OSError):
        return False
    return may_act_for_others(actor, workspace)
