"""The Home tab's Calendar feeds section: the person's live feeds, each with Revoke."""

from bot.blocks.feeds import Block, feed_blocks
from bot.calendars.published.feeds import PublishedFeeds
from bot.core.workspace import Workspace


class FeedsHome:
    """Draws a person's feeds for their Home tab (nothing when they have none)."""

    def __init__(self, feeds: PublishedFeeds) -> None:
        self._feeds = feeds

    def blocks(self, workspace: Workspace, user_id: str) -> list[Block]:
        """The section, from the database as it is now."""
        return feed_blocks(self._feeds.listed(workspace, user_id))
