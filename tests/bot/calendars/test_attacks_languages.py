"""Attacks in other languages: `/ooo calendar` and `/ooo feed` typed by French, German, Japanese
and Taiwanese people answer in their Slack language, not in English."""

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from sqlalchemy import Engine

from bot.blocks.calendar import OPEN_FORM
from bot.config import Settings
from bot.texts import catalog as texts_catalog
from tests.bot.calendars.conftest import KEY, FeedServer
from tests.bot.calendars.connected.test_command import calendar
from tests.bot.calendars.connected.test_sync import HOLIDAY
from tests.bot.calendars.published.feed_steps import PUBLIC_URL, feed_path, read
from tests.bot.calendars.test_attacks_refresh import later
from tests.bot.flows import texts
from tests.bot.team.team_flows import away, on
from tests.conftest import SettlingDriver, settings_for
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

PEOPLE = {"UFR": "fr-FR", "UDE": "de-DE", "UJA": "ja-JP", "UTW": "zh-TW"}
TEMPLATE = texts_catalog.LOCALES.parent / "messages.pot"
PLACEHOLDER = re.compile(r"(\{[^{}]*\}|<[^<>]*>|`[^`]*`)")


def shouted(message: str) -> str:
    """The message in capitals, its placeholders, links and code kept as they are."""
    parts = PLACEHOLDER.split(message)
    return "".join(p if PLACEHOLDER.fullmatch(p) else p.upper() for p in parts)


@pytest.fixture(autouse=True)
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each language's catalog translating every message of the template into capitals: whatever
    reaches a reader through the catalog is told apart from English, however complete the
    translators' catalogs are today."""
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    for folder in ("fr", "de", "ja", "zh_TW"):
        catalog = Catalog(locale=folder, domain=texts_catalog.DOMAIN)
        for message in template:
            if isinstance(message.id, tuple):
                forms = range(catalog.num_plurals)
                said = tuple(shouted(message.id[min(form, 1)]) for form in forms)
                catalog.add(message.id, said, context=message.context)
            elif message.id:
                catalog.add(message.id, shouted(message.id), context=message.context)
        target = tmp_path / folder / "LC_MESSAGES" / f"{texts_catalog.DOMAIN}.po"
        target.parent.mkdir(parents=True)
        with target.open("wb") as file:
            write_po(file, catalog)
    monkeypatch.setattr(texts_catalog, "LOCALES", tmp_path)
    texts_catalog._translations.cache_clear()
    yield
    texts_catalog._translations.cache_clear()


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine, feed_server: FeedServer) -> Settings:
    """Calendars read from the loopback server, and feeds published."""
    update = {
        "ooo_encryption_key": KEY,
        "ooo_calendar_allow_hosts": feed_server.host,
        "ooo_public_url": PUBLIC_URL,
    }
    return settings_for(fake, engine).model_copy(update=update)


def english_runs(text: str, size: int = 2) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive Latin words in lower case (the catalogs here write every
    message in capitals): English left in the answer."""
    text = re.sub(r"https?://\S+|\b[A-Z]\w+/\w+", " | ", PLACEHOLDER.sub(" | ", text))
    words = re.findall(r"[A-Za-z']*[a-z][A-Za-z']*|\S+", text)
    runs = {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
    return {run for run in runs if all(re.search("[a-z]", word) for word in run)}


def seen(slack: SettlingDriver, fake: FakeSlack, user: str, app_url: str) -> dict[str, str]:
    """The Home tab's calendar parts, the Connect form, and the team feed this person made."""
    slack.event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"})
    view = fake.home(user)
    assert view is not None
    said = {"home": texts(view["blocks"])}
    slack.click(user, action_id=OPEN_FORM, view_id=view["id"])
    modal = fake.modal(user)
    assert modal is not None
    said["form"] = "\n".join(re.findall(r'"text": "([^"]*)"', json.dumps(modal)))
    path = feed_path(calendar(slack, fake, "", user=user) and team_feed(slack, fake, user))
    said["team feed"] = read(app_url, path).text
    return said


def team_feed(slack: SettlingDriver, fake: FakeSlack, user: str) -> str:
    """Ask for #general's feed; the answer."""
    reply = slack.command(user, "team feed <#C0GENERAL|general>")
    found = [str(reply.json().get("text", ""))] if reply.text else []
    return "\n".join(found + [str(r["text"]) for r in fake.responses(reply.response_url or "")])


def answers(slack: SettlingDriver, fake: FakeSlack, user: str, url: str) -> dict[str, str]:
    """What each calendar and feed command answers this person."""
    said = {words: calendar(slack, fake, words, user=user) for words in ("", "hello")}
    said["https://10.0.0.1/x.ics"] = calendar(slack, fake, "<https://10.0.0.1/x.ics>", user=user)
    said["connect"] = calendar(slack, fake, f"<{url}>", user=user)
    for words in ("", "only-ooo", "off"):
        said[f"then {words}"] = calendar(slack, fake, words, user=user)
    for words in ("feed", "feed nonsense", "team feed"):
        reply = slack.command(user, words)
        said[words] = "\n".join(
            [str(reply.json().get("text", ""))] if reply.text else []
        ) + "\n".join(str(r.get("text", "")) for r in fake.responses(reply.response_url or ""))
    return said


def english_left(
    heard: dict[str, str], english: dict[str, str]
) -> list[tuple[str, list[tuple[str, ...]], str]]:
    """What a reader was told that English readers were told too, word for word."""
    left = []
    for words, said in heard.items():
        same = english_runs(said) & english_runs(english[words])
        if same:
            left.append((words, sorted(same)[:2], said))
    return left


def test_it_answers_calendar_and_feed_commands_in_each_readers_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer, app_url: str
) -> None:
    url = feed_server.publish("/shared.ics", [HOLIDAY])
    fake.add_user("UENG", "eng", locale="en-US")
    fake.add_channel("C0GENERAL", "general", members=["UENG", "UBOT", *PEOPLE])
    away(engine, "UENG", on(30), on(5, 12), backup="UBOB")
    english = answers(slack, fake, "UENG", url) | seen(slack, fake, "UENG", app_url)
    for user, locale in PEOPLE.items():
        fake.add_user(user, locale.lower(), locale=locale)
        heard = answers(slack, fake, user, url) | seen(slack, fake, user, app_url)
        del heard["home"]  # the next test's
        assert english_left(heard, english) == [], locale


def test_it_shows_the_home_tabs_calendar_parts_in_each_readers_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, feed_server: FeedServer, app_url: str
) -> None:
    fake.add_user("UENG", "eng", locale="en-US")
    fake.add_channel("C0GENERAL", "general", members=["UENG", "UBOT", *PEOPLE])
    slack.command("UENG", "feed")
    english = seen(slack, fake, "UENG", app_url)
    assert "Calendar feeds" in english["home"]
    for user, locale in PEOPLE.items():
        fake.add_user(user, locale.lower(), locale=locale)
        slack.command(user, "feed")
        heard = {"home": seen(slack, fake, user, app_url)["home"]}
        assert english_left(heard, english) == [], locale


def test_it_tells_a_french_reader_in_french_that_her_calendar_fails(
    slack: SettlingDriver, fake: FakeSlack, feed_server: FeedServer, clock: FakeClock
) -> None:
    fake.add_user("UENG", "eng", locale="en-US")
    fake.add_user("UFR", "fr", locale="fr-FR")
    told = {}
    for user in ("UENG", "UFR"):
        calendar(slack, fake, f"<{feed_server.publish(f'/{user}.ics', [HOLIDAY])}>", user=user)
        del feed_server.feeds[f"/{user}.ics"]
    for _ in range(6):
        later(slack, clock, hours=6)
    for user in ("UENG", "UFR"):
        dm = fake.last_dm(user)
        assert dm is not None and "CALENDAR CONNECTED" not in dm["text"].upper(), user
        told[user] = dm["text"] + "\n" + texts(dm.get("blocks", []))
    assert english_left({"dm": told["UFR"]}, {"dm": told["UENG"]}) == []
