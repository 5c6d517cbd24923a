"""Attacks, end to end: people of every Slack locale (and of locales ooo has no catalog for) type
their dates as they really write them, save, get their DMs, are answered across languages, and
type back `/ooo help`'s examples. One app for everyone, as a workspace has them, to stay fast.

Each expectation is what the catalog says for that reader (so a translation still to come does
not fail it); what is attacked is which language each reader gets, the dates read, the limits.
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from babel.dates import format_date
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.texts import _, speaking
from tests.bot.flows import input_value, open_form, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ROOM = "C0ROOM"
# What people of each locale really type for "Wednesday 3 to Sunday 7 March" (2027).
TYPED = {
    "en-US": "Mar 3 - 7",
    "en-GB": "3-7 March",
    "fr-FR": "du 3 au 7 mars",
    "de-DE": "vom 3. bis 7. März",
    "es-ES": "del 3 al 7 de marzo",
    "es-LA": "del 3 al 7 de marzo",
    "pt-BR": "de 3 a 7 de março",
    "it-IT": "dal 3 al 7 marzo",
    "ja-JP": "3月3日から7日まで",
    "ko-KR": "3월 3일부터 7일까지",
    "zh-CN": "3月3日到7日",
    "zh-TW": "3月3日到7日",
}
LOCALES = list(TYPED)
# Locales ooo has no catalog for, and whose catalog's locale they should read.
FALLBACKS = {"fr-CA": "fr-FR", "nl-NL": "en-US", "": "en-US"}
FIRST, LAST = date(2027, 3, 3), date(2027, 3, 7)
MESSAGE = "Zurück am 8. <Bob> & «Carol» kennen den Plan."
ESCAPED = MESSAGE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def person(locale: str) -> str:
    """The owner who reads ooo in a locale: "UOWNERFRFR"."""
    return "UOWNER" + (re.sub(r"\W", "", locale).upper() or "NONE")


def sender(locale: str) -> str:
    """Someone who writes to the owners, reading ooo in a locale."""
    return "USENDER" + (re.sub(r"\W", "", locale).upper() or "NONE")


def settle_at(engine: Engine, clock: FakeClock, effects: EffectWorker, moment: datetime) -> None:
    """Run what is due at a moment, then retry a quarter of an hour later what a busy SQLite
    made fail (an effect that met a locked database is retried, not lost)."""
    run_at(engine, clock, effects, moment)
    run_at(engine, clock, effects, moment + timedelta(minutes=15))


def said(locale: str, message: str, **params: object) -> str:
    """What the catalog says to a reader of a locale."""
    with speaking(locale):
        return _(message, **params)


def buttons(message: dict[str, Any]) -> list[str]:
    """The labels of a message's buttons."""
    found = [e for b in message.get("blocks", []) for e in b.get("elements", [])]
    return [e["text"]["text"] for e in found if e.get("type") == "button"]


def preview(view: dict[str, Any]) -> str:
    """The text of the modal's context blocks (the preview of the dates read)."""
    return texts([b for b in view["blocks"] if b["type"] == "context"])


def weekday(locale: str, day: date) -> str:
    """A day's abbreviated weekday as CLDR writes it in a locale."""
    return format_date(day, "EEE", locale=locale.replace("-LA", "-419").replace("-", "_"))


@pytest.fixture
def people(fake: FakeSlack) -> None:
    """One owner and one sender per locale, all in one room."""
    for locale in [*LOCALES, *FALLBACKS]:
        fake.add_user(person(locale), person(locale).lower()[1:], locale=locale)
        fake.add_user(sender(locale), sender(locale).lower()[1:], locale=locale)
    everyone = [f(loc) for loc in [*LOCALES, *FALLBACKS] for f in (person, sender)]
    fake.add_channel(ROOM, "room", members=[*everyone, "UBOT"])


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_reads_each_locales_own_words_in_a_form_in_that_language(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    wrong: dict[str, str] = {}
    for locale, typed in TYPED.items():
        modal = open_form(slack, fake, person(locale), typed)
        got = (input_value(modal, "start_date"), input_value(modal, "end_date"))
        if got != (FIRST.isoformat(), LAST.isoformat()):
            wrong[locale] = f"{typed!r} read as {got}"
        elif modal["title"]["text"] != said(locale, "New responder"):
            wrong[locale] = f"title {modal['title']['text']!r}"
        elif weekday(locale, FIRST) not in preview(modal):
            wrong[locale] = f"preview {preview(modal)!r} lacks {weekday(locale, FIRST)!r}"
    assert not wrong
    assert not fake.rejections


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_gives_a_locale_without_a_catalog_its_language_or_english(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    for locale, reads_as in FALLBACKS.items():
        modal = open_form(slack, fake, person(locale), "")
        assert modal["title"]["text"] == said(reads_as, "New responder"), locale
        answer = slack.command(person(locale), "help").json()
        assert answer["text"] == said(reads_as, "How to use /ooo"), locale


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_refuses_an_unreadable_date_in_the_readers_language(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    english = preview(open_form(slack, fake, person("en-US"), "qwertz blorp"))
    assert "qwertz blorp" in english
    wrong = {}
    for locale in LOCALES[2:]:  # en-GB reads the same English
        shown = preview(open_form(slack, fake, person(locale), "qwertz blorp"))
        if shown == english or "qwertz blorp" not in shown:
            wrong[locale] = shown
    assert not wrong


def end_before_start(slack: SlackDriver, fake: FakeSlack, locale: str) -> str:
    """The field errors for a last day before the first, as one text."""
    modal = open_form(slack, fake, person(locale), "")
    dates = {"start_date": "2027-03-07", "end_date": "2027-03-03", "message": MESSAGE}
    reply = slack.submit(person(locale), modal["id"], dates)
    answer = reply.json() if reply.text.startswith("{") else {}
    assert answer.get("response_action") == "errors", (locale, reply.text)
    return " ".join(answer["errors"].values())


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_refuses_an_end_before_the_start_in_the_readers_language(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    english = end_before_start(slack, fake, "en-US")
    wrong = {}
    for locale in LOCALES[1:]:
        shown = end_before_start(slack, fake, locale)
        if shown != said(locale, english) and english in shown:
            wrong[locale] = shown
    assert not wrong


def help_examples(slack: SlackDriver, user: str) -> list[str]:
    """The date examples `/ooo help` shows a person, as they would type them back."""
    shown = texts(slack.command(user, "help").json()["blocks"])
    commands = re.findall(r"`/ooo ([^`]+)`", shown)
    words = ("list", "off", "back", "digest", "team", "calendar", "feed", "help", "for", "admin")
    return [c for c in commands if c.split()[0] not in words]


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_every_help_example_opens_the_form_with_its_dates_read(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    unread = {}
    for locale in [*LOCALES, "fr-CA"]:
        examples = help_examples(slack, person(locale))
        assert len(examples) >= 3, (locale, examples)
        for example in examples:
            modal = open_form(slack, fake, person(locale), example)
            if ":warning:" in preview(modal) or input_value(modal, "start_date") is None:
                unread[f"{locale} /ooo {example}"] = preview(modal)
    assert not unread


def save_everyones(slack: SlackDriver, fake: FakeSlack, *only: str) -> None:
    """Every owner (or those of some locales) saves their March absence, in their own words."""
    for locale in only or LOCALES:
        typed = TYPED[locale]
        modal = open_form(slack, fake, person(locale), typed)
        reply = slack.submit(person(locale), modal["id"], {"message": MESSAGE})
        assert reply.status == 200 and "errors" not in reply.text, (locale, reply.text)


def replies_across_languages(slack: SlackDriver, fake: FakeSlack) -> dict[str, object]:
    """Each owner's on DM and, for a sender of the next locale, the reply's frame and message."""
    wrong: dict[str, object] = {}
    for i, locale in enumerate(LOCALES):
        dms = fake.messages_to(person(locale))
        if not any(buttons(m)[:1] == [said(locale, "End now")] for m in dms):
            wrong[f"on {locale}"] = [buttons(m) for m in dms]
        theirs = LOCALES[(i + 1) % len(LOCALES)]
        slack.message(sender(theirs), ROOM, f"<@{person(locale)}> ?")
        [reply] = fake.ephemerals_seen(sender(theirs), ROOM)[-1:]
        name = person(locale).lower()[1:]
        if buttons(reply) != [said(theirs, "Remind me when {name} is back", name=name)]:
            wrong[f"reply {locale} to {theirs}"] = buttons(reply)
        if ESCAPED not in texts(reply["blocks"]):
            wrong[f"message {locale}"] = texts(reply["blocks"])
    return wrong


def all_dms(fake: FakeSlack, user: str) -> str:
    """Everything ooo said to a person in their DM."""
    return "\n".join(texts(m.get("blocks", [])) + m["text"] for m in fake.messages_to(user))


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_it_tells_each_owner_in_their_language_and_frames_replies_in_the_senders(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    save_everyones(slack, fake)
    settle_at(engine, clock, effects, datetime(2027, 3, 3, 12, tzinfo=UTC))
    wrong = replies_across_languages(slack, fake)
    settle_at(engine, clock, effects, datetime(2027, 3, 7, 15, 30, tzinfo=UTC))
    settle_at(engine, clock, effects, datetime(2027, 3, 8, 0, 30, tzinfo=UTC))
    for locale in LOCALES:
        before = said(locale, "You're back {back}. Extend?", back="\0").split("\0")
        after = said(locale, "{whose} is off. Welcome back!", whose="\0").split("\0")
        missing = [
            p.strip() for p in [*before, *after] if p.strip() not in all_dms(fake, person(locale))
        ]
        if missing:
            wrong[f"DMs {locale}"] = missing
    assert not wrong
    assert not fake.rejections


class Stutter(AssertionError):
    """A digest that says a word twice, or English in another language."""


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_welcome_back_digest_says_each_word_once_and_in_the_owners_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    for locale in ("en-US", "fr-FR"):
        save_everyones(slack, fake, locale)
    settle_at(engine, clock, effects, datetime(2027, 3, 3, 12, tzinfo=UTC))
    slack.message(sender("de-DE"), ROOM, f"<@{person('en-US')}> <@{person('fr-FR')}> ?")
    settle_at(engine, clock, effects, datetime(2027, 3, 8, 0, 30, tzinfo=UTC))
    wrong = {}
    for locale in ("en-US", "fr-FR"):
        said_ = all_dms(fake, person(locale))
        assert said(locale, "While you were away") in said_, locale
        stutter = re.search(r"\b(\w+ \w+) \1\b", said_)
        english = locale.startswith("en") or "held back" not in said_
        if stutter or not english:
            wrong[locale] = stutter.group(0) if stutter else "held back"
    if wrong:
        raise Stutter(wrong)
