"""Attacks on Slack's limits in the longest languages: the longest names Slack allows and a
message full of `&<>` that only just fits, through the form, the DM that says it is on, the
reply to a sender of another language, `/ooo list` and `/ooo team`. The fake Slack refuses
any title, button, option, header or section past Slack's limits, as Slack does."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from tests.bot.flows import open_form
from tests.bot.responders.lifecycle_steps import run_at
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ROOM = "C0LONG"
HALL = "long-" + "x" * 75  # as long as Slack lets a channel's name be (80)
# Owners in the languages whose sentences run longest, and who writes to each of them.
OWNERS = {"de-DE": "pt-BR", "pt-BR": "fr-FR", "fr-FR": "es-LA", "es-LA": "de-DE", "ja-JP": "it-IT"}
# As long as Slack lets a username (21) and a full name (80) be.
USERNAME = "maximilian-alexandra"
REAL_NAME = "Maximiliane-Alexandrine Wolkenstein-Rodríguez de la Fuente & <Partner> Ōtsuka"
MESSAGE = "&<>" * 210 + " {name} · {return_date} · {backup}"


def owner(locale: str) -> str:
    """The owner reading ooo in a locale: "UOWNERDEDE"."""
    return "UOWNER" + locale.replace("-", "").upper()


def writer(locale: str) -> str:
    """Someone writing in a locale."""
    return "UWRITER" + locale.replace("-", "").upper()


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_longest_names_and_messages_stay_within_slacks_limits_in_every_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    for i, locale in enumerate(OWNERS):
        name = f"{USERNAME[:-1]}{i}"
        fake.add_user(owner(locale), name, locale=locale, real_name=f"{REAL_NAME}{i}")
    for i, locale in enumerate(OWNERS.values()):
        fake.add_user(writer(locale), f"w{i}{USERNAME}"[:21], locale=locale, real_name=REAL_NAME)
    people = [*map(owner, OWNERS), *map(writer, OWNERS.values())]
    fake.add_channel(ROOM, HALL, members=[*people, "UBOT"])
    refused = {}
    for locale, theirs in OWNERS.items():
        modal = open_form(slack, fake, owner(locale), "")
        inputs = {"start_date": "2027-03-03", "end_date": "2027-03-07", "message": MESSAGE}
        inputs |= {"backup": writer(theirs), "forward_to": writer(theirs)}
        reply = slack.submit(owner(locale), modal["id"], inputs)
        assert reply.status == 200, reply.text
        if "errors" in reply.text:
            refused[locale] = reply.json()["errors"]
    run_at(engine, clock, effects, datetime(2027, 3, 3, 12, tzinfo=UTC))
    for locale, theirs in OWNERS.items():
        slack.message(writer(theirs), ROOM, f"<@{owner(locale)}> ?")
        assert slack.command(owner(locale), "list").status == 200
        team = slack.command(owner(locale), f"team <#{ROOM}|{HALL}>", channel_id=ROOM)
        assert team.status == 200 and fake.responses(team.response_url or ""), locale
    assert not refused, refused
    assert not fake.rejections
    assert all(fake.ephemerals_seen(writer(theirs), ROOM) for theirs in OWNERS.values())
