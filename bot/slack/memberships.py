"""Who belongs to a user group or channel, as Slack says: whom a shared responder speaks for."""

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

PAGE = 1000
# Slack's answers for a group or channel that is gone, or that the bot may not see: nobody
# in it can be spoken for.
GONE = frozenset({"no_such_subteam", "channel_not_found", "method_not_supported_for_channel_type"})


def load_members(client: WebClient, target_id: str) -> frozenset[str]:
    """The members of a user group (`S…`) or channel, page by page; none if it is gone."""
    try:
        if target_id.startswith("S"):
            return frozenset(client.usergroups_users_list(usergroup=target_id)["users"])
        return _channel_members(client, target_id)
    except SlackApiError as error:
        if error.response.get("error") in GONE:
            return frozenset()
        raise


def _channel_members(client: WebClient, channel: str) -> frozenset[str]:
    members: set[str] = set()
    cursor: str | None = None
    while True:
        page = client.conversations_members(channel=channel, limit=PAGE, cursor=cursor)
        members.update(page["members"])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return frozenset(members)
