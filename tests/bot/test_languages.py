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
ROOM = "C0ROOM"
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


def reader(locale: str) -> str:
    """The person who reads ooo in a language ("UREADERFR"), named after it ("readerfr")."""
    return f"UREADER{locale[:2].upper()}"


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_speaks_each_reader_in_their_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    # One app for the four of them, and Bob writing in English, as a workspace has them.
    for locale in LANGUAGES:
        fake.add_user(reader(locale), reader(locale).lower()[1:], locale=locale)
        fake.add_user(f"USENDER{locale[:2].upper()}", f"sender{locale[:2]}", locale=locale)
    people = [reader(locale) for locale in LANGUAGES]
    senders = [f"USENDER{locale[:2].upper()}" for locale in LANGUAGES]
    fake.add_channel(ROOM, "room", members=[*people, *senders, "UBOB", "UBOT"])

    for locale in LANGUAGES:
        modal = open_form(slack, fake, reader(locale), "from Monday to Wednesday")
        assert modal["title"]["text"] == said(locale, "New responder")
        assert said(locale, "When") in labels(modal)
        assert slack.submit(reader(locale), modal["id"], {"message": MESSAGE}).status == 200
        home = fake.home(reader(locale))
        assert home is not None and said(locale, "New responder") in texts(home["blocks"])

    run_at(engine, clock, effects, STARTS)
    for locale in LANGUAGES:
        dms = fake.messages_to(reader(locale))
        turned_on = [m for m in dms if buttons(m)[:1] == [said(locale, "End now")]]
        assert turned_on, f"no DM told {locale} the responder is on"
        assert said(locale, "Your out-of-office responder") in turned_on[-1]["text"]

    for locale in LANGUAGES:
        absent, sender = reader(locale), f"USENDER{locale[:2].upper()}"
        slack.message(sender, ROOM, f"<@{absent}> is the release still on?")
        slack.message("UBOB", ROOM, f"<@{absent}> is the release still on?")
        [theirs] = fake.ephemerals_seen(sender, ROOM)
        name = absent.lower()[1:]
        assert buttons(theirs) == [said(locale, "Remind me when {name} is back", name=name)]
        assert buttons(fake.ephemerals_seen("UBOB", ROOM)[-1]) == [f"Remind me when {name} is back"]
        assert MESSAGE in texts(theirs["blocks"])
        assert MESSAGE in texts(fake.ephemerals_seen("UBOB", ROOM)[-1]["blocks"])

    for locale in LANGUAGES:
        answer = slack.command(reader(locale), "help").json()
        assert answer["text"] == said(locale, "How to use /ooo")
        # Around the examples, which are the locale's own date phrases.
        before, after = said(locale, HELP).split("{examples}")
        assert before in texts(answer["blocks"])
        assert after in texts(answer["blocks"])
