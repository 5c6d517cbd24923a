"""Attacks on what a closed member sees: their list and the Opt out answer, in their language."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import OPT_OUT
from tests.bot.closures.closure_flows import close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

ENGLISH = ("Office closed", "You opted out", "closure", "Opt out", "Working anyway")


def visible(found: Any) -> list[str]:
    """Every text a person reads in a message or a reply (not ids, values or metadata)."""
    if isinstance(found, dict):
        texts = [found["text"]] if isinstance(found.get("text"), str) else []
        keys = ("text", "blocks", "elements", "accessory", "fields", "options", "placeholder")
        return texts + [t for key in keys if key in found for t in visible(found[key])]
    if isinstance(found, list):
        return [t for item in found for t in visible(item)]
    return []


@pytest.mark.parametrize("locale", ["fr-FR", "de-DE", "it-IT", "ja-JP", "zh-CN", "ko-KR"])
def test_a_closed_member_reads_the_dm_the_button_and_their_list_in_their_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_user("UBOB", "bob", tz="America/New_York", locale=locale)
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")
    told = [m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))][-1]

    listed = slack.command("UBOB", "list").json()
    clicked = slack.click("UBOB", action_id=OPT_OUT, message=told)

    shown = visible([told, listed, fake.responses(clicked.response_url or "")])
    assert len(shown) > 4
    for text in shown:
        assert not any(word in text for word in ENGLISH), text
    assert states(engine)["UBOB"] == "opted_out"
    assert closure_rows(engine, "UBOB") == []
