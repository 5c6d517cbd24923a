"""Attacks on the frame of an automatic reply: a German owner in Tokyo, away from 14:30, is
answered to senders of all twelve languages in Los Angeles. Each frame is in its sender's
language, down to the words inside Slack's date token ("at {time}"), with the fallback's
weekday as CLDR writes it; the owner's message and buttons' names are as the owner wrote them."""

import re
from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.texts import _, speaking
from tests.bot.flows import open_form, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.support.catalogs import READERS
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ROOM = "C0FRAMES"
MESSAGE = "Bin in Tokio. Dringendes an s0."
# Back on Monday 8 March at midnight in Tokyo: Sunday 7 March, 15:00 UTC.
# Away until Sunday 7 March inclusive: back on the next working day, Monday 8.
BACK = date(2027, 3, 8)
ENGLISH = re.compile(r"\b(at|until|is out|back|Sun|PM|AM)\b")


def babel_locale(locale: str) -> str:
    """Slack's locale as Babel names it."""
    return locale.replace("-LA", "-419").replace("-", "_")


def writer(i: int) -> str:
    """The sender reading ooo in READERS[i]."""
    return f"UWRITES{i}"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_each_sender_reads_the_frame_in_their_language_down_to_the_date_token(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    fake.add_user("UOWNER", "owner", locale="de-DE", tz="Asia/Tokyo")
    for i, locale in enumerate(READERS):
        fake.add_user(writer(i), f"s{i}", locale=locale, tz="America/Los_Angeles")
    fake.add_channel(ROOM, "frames", members=["UOWNER", "UBOT", *map(writer, range(12))])
    modal = open_form(slack, fake, "UOWNER", "")
    inputs = {"start_date": "2027-03-03", "end_date": "2027-03-07", "start_time": "14:30"}
    reply = slack.submit("UOWNER", modal["id"], inputs | {"message": MESSAGE, "backup": "UWRITES0"})
    assert reply.status == 200 and "errors" not in reply.text, reply.text
    run_at(engine, clock, effects, datetime(2027, 3, 4, 12, tzinfo=UTC))
    wrong = {}
    for i, locale in enumerate(READERS):
        slack.message(writer(i), ROOM, "<@UOWNER> ?")
        [frame] = fake.ephemerals_seen(writer(i), ROOM)
        shown = texts(frame["blocks"])
        with speaking(locale):
            remind = _("Remind me when {name} is back", name="owner")
        day = format_date(BACK, "EEE", locale=babel_locale(locale))
        english = not locale.startswith("en") and ENGLISH.search(frame["text"])
        if english or day not in frame["text"] or MESSAGE not in shown or remind not in shown:
            wrong[locale] = frame["text"]
    assert not wrong
    assert not fake.rejections
