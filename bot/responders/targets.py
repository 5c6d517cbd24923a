"""Who may speak for a user group or channel: its members only, and one responder at a time."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.problems import Code, Problem
from bot.core.responder import Kind
from bot.core.responder_value import Responder
from bot.outbox.delivery import People
from bot.slack.directory import Directory

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checked:
    """A chosen target as Slack knows it: its label and members, or why it can't be chosen."""

    label: str | None
    members: frozenset[str]
    problem: Problem | None = None


def check_target(
    client: WebClient, directory: Directory, *, team_id: str, owner_id: str, target_id: str | None
) -> Checked:
    """Check a target the form sent, never trusting its option: it must be a user group or
    public channel Slack lists, and the owner one of its members."""
    if not target_id:
        return Checked(None, frozenset())
    known = directory.handles(client, team_id=team_id)
    handle = next((h for h in known if h.id == target_id), None)
    if handle is None:
        return Checked(None, frozenset(), Problem(Code.TARGET_UNKNOWN))
    try:
        members = directory.members(client, team_id=team_id, target_id=target_id)
    except (SlackApiError, OSError) as error:
        logger.warning("could not read the members of %s: %s", target_id, error)
        return Checked(handle.label, frozenset(), Problem(Code.TARGET_UNCHECKED))
    if owner_id not in members:
        return Checked(handle.label, members, Problem(Code.TARGET_NOT_MEMBER, name=handle.label))
    return Checked(handle.label, members)


def speaks_for(client: WebClient, directory: People, responder: Responder) -> bool:
    """Whether a responder may speak now: one for a group or channel only while its owner
    still belongs to it. Slack's failures raise, so the effect is tried again later."""
    if responder.kind != Kind.SHARED or not responder.target_id:
        return True
    members = directory.members(
        client, team_id=responder.workspace.team_id, target_id=responder.target_id
    )
    return responder.owner_id in members


def known_to_speak(directory: Directory, responder: Responder) -> bool:
    """Whether a responder may still speak as far as Slack said lately, without asking it: one
    whose owner was last seen outside its group or channel is not (deliveries check again)."""
    if responder.kind != Kind.SHARED or not responder.target_id:
        return True
    team_id, target_id = responder.workspace.team_id, responder.target_id
    members = directory.known_members(team_id=team_id, target_id=target_id)
    return members is None or responder.owner_id in members


def member_of(
    client: WebClient, directory: Directory, *, user_id: str
) -> Callable[[Responder], bool]:
    """Whether someone belongs to the group or channel a responder answers for, as Slack says;
    a failure to ask counts as no."""
    return lambda responder: _is_member(client, directory, responder, user_id=user_id)


def _is_member(
    client: WebClient, directory: Directory, responder: Responder, *, user_id: str
) -> bool:
    if responder.kind != Kind.SHARED or not responder.target_id:
        return False
    try:
        members = directory.members(
            client, team_id=responder.workspace.team_id, target_id=responder.target_id
        )
    except (SlackApiError, OSError) as error:
        logger.warning("could not read the members of %s: %s", responder.target_id, error)
        return False
    return user_id in members


def owner_named(
    problem: Problem, client: WebClient, directory: Directory, *, team_id: str
) -> Problem:
    """A clash names the other owner as Slack shows them: a field error renders no mention."""
    if problem.code is not Code.TARGET_TAKEN:
        return problem
    owner = str(problem.params["owner"])
    name = directory.person(client, team_id=team_id, user_id=owner).name or owner
    return Problem(problem.code, **{**problem.params, "owner": name})
