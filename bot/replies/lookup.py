"""What effects of replies look up as they go out: the responder now, a message's link."""

from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.mentions import is_direct
from bot.core.responder_value import Responder
from bot.outbox.delivery import Delivery
from storage import responder_queries
from storage.db import session_scope

# The link of a message neither ooo nor the owner can see (a DM, a channel neither is in).
UNSEEN = ""


def undeleted_responder_of(delivery: Delivery) -> Responder | None:
    """The responder a reply is for, as it is now; None once deleted, so no reply goes out."""
    with session_scope(delivery.engine) as session:
        found = responder_queries.responder_by_id(
            session, responder_id=delivery.payload["responder_id"]
        )
    return None if found is None or found.deleted_at else found


def message_link(workspace_url: str, *, channel: str, ts: str, thread_ts: str | None) -> str:
    """A message's link as Slack writes it, from the workspace's URL (`auth.test`)."""
    link = f"{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return link


def permalink_of(
    client: WebClient,
    *,
    channel: str,
    ts: str,
    owner: Callable[[], WebClient | None],
) -> str | None:
    """A message's link, None once it was deleted, or UNSEEN when nobody here may see it.

    ooo's bot asks, except in a DM between people, which only the owner's account can see;
    where the bot is not (a private channel) the owner's account asks after it.
    """
    readers = [owner] if is_direct(channel) else [lambda: client, owner]
    for reader in readers:
        found = reader()
        if found is None:
            continue
        try:
            return str(found.chat_getPermalink(channel=channel, message_ts=ts)["permalink"])
        except SlackApiError as error:
            if error.response.get("error") == "message_not_found":
                return None
            if error.response.get("error") != "channel_not_found":
                raise
    return UNSEEN
