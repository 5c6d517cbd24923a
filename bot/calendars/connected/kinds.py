"""The calendar's effect: telling a person, once, that their feed has failed for a while."""

from slack_sdk import WebClient

from bot.calendars.connected.words import stored_why
from bot.core.effect_kinds import EffectKind
from bot.outbox.delivery import Deliverers, Delivery
from bot.outbox.post_once import post_once
from bot.responders.kinds import SKIPPED
from bot.texts import _, speaking
from storage import calendar_queries
from storage.db import session_scope


def tell_failing(client: WebClient, delivery: Delivery) -> str:
    """DM the feed's person why it fails, drawn as it is now; nothing if it reads again."""
    with session_scope(delivery.engine) as session:
        feed = calendar_queries.feed_by_id(session, feed_id=int(delivery.payload["calendar"]))
    if feed is None or feed.failing_since is None:
        return SKIPPED
    with speaking(feed.locale):
        text = _(
            ":warning: I haven't been able to read your calendar ({hint}) for a day. {why} "
            "The responders it made stay as they are. `/ooo calendar` shows where it stands; "
            "`/ooo calendar <address>` connects it again, `/ooo calendar off` disconnects it.",
            hint=feed.hint,
            why=stored_why(feed.problem or "", hint=feed.hint),
        )
    return post_once(client, delivery, channel=feed.owner_id, text=text)


DELIVERERS: Deliverers = {EffectKind.CALENDAR_FAILING: tell_failing}
