"""What ooo could not do about other people's messages, shown on the owner's Home tab in words
that say what it was, each problem once, and redrawn at most twice a minute."""

from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import col, select

from bot.core.effect_kinds import EffectKind
from storage.db import session_scope
from storage.models import Effect
from tests.bot.flows import texts
from tests.bot.replies.replying import GENERAL, out
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

MESSAGES = 16


def _home_refreshes(engine: Engine) -> int:
    with session_scope(engine) as session:
        query = select(Effect.id).where(col(Effect.kind) == EffectKind.HOME_REFRESH)
        return len(session.exec(query).all())


def test_it_says_which_copies_failed_once_and_redraws_the_home_tab_twice(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Alice forwards copies to #old, archived since; Bob writes to her sixteen times.
    fake.add_channel("C0OLD", "old", members=["UBOT"])
    fake.archive("C0OLD")
    fake.allow("is_archived")
    out(engine, forward_to="C0OLD", reply_again="absence")
    for n in range(MESSAGES):
        slack.message("UBOB", GENERAL, f"<@UALICE> question {n}")
    assert _home_refreshes(engine) == 2  # the first failure at once, the rest together
    clock.advance(seconds=60)
    slack.settle()
    shown = texts(fake.home("UALICE")["blocks"])
    assert (
        ":warning: I couldn't forward a copy of a message to <#C0OLD>: Slack said `is_archived`. "
        f"({MESSAGES} times)"
    ) in shown
    assert "couldn't send you a message about it" not in shown
    assert shown.count(":warning:") == 1


def test_it_says_in_plain_words_what_it_gave_up_when_slack_was_unavailable_for_a_day(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # Alice forwards copies to #general; Slack refuses every post for more than a day.
    fake.fail_next("chat.postMessage", "service_unavailable", status=503, times=1000)
    out(engine, forward_to="C0GENERAL")
    slack.message("UBOB", GENERAL, "<@UALICE> question")
    end = clock() + timedelta(hours=25)
    while clock() < end:
        clock.advance(seconds=600)
        slack.settle()
    shown = texts(fake.home("UALICE")["blocks"])
    assert (
        ":warning: Slack was unavailable for a day, so I gave up: "
        "I couldn't forward a copy of a message to <#C0GENERAL>."
    ) in shown
    assert "gave_up" not in shown
