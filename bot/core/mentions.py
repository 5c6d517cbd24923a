"""What a Slack message event says: who wrote it, where, whom it mentions, what it broadcasts."""

import re
from dataclasses import dataclass
from typing import Any

USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
GROUP_MENTION = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>")
BROADCAST = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
# The same words typed as plain text; Slack links them only with link_names, but never rely on it.
TYPED_BROADCAST = re.compile(r"@(here|channel|everyone)\b")
WORD_JOINER = "\u2060"
SLACKBOT = "USLACKBOT"
# Subtypes a person (not a bot or the system) produces by writing: these still count as messages.
HUMAN_SUBTYPES = frozenset({"file_share", "thread_broadcast", "me_message"})
# Metadata event types of every ooo install start with this: its replies are never answered.
AUTO_REPLY_PREFIX = "ooo"
# The `channel_type` of a message in a private channel, a group DM or a DM.
PRIVATE_TYPES = frozenset({"group", "mpim", "im"})


@dataclass(frozen=True)
class Message:
    """The facts of one message event that decide whether anyone answers it."""

    channel: str
    ts: str
    user: str | None
    thread_ts: str | None = None
    subtype: str | None = None
    bot_id: str | None = None
    app_id: str | None = None
    user_team: str | None = None
    metadata_type: str | None = None
    mentions: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    broadcast: bool = False
    # The person a direct message was sent to; None anywhere else.
    recipient: str | None = None
    # In a private channel, group DM or DM: only its members may read it.
    private: bool = False

    @property
    def top_level(self) -> bool:
        """A new message in the channel, not a reply inside a thread."""
        return self.thread_ts is None or self.thread_ts == self.ts

    @property
    def direct(self) -> bool:
        """A direct message between two people (seen through a connected account)."""
        return self.recipient is not None

    @property
    def candidates(self) -> frozenset[str]:
        """Every id a responder could answer for here: people, user groups, the channel."""
        if self.recipient is not None:
            return frozenset({self.recipient})
        channel = {self.channel} if self.top_level else set()
        return self.mentions | self.groups | channel


def read_message(
    event: dict[str, Any], *, shared_externally: bool = False, recipient: str | None = None
) -> Message:
    """Read a `message` event (its text is looked at, never kept).

    The sender's team counts only in a channel shared with another organization: on Enterprise
    Grid, colleagues from the org's other workspaces carry their own team id too. In a direct
    message to `recipient`, naming someone else or a group notifies nobody, so it is not read.
    """
    text = "" if recipient else str(event.get("text") or "")
    metadata = event.get("metadata") or {}
    return Message(
        channel=str(event.get("channel") or ""),
        ts=str(event.get("ts") or ""),
        user=event.get("user"),
        thread_ts=event.get("thread_ts"),
        subtype=event.get("subtype"),
        bot_id=event.get("bot_id") or (event.get("bot_profile") or {}).get("id"),
        app_id=event.get("app_id"),
        user_team=(event.get("user_team") or event.get("source_team"))
        if shared_externally
        else None,
        metadata_type=metadata.get("event_type") if isinstance(metadata, dict) else None,
        mentions=frozenset(USER_MENTION.findall(text)),
        groups=frozenset(group for group, _label in GROUP_MENTION.findall(text)),
        broadcast=bool(BROADCAST.search(text)),
        recipient=recipient,
        private=recipient is not None or event.get("channel_type") in PRIVATE_TYPES,
    )


def is_direct(channel: str) -> bool:
    """Whether a conversation id is a direct message's (Slack starts those with D)."""
    return channel.startswith("D")


def neutralize(text: str) -> str:
    """Show broadcasts and user group mentions as plain text, so a reply never pings anyone."""
    text = BROADCAST.sub(lambda m: f"@{WORD_JOINER}{m.group(1)}", text)
    text = GROUP_MENTION.sub(lambda m: _group_label(m.group(2)), text)
    return TYPED_BROADCAST.sub(lambda m: f"@{WORD_JOINER}{m.group(1)}", text)


def _group_label(label: str | None) -> str:
    """A user group's handle as text: `@design` with a joiner after the @, or just `@group`."""
    handle = (label or "@group").lstrip("@")
    return f"@{WORD_JOINER}{handle}"
