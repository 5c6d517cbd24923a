"""What effects of replies look up as they go out: the responder now, a message's link."""

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


def permalink_of(client: WebClient, *, channel: str, ts: str) -> str | None:
    """A message's link, or None once it was deleted."""
    try:
        answer = client.chat_getPermalink(channel=channel, message_ts=ts)
    except SlackApiError as error:
        if error.response.get("error") in ("message_not_found", "channel_not_found"):
            return None
        raise
    return str(answer["permalink"])
