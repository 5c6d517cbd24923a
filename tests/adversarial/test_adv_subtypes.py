"""Real Slack message shapes: people's messages with a subtype still reach the responder."""

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from storage.db import session_scope
from storage.models import Mention
from tests.bot.replies.replying import GENERAL, out, replies_to
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

FILE = {
    "id": "F0001",
    "name": "q4.pdf",
    "title": "q4.pdf",
    "mimetype": "application/pdf",
    "filetype": "pdf",
    "user": "UBOB",
}


@pytest.mark.parametrize(
    "fields",
    [
        {"subtype": "file_share", "files": [FILE], "upload": True, "display_as_bot": False},
        {"subtype": "thread_broadcast", "root": {"text": "root", "user": "UCAROL"}},
    ],
    ids=["file_share", "thread_broadcast"],
)
def test_adv_a_person_sharing_a_file_or_broadcasting_a_reply_mentions_alice(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, fields: dict[str, object]
) -> None:
    out(engine, forward_to="UCAROL")
    parent = fake.post_as("UCAROL", GENERAL, "the report")
    if fields["subtype"] == "thread_broadcast":
        fields = fields | {"thread_ts": parent["ts"]}
    event = fake.post_as("UBOB", GENERAL, "<@UALICE> please review before Monday", **fields)
    slack.event(event)
    with session_scope(engine) as session:
        kept = session.exec(select(Mention)).all()
    assert (len(replies_to(fake, "UBOB")), len(kept)) == (1, 1), (replies_to(fake, "UBOB"), kept)
