"""A person walks through ooo in their Slack language: the form, the DM when it turns on, the
automatic reply (the frame in each sender's language, the owner's message as written), the Home
tab and `/ooo help`.

Every expectation is what the catalog says in that language (the translators' catalog, or a
stand-in until it is there), and differs from the English.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.blocks.dialogs import HELP
from bot.outbox.worker import EffectWorker
from bot.texts import _, speaking
from bot.texts import catalog as texts_catalog
from tests.bot.flows import open_form, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.texts.stand_ins import install
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

LANGUAGES = ["fr-FR", "de-DE", "ja-JP", "zh-TW"]
READER, SENDER, ROOM = "UREADER", "USENDER", "C0ROOM"
# "/ooo from Monday to Wednesday" on Friday 27 November in Paris: on at Monday 00:00 there.
STARTS = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
MESSAGE = "Back Thursday. Bob knows the release plan."


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The catalogs of the languages walked through, real or stand-in."""
    folders = tuple(filter(None, map(texts_catalog.catalog_of, LANGUAGES)))
    monkeypatch.setattr(texts_catalog, "LOCALES", install(folders, tmp_path / "locales"))
    texts_catalog._translations.cache_clear()
    yield
    texts_catalog._translations.cache_clear()


def said(locale: str, message: str, **params: object) -> str:
    """What the catalog says in a locale: a translation, never the English."""
    with speaking(locale):
        text = _(message, **params)
    assert text != _(message, **params), f"{locale} does not translate {message!r}"
    return text


def labels(view: dict[str, Any]) -> list[str]:
    """The labels of a view's inputs."""
    return [block["label"]["text"] for block in view["blocks"] if block["type"] == "input"]


def buttons(message: dict[str, Any]) -> list[str]:
    """The labels of a message's buttons."""
    blocks = message.get("blocks", [])
    found = [e for b in blocks for e in b.get("elements", []) if e.get("type") == "button"]
    return [button["text"]["text"] for button in found]


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@pytest.mark.parametrize("locale", LANGUAGES)
def test_it_speaks_each_reader_in_their_language(
    locale: str,
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_user(READER, "reader", locale=locale)
    fake.add_user(SENDER, "sender", locale=locale)
    fake.add_channel(ROOM, "room", members=[READER, SENDER, "UBOB", "UBOT"])

    modal = open_form(slack, fake, READER, "from Monday to Wednesday")
    assert modal["title"]["text"] == said(locale, "New responder")
    assert said(locale, "When") in labels(modal)
    assert slack.submit(READER, modal["id"], {"message": MESSAGE}).status == 200
    home = fake.home(READER)
    assert home is not None and said(locale, "New responder") in texts(home["blocks"])

    run_at(engine, clock, effects, STARTS)
    turned_on = [m for m in fake.messages_to(READER) if buttons(m)[:1] == [said(locale, "End now")]]
    assert turned_on, "no DM said the responder is on"
    assert said(locale, "Your out-of-office responder") in turned_on[-1]["text"]

    slack.message(SENDER, ROOM, f"<@{READER}> is the release still on?")
    slack.message("UBOB", ROOM, f"<@{READER}> is the release still on?")
    [theirs], [bobs] = fake.ephemerals_seen(SENDER, ROOM), fake.ephemerals_seen("UBOB", ROOM)
    assert buttons(theirs) == [said(locale, "Remind me when {name} is back", name="reader")]
    assert buttons(bobs) == ["Remind me when reader is back"]
    assert MESSAGE in texts(theirs["blocks"]) and MESSAGE in texts(bobs["blocks"])

    answer = slack.command(READER, "help").json()
    assert answer["text"] == said(locale, "How to use /ooo")
    assert said(locale, HELP) in texts(answer["blocks"])
