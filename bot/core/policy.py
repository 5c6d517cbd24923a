"""Whether a responder answers a message: the rules autoresponders learned, as one pure function.

Email's rules (RFC 3834, Sieve vacation, Gmail, Exchange) applied to Slack: never answer machines
or the absent person, never answer broadcasts, once per sender per window, and a circuit breaker.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.core.mentions import AUTO_REPLY_PREFIX, HUMAN_SUBTYPES, SLACKBOT, Message
from bot.core.responder import Again, Kind, Phase, Target, phase_at

HOURLY_CAP = 30


AGAIN_AFTER: dict[Again, timedelta | None] = {
    Again.HOUR: timedelta(hours=1),
    Again.DAY: timedelta(days=1),
    Again.THREE_DAYS: timedelta(days=3),
    Again.ABSENCE: None,
}


class Reason(StrEnum):
    """Why a message is answered or not; logged and counted, never shown to the sender."""

    REPLY = "reply"
    MACHINE = "from a bot, an app or a workflow"
    SLACKBOT = "from Slackbot"
    ITSELF = "from ooo itself"
    AUTO_REPLY = "carries an automatic reply's metadata"
    SYSTEM = "an edit, a deletion or a system message"
    OWNER = "the absent person's own message"
    BROADCAST = "a broadcast"
    NOT_ADDRESSED = "does not address this responder"
    OFF = "the responder is not on"
    EXTERNAL_SILENT = "an external sender and no external message"
    ALREADY_ANSWERED = "this sender was answered in this window"
    HELD_BACK = "over the hourly cap"


@dataclass(frozen=True)
class Responding:
    """What the policy needs to know about a responder."""

    id: int
    owner_id: str
    kind: Kind
    starts_at: datetime
    ends_at: datetime | None
    again: Again = Again.DAY
    target_id: str | None = None
    target: Target | None = None
    has_external_message: bool = False
    revision: int = 0


@dataclass(frozen=True)
class Sent:
    """What this responder already sent: to this sender in this window, and in the last hour."""

    last_to_sender: datetime | None = None
    last_hour: int = 0


@dataclass(frozen=True)
class Decision:
    """The answer of `should_reply`, with its reason and the window the reply belongs to."""

    reason: Reason
    window_key: str = ""
    external: bool = False

    @property
    def reply(self) -> bool:
        """Whether to send the automatic reply."""
        return self.reason is Reason.REPLY

    @property
    def addressed(self) -> bool:
        """Whether the message was for this responder (forwarded and kept for the digest)."""
        return self.reason in ADDRESSED


# Kept for forwards and the digest though not answered; an external sender without an external
# message still wrote to the owner.
ADDRESSED = frozenset(
    {Reason.REPLY, Reason.ALREADY_ANSWERED, Reason.HELD_BACK, Reason.EXTERNAL_SILENT}
)


def _is_machine(message: Message) -> bool:
    return bool(message.bot_id or message.app_id or message.subtype == "bot_message")


def _is_system(message: Message) -> bool:
    human = message.subtype is None or message.subtype in HUMAN_SUBTYPES
    return message.user is None or not human


# Checked in order: the first that matches explains the silence.
SENDER_RULES: tuple[tuple[Callable[[Message, str | None], bool], Reason], ...] = (
    (lambda m, app: m.user is not None and m.user == app, Reason.ITSELF),
    (lambda m, _: (m.metadata_type or "").startswith(AUTO_REPLY_PREFIX), Reason.AUTO_REPLY),
    (lambda m, _: _is_machine(m), Reason.MACHINE),
    (lambda m, _: m.user == SLACKBOT, Reason.SLACKBOT),
    (lambda m, _: _is_system(m), Reason.SYSTEM),
    (lambda m, _: m.broadcast, Reason.BROADCAST),
)


def refusal(message: Message, *, app_user_id: str | None) -> Reason | None:
    """The reason no responder answers this message at all, whoever it mentions."""
    return next((reason for rule, reason in SENDER_RULES if rule(message, app_user_id)), None)


def addresses(message: Message, responder: Responding) -> bool:
    """Whether the message is for this responder: its owner, its user group or its channel."""
    if responder.kind is Kind.PERSONAL:
        return responder.owner_id in message.mentions or responder.owner_id == message.recipient
    if responder.target is Target.USERGROUP:
        return responder.target_id in message.groups
    if responder.target is Target.CHANNEL:
        return responder.target_id == message.channel and message.top_level
    return False


def should_reply(
    message: Message,
    responder: Responding,
    sent: Sent,
    now: datetime,
    *,
    team_id: str,
    app_user_id: str | None,
    cap: int = HOURLY_CAP,
) -> Decision:
    """Decide whether `responder` answers `message` at `now`, given what it already sent."""
    refused = refusal(message, app_user_id=app_user_id)
    external = message.user_team is not None and message.user_team != team_id
    silent = refused or _silence(message, responder, now)
    if silent is not None:
        return Decision(silent)
    key = window_key(responder)
    if external and not responder.has_external_message:
        return Decision(Reason.EXTERNAL_SILENT, key, external)
    if answered_within(sent.last_to_sender, responder.again, now):
        return Decision(Reason.ALREADY_ANSWERED, key, external)
    if sent.last_hour >= cap:
        return Decision(Reason.HELD_BACK, key, external)
    return Decision(Reason.REPLY, key, external)


def _silence(message: Message, responder: Responding, now: datetime) -> Reason | None:
    """Why this responder stays quiet about a message others might answer."""
    if message.user == responder.owner_id:
        return Reason.OWNER
    if not addresses(message, responder):
        return Reason.NOT_ADDRESSED
    if phase_at(responder.starts_at, responder.ends_at, now) is not Phase.ACTIVE:
        return Reason.OFF
    return None


def window_key(responder: Responding) -> str:
    """The replies that count towards a sender's window: this responder's message, as it is now.

    Editing the message bumps its revision, so everyone is answered again with the new text.
    """
    return f"{responder.id}:{responder.revision}"


def answered_within(last: datetime | None, again: Again, now: datetime) -> bool:
    """Whether a reply at `last` still covers `now`; once per absence covers the whole absence."""
    if last is None:
        return False
    after = AGAIN_AFTER[again]
    return after is None or now - last < after


def owner_nudge_due(last_nudged: datetime | None, now: datetime) -> bool:
    """Whether to remind an absent person who posts that their responder is on: once a day."""
    return last_nudged is None or now - last_nudged >= timedelta(days=1)
