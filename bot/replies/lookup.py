"""What effects of replies look up as they go out: the responder now, a message's link."""

from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.effects.kinds import Delivery
from storage.db import session_scope
from storage.models import Responder


def responder_of(delivery: Delivery) -> Responder | None:
    """The responder an effect is for, as it is now; None once deleted."""
    with session_scope(delivery.engine) as session:
        found = session.get(Responder, delivery.payload["responder_id"])
    return None if found is None or found.deleted_at else found


def as_owner(delivery: Delivery) -> WebClient | None:
    """A client acting as the effect's owner, or None when they have no connected account."""
    accounts = delivery.services.get("accounts")
    if accounts is None or delivery.owner_id is None:
        return None
    client: WebClient | None = accounts.user_client_for(delivery.workspace, delivery.owner_id)
    return client


def permalink_of(
    client: WebClient,
    *,
    channel: str,
    ts: str,
    owner: Callable[[], WebClient | None] = lambda: None,
) -> str | None:
    """A message's link, or None once it was deleted (or neither ooo nor the owner can see it).

    ooo's bot asks first; where it is not (a DM, a private channel) the owner's account does.
    """
    try:
        answer = client.chat_getPermalink(channel=channel, message_ts=ts)
    except SlackApiError as error:
        if error.response.get("error") == "channel_not_found":
            fallback = owner()
            return None if fallback is None else permalink_of(fallback, channel=channel, ts=ts)
        if error.response.get("error") == "message_not_found":
            return None
        raise
    return str(answer["permalink"])
