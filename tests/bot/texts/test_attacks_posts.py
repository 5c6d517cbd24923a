"""Attacks on posts many people read: an announcement speaks its setter's language, or the
workspace's `OOO_DEFAULT_LOCALE` when ooo has no catalog for theirs."""

import pytest
from sqlalchemy import Engine

from bot.config import Settings
from bot.outbox.worker import EffectWorker
from bot.texts import _, speaking
from tests.bot.flows import save, texts
from tests.bot.responders.lifecycle_steps import run_at
from tests.bot.team.team_flows import on
from tests.conftest import settings_for
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

HALL = "C0HALL"
# Who sets an announcement, in which Slack language, and the language it should be posted in.
SETTERS = {
    "UDIDIER": ("fr-FR", "fr-FR"),
    "UHANA": ("ja-JP", "ja-JP"),
    "UJOAO": ("pt-BR", "pt-BR"),
    "UDAAN": ("nl-NL", "de-DE"),
    "UCAMILLE": ("fr-CA", "fr-FR"),
}


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """A workspace whose default language is German."""
    return settings_for(fake, engine).model_copy(update={"ooo_default_locale": "de-DE"})


def urgent(locale: str) -> str:
    """How an announcement introduces the backup, in a locale."""
    with speaking(locale):
        return _(" For anything urgent: {whom}", whom="\0").split("\0")[0].strip()


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_an_announcement_speaks_its_setters_language_or_the_workspaces(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, clock: FakeClock, effects: EffectWorker
) -> None:
    for user, (locale, _posted) in SETTERS.items():
        if user != "UDIDIER":
            fake.add_user(user, user.lower()[1:], locale=locale)
    fake.add_channel(HALL, "hall", members=[*SETTERS, "UBOB", "UBOT"])
    for user in SETTERS:
        picked = {"start_date": "2026-11-30", "end_date": "2026-12-02", "forward_to": "UBOB"}
        reply = save(slack, fake, user, "", announce_in=[HALL], **picked)
        assert reply.status == 200 and "errors" not in reply.text, reply.text
    run_at(engine, clock, effects, on(30))
    posts = {user: [] for user in SETTERS}  # type: dict[str, list[str]]
    for post in fake.messages_to(HALL):
        shown = f"{post['text']}\n{texts(post.get('blocks') or [])}"
        for user in SETTERS:
            if shown.startswith(user.lower()[1:]):
                posts[user].append(shown)
    wrong = {}
    for user, (_locale, posted) in SETTERS.items():
        if len(posts[user]) != 1 or urgent(posted) not in posts[user][0]:
            wrong[user] = posts[user]
    assert not wrong
    assert not fake.rejections
