"""The outbox's one table: every capability that delivers effects, and the kinds it delivers."""

from bot.outbox import post_once
from bot.outbox.registry import Registry
from bot.replies import back, retention
from bot.replies import kinds as replies
from bot.responders import confirmations
from bot.responders import kinds as responders
from bot.status import kinds as status
from bot.team import digest_posts


def outbox_registry() -> Registry:
    """The deliveries the app's workers call; `Registry.check` says whether any is missing."""
    return Registry(
        responders.DELIVERERS,
        confirmations.DELIVERERS,
        status.DELIVERERS,
        replies.DELIVERERS,
        back.DELIVERERS,
        digest_posts.DELIVERERS,
        post_once.DELIVERERS,
        retention.DELIVERERS,
    )
