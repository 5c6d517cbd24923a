"""The closures' effects: each member told once, in their language, with Opt out; and the
author told when the closure was applied."""

from slack_sdk import WebClient

from bot.blocks.closures import done_text, told, whom
from bot.closures import applying
from bot.closures.members import Unreadable, listing
from bot.core.closures import Scope, State
from bot.core.effect_kinds import EffectKind
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.errors import Permanent
from bot.outbox.post_once import post_once
from bot.responders.kinds import SKIPPED
from bot.team.command import Target
from storage import closure_queries
from storage.db import session_scope

APPLIED = "applied"


def apply_closure(client: WebClient, delivery: Delivery) -> str:
    """Apply a claimed closure to its members as Slack lists them now: members it already
    reached are left as they are, so a run cut short by a crash is simply run again."""
    with session_scope(delivery.engine) as session:
        closure = closure_queries.closure_by_id(
            session, team_id=delivery.workspace.team_id, closure_id=int(delivery.payload["closure"])
        )
    if closure is None or closure.ended_at is not None:
        return SKIPPED
    target = Target(closure.target_id, closure.target_label or "") if closure.target_id else None
    try:  # the stored target has its id and label: no handles to look it up in
        found = listing(
            client, Scope(closure.scope), target, asker=closure.created_by, handles=tuple
        )
    except Unreadable:
        raise Permanent("closure_members_unreadable") from None
    tz = str(delivery.payload["tz"])
    applying.apply_to(delivery.engine, closure, found.members, tz=tz, now=delivery.now)
    applying.report(delivery.engine, closure, now=delivery.now)
    return APPLIED


def tell_member(client: WebClient, delivery: Delivery) -> str:
    """DM a member the closure they are in; nothing once it ended or they opted out."""
    member = str(delivery.owner_id)
    with session_scope(delivery.engine) as session:
        closure = closure_queries.closure_by_id(
            session, team_id=delivery.workspace.team_id, closure_id=int(delivery.payload["closure"])
        )
        states = closure_queries.states_of(
            session, closure_id=int(delivery.payload["closure"]), user_ids=[member]
        )
    if closure is None or closure.id is None or closure.ended_at is not None:
        return SKIPPED
    if states.get(member) != State.APPLIED:
        return SKIPPED
    with delivery.speaking_to(client, member):
        text, blocks = told(
            closure.id,
            author=closure.created_by,
            first=closure.first_day,
            last=closure.last_day,
            message=closure.message,
        )
    return post_once(client, delivery, channel=member, text=text, blocks=blocks)


def tell_author(client: WebClient, delivery: Delivery) -> str:
    """DM whoever closed how many members the closure reached."""
    author = str(delivery.owner_id)
    with session_scope(delivery.engine) as session:
        closure = closure_queries.closure_by_id(
            session, team_id=delivery.workspace.team_id, closure_id=int(delivery.payload["closure"])
        )
    if closure is None:
        return SKIPPED
    with delivery.speaking_to(client, author):
        text = done_text(
            whom_text=whom(Scope(closure.scope), closure.target_label),
            first=closure.first_day,
            last=closure.last_day,
            applied=int(delivery.payload["applied"]),
            skipped=int(delivery.payload["skipped"]),
        )
    return post_once(client, delivery, channel=author, text=text)


DELIVERERS: Deliverers = {
    EffectKind.CLOSURE_APPLY: apply_closure,
    EffectKind.CLOSURE_TOLD: tell_member,
    EffectKind.CLOSURE_DONE: tell_author,
}
