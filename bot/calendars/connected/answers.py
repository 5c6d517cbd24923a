"""What `/ooo calendar` and the Calendar form answer, once the feed was read (after Slack's
3 seconds): what it found, or why it could not be read, in the person's words."""

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from bot.blocks.calendar import status_text
from bot.calendars.connected.refresh import Reader
from bot.calendars.connected.subscriptions import (
    Person,
    choose_events,
    connect,
    disconnect,
    feed_of,
)
from bot.calendars.connected.words import found_text, stored_why, why
from bot.calendars.fetching.fetch import FeedError
from bot.core.calendar_sync import FeedStatus
from bot.texts import _, ngettext, speaking
from storage.models import CalendarFeed

logger = logging.getLogger(__name__)
# Sends one sentence to the person: to a command's response_url, or in a DM.
Say = Callable[[str], None]
Redraw = Callable[[], None]


def status_of(feed: CalendarFeed) -> FeedStatus:
    """A stored feed as the blocks show it, its problem worded."""
    return FeedStatus(
        hint=feed.hint,
        marked_only=feed.marked_only,
        message=feed.message,
        read_at=feed.read_at,
        found=feed.found,
        overlapping=feed.overlapping,
        failing_since=feed.failing_since,
        problem=stored_why(feed.problem, hint=feed.hint) if feed.problem else None,
    )


def describe(engine: Engine, person: Person, *, now: datetime) -> str:
    """`/ooo calendar` alone: the connected feed, or how to connect one."""
    feed = feed_of(engine, person)
    if feed is None:
        return _(
            "No calendar connected. `/ooo calendar https://…` connects your calendar's secret "
            "address in iCal format: its absences become responders."
        )
    return status_text(status_of(feed), tz=person.tz, now=now)


def connect_and_say(
    engine: Engine,
    reader: Reader,
    person: Person,
    say: Say,
    redraw: Redraw,
    *,
    typed: str,
    now: datetime,
    marked_only: bool | None = None,
    message: str | None = None,
) -> None:
    """Read the feed at the typed address and connect it, then say what it found or why not."""
    with speaking(person.locale):
        try:
            _feed, synced = connect(
                engine,
                reader,
                person,
                typed=typed,
                now=now,
                marked_only=marked_only,
                message=message,
            )
        except FeedError as error:
            say(_("I didn't connect that calendar. {why}", why=why(error.code, error.params)))
            return
        said = found_text(synced.found, tz=person.tz, horizon_days=reader.horizon_days, now=now)
        say(_(":calendar: Calendar connected. {found}", found=said) + _overlaps(synced.overlapping))
    redraw()


def choose_and_say(
    engine: Engine,
    reader: Reader,
    person: Person,
    say: Say,
    redraw: Redraw,
    *,
    marked_only: bool,
    now: datetime,
) -> None:
    """Switch between out-of-office events only and every absence, and read the feed again."""
    with speaking(person.locale):
        try:
            done = choose_events(engine, reader, person, marked_only=marked_only, now=now)
        except FeedError as error:
            why_not = why(error.code, error.params)
            say(_("Saved, but I couldn't read your calendar just now. {why}", why=why_not))
            return
        if done is None:
            say(_("No calendar connected. `/ooo calendar https://…` connects one."))
            return
        which = _("only out-of-office events") if marked_only else _("all absences")
        said = found_text(done[1].found, tz=person.tz, horizon_days=reader.horizon_days, now=now)
        say(_("Now counting {which}. {found}", which=which, found=said))
    redraw()


def disconnect_and_say(
    engine: Engine, person: Person, say: Say, redraw: Redraw, *, now: datetime
) -> None:
    """Disconnect the feed and say what became of its responders."""
    with speaking(person.locale):
        done = disconnect(engine, person, now=now)
        redraw()
        if done is None:
            say(_("No calendar was connected."))
            return
        text = _("Calendar disconnected.")
        if done.removed:
            text += " " + ngettext(
                "I removed the {count} responder it had scheduled.",
                "I removed the {count} responders it had scheduled.",
                done.removed,
            )
        if done.still_on:
            text += " " + _("The one on now keeps going; `/ooo off` ends it.")
        say(text)


def _overlaps(count: int) -> str:
    if not count:
        return ""
    return " " + ngettext(
        "{count} absence overlaps a responder you already have, so I left it out.",
        "{count} absences overlap responders you already have, so I left them out.",
        count,
    )
