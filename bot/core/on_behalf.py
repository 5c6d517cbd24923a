"""Who may set, edit or end an absence for someone else, as one pure policy."""

from dataclasses import dataclass
from enum import StrEnum

from bot.core.workspace import Workspace


class Verdict(StrEnum):
    """The policy's answer: allowed, acting for oneself (the normal path), or a refusal code."""

    ALLOWED = "allowed"
    SELF = "self"
    NOT_PERMITTED = "behalf_not_permitted"
    UNKNOWN_PERSON = "behalf_unknown_person"
    OTHER_ORGANISATION = "behalf_other_organisation"
    IS_BOT = "behalf_is_bot"
    DEACTIVATED = "behalf_deactivated"


@dataclass(frozen=True)
class Actor:
    """Who asks, as `users.info` and the workspace's admin group say."""

    user_id: str
    team_id: str
    enterprise_id: str | None = None
    is_admin: bool = False
    is_owner: bool = False
    in_admin_group: bool = False
    deleted: bool = False  # a deactivated account keeps its roles in users.info


@dataclass(frozen=True)
class Person:
    """Whom it is for, as `users.info` says; `found` is False when Slack knows no such user."""

    user_id: str
    team_id: str = ""
    enterprise_id: str | None = None
    found: bool = True
    deleted: bool = False
    is_bot: bool = False


def may_act_for(actor: Actor, person: Person, workspace: Workspace) -> Verdict:
    """Whether `actor` may act for `person` in `workspace`, or the first reason they may not.

    Permission is checked before anything about the person, so someone without it learns nothing
    about whom they named. The person must be a human of the same organisation.
    """
    if person.user_id == actor.user_id:
        return Verdict.SELF
    if not may_act_for_others(actor, workspace):
        return Verdict.NOT_PERMITTED
    return _refusal(person, workspace) or Verdict.ALLOWED


def may_act_for_others(actor: Actor, workspace: Workspace) -> bool:
    """Whether `actor` is permitted at all: an active admin, owner or admin group member here."""
    permitted = actor.is_admin or actor.is_owner or actor.in_admin_group
    # Slack keeps a deactivated account's roles and group memberships: they are no longer meant.
    return (
        permitted
        and not actor.deleted
        and _same_organisation(actor.team_id, actor.enterprise_id, workspace)
    )


def _refusal(person: Person, workspace: Workspace) -> Verdict | None:
    """Why no one may act for this person, or None."""
    if not person.found:
        return Verdict.UNKNOWN_PERSON
    if not _same_organisation(person.team_id, person.enterprise_id, workspace):
        return Verdict.OTHER_ORGANISATION
    if person.is_bot:
        return Verdict.IS_BOT
    if person.deleted:
        return Verdict.DEACTIVATED
    return None


def _same_organisation(team_id: str, enterprise_id: str | None, workspace: Workspace) -> bool:
    """Whether a user belongs to the workspace, or to its Enterprise Grid org."""
    if team_id == workspace.team_id:
        return True
    return workspace.enterprise_id is not None and enterprise_id == workspace.enterprise_id
