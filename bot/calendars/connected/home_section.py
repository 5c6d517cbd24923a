"""The Home tab's Calendar section, drawn from the person's feed as stored."""

from datetime import datetime

from sqlalchemy import Engine

from bot.blocks.calendar import Block, calendar_section
from bot.calendars.connected.answers import status_of
from bot.core.workspace import Workspace
from storage import calendar_queries
from storage.db import session_scope


def calendar_blocks(
    engine: Engine, *, workspace: Workspace, user_id: str, available: bool, now: datetime
) -> list[Block]:
    """Connect a calendar, or the connected one with Change and Disconnect; nothing when this
    server can't keep calendar addresses (no OOO_ENCRYPTION_KEY)."""
    if not available:
        return []
    with session_scope(engine) as session:
        feed = calendar_queries.feed_of(session, workspace=workspace, owner_id=user_id)
    status = None if feed is None else status_of(feed)
    tz = "UTC" if feed is None else feed.tz
    return calendar_section(status, available=True, tz=tz, now=now)
