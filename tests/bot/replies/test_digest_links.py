"""The digest links only the messages it shows, keeps the links, and stays quick on a slow Slack."""

import time

from sqlalchemy import Engine
from sqlmodel import col, select

from bot.blocks.missed_digest import LINKS_PER_SENDER, SENDERS_SHOWN
from storage.db import session_scope
from storage.models import Mention
from storage.reply_queries import REPLIED
from tests.bot.replies.replying import out
from tests.conftest import NOW, SettlingDriver
from tests.support.fake_slack import FakeSlack

SENDERS, EACH = 60, 12


def a_busy_absence(engine: Engine, fake: FakeSlack, responder_id: int) -> None:
    """Sixty people wrote to Alice twelve times each, taking turns, while she was away."""
    senders = [f"U{n:03d}" for n in range(SENDERS)]
    for sender in senders:
        fake.add_user(sender, sender.lower())
    fake.add_channel("C0BUSY", "busy", members=[*senders, "UBOT", "UALICE"])
    with session_scope(engine) as session:
        for turn in range(EACH):
            for sender in senders:
                thread = None if turn % 2 else fake.post_as(sender, "C0BUSY", "topic")["ts"]
                ts = fake.post_as(sender, "C0BUSY", "<@UALICE> ?", thread_ts=thread)["ts"]
                session.add(
                    Mention(
                        team_id="T0001",
                        responder_id=responder_id,
                        sender_id=sender,
                        channel_id="C0BUSY",
                        message_ts=ts,
                        thread_ts=thread,
                        outcome=REPLIED,
                        window_key="day",
                        at=NOW,
                    )
                )


def test_it_links_only_what_it_shows_keeps_the_links_and_stays_quick(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    alice = out(engine)
    assert alice.id is not None
    a_busy_absence(engine, fake, alice.id)
    fake.delay_every_call(0.1)  # Slack's own pace
    started = time.monotonic()
    slack.command("UALICE", "digest")
    digest = fake.wait_for(lambda: fake.last_dm("UALICE"), timeout=60)
    took = time.monotonic() - started
    with session_scope(engine) as session:
        linked = session.exec(select(Mention).where(col(Mention.permalink).is_not(None))).all()
    shown = SENDERS_SHOWN * LINKS_PER_SENDER
    assert str(digest["blocks"]).count("/archives/C0BUSY/p") == shown
    assert len(linked) == shown, "each link shown is kept, and no other"
    assert "?thread_ts=" in str(digest["blocks"]), "a reply in a thread links into its thread"
    assert took < 5, f"the digest took {took:.1f} s"
    assert len(fake.calls_to("chat.getPermalink")) <= 1
