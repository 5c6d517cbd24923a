"""The effect kinds of a responder's transitions: DMs to its owner, announcements, the Home tab."""

from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.dialogs import ended_message
from bot.blocks.transitions import announcement, on_message, reminder_message
from bot.core.effect_kinds import EffectKind
from bot.core.responder import Phase, phase_at
from bot.core.responder_value import Responder
from bot.organisation.returns import back_of
from bot.organisation.settings import shown_type
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.errors import Permanent
from bot.outbox.post_once import post_once, posted_earlier
from bot.responders.targets import speaks_for
from storage import responder_queries
from storage.db import session_scope

SKIPPED = "skipped"


def too_late(client: WebClient, delivery: Delivery, *, channel: str) -> str:
    """An effect that no longer makes sense: skipped, unless an attempt cut short already
    posted it (then it was sent, and is recorded so)."""
    return posted_earlier(client, delivery, channel=channel) or SKIPPED


def responder_of(delivery: Delivery) -> Responder:
    """The responder as it is now (deleted ones too: their off transition still runs)."""
    with session_scope(delivery.engine) as session:
        responder = responder_queries.responder_by_id(session, responder_id=delivery.responder_id)
    if responder is None:
        raise Permanent("responder_gone")
    return responder


def refresh_home(client: WebClient, delivery: Delivery) -> None:
    """Show the owner's current state, and what went wrong, in their Home tab."""
    assert delivery.owner_id is not None
    # The app's publisher: it knows the view hashes its follow-ups saw.
    delivery.services.homes.publish(client, workspace=delivery.workspace, user_id=delivery.owner_id)


def tell_on(client: WebClient, delivery: Delivery) -> str:
    """DM the owner that the responder is on, and until when."""
    responder = responder_of(delivery)
    if phase_at(responder.starts_at, responder.ends_at, delivery.now) is Phase.ENDED:
        # Held up past the end (an outage): the welcome back says enough.
        return too_late(client, delivery, channel=responder.owner_id)
    text, blocks = on_message(
        responder,
        back=back_of(delivery.engine, responder),
        due_since=datetime.fromisoformat(delivery.payload["due_since"]),
        applied_at=datetime.fromisoformat(delivery.payload["applied_at"]),
    )
    return post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)


def remind(client: WebClient, delivery: Delivery) -> str:
    """DM the owner on the absence's last working day, offering to extend."""
    responder = responder_of(delivery)
    if responder.ends_at is None or responder.deleted_at is not None:
        return SKIPPED
    if phase_at(responder.starts_at, responder.ends_at, delivery.now) is Phase.ENDED:
        return too_late(client, delivery, channel=responder.owner_id)  # no day left to extend
    back = back_of(delivery.engine, responder)
    assert back is not None  # it has an end
    text, blocks = reminder_message(responder, back=back)
    return post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)


def welcome_back(client: WebClient, delivery: Delivery) -> str:
    """DM the owner that the responder is off."""
    responder = responder_of(delivery)
    text, blocks = ended_message(responder)
    return post_once(client, delivery, channel=responder.owner_id, text=text, blocks=blocks)


def announce(client: WebClient, delivery: Delivery) -> str:
    """Tell a channel who is out until when; join it first if it is public and ooo is not in."""
    responder = responder_of(delivery)
    channel = str(delivery.payload["channel"])
    phase = phase_at(responder.starts_at, responder.ends_at, delivery.now)
    if responder.deleted_at is not None or phase is not Phase.ACTIVE:
        return too_late(client, delivery, channel=channel)  # no longer true
    if not speaks_for(client, delivery.services.directory, responder):
        return SKIPPED  # its owner left the group or channel it would speak for
    # People are named by what Slack shows of them; a channel by its link, which pings nobody.
    people = {p for p in (responder.owner_id, responder.forward_to) if p and p[:1] in "UW"}
    names = delivery.services.directory.display_names(
        client, team_id=delivery.workspace.team_id, user_ids=people
    )
    shown = shown_type(delivery.engine, delivery.workspace, responder)
    with delivery.speaking_to_many(client, responder.owner_id):
        back = back_of(delivery.engine, responder)
        text = announcement(responder, names, back=back, shown=shown)
    try:
        return post_once(client, delivery, channel=channel, text=text)
    except SlackApiError as error:
        if error.response.get("error") != "not_in_channel":
            raise
    client.conversations_join(channel=channel)
    return post_once(client, delivery, channel=channel, text=text)


DELIVERERS: Deliverers = {
    EffectKind.HOME_REFRESH: refresh_home,
    EffectKind.RESPONDER_ON: tell_on,
    EffectKind.RESPONDER_REMIND: remind,
    EffectKind.RESPONDER_OFF: welcome_back,
    EffectKind.RESPONDER_ANNOUNCE: announce,
}
