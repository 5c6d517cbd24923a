"""Her status in her own language and zone, as Slack knows them when it is set, and put back
the same way whatever language ooo's status was written in."""

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine

from bot.core.status import EMOJI
from bot.outbox.worker import EffectWorker
from bot.slack.directory import PEOPLE_TTL
from tests.bot.accounts.conftest import ALICE
from tests.bot.responders.lifecycle_steps import add_responder, run_at
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

TOKYO = "Asia/Tokyo"


def away_in_tokyo(engine: Engine, clock: FakeClock) -> datetime:
    """Alice (in Tokyo) is out from now for three days, asking for her status; her return."""
    now = clock()
    back = now + timedelta(days=3)
    add_responder(
        engine, ALICE, starts_at=now, ends_at=back, saved_at=now, tz=TOKYO, set_status=True
    )
    return back


def in_japanese(back: datetime) -> str:
    """ "不在 · 12月16日(水)に戻ります", for a return at `back` in Tokyo."""
    day = back.astimezone(ZoneInfo(TOKYO))
    return f"不在 · {day.month}月{day.day}日({'月火水木金土日'[day.weekday()]})に戻ります"


def test_it_writes_her_status_in_her_language_and_puts_hers_back(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_user(ALICE, "alice", tz=TOKYO, locale="ja-JP")
    connect_alice()
    fake.set_status_as(ALICE, "企画書を作成中", ":memo:")
    back = away_in_tokyo(engine, clock)
    run_at(engine, clock, effects)
    assert fake.status_of(ALICE) == (in_japanese(back), EMOJI, int(back.timestamp()))
    run_at(engine, clock, effects, back)
    assert fake.status_of(ALICE) == ("企画書を作成中", ":memo:", 0)


def test_an_earlier_status_of_ooo_in_another_language_is_not_saved_as_hers(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_user(ALICE, "alice", tz=TOKYO, locale="ja-JP")
    connect_alice()
    fake.set_status_as(ALICE, "Hors du bureau · de retour le lun. 7 déc.", EMOJI)
    back = away_in_tokyo(engine, clock)
    run_at(engine, clock, effects)
    run_at(engine, clock, effects, back)
    assert fake.status_of(ALICE) == ("", "", 0)


def test_when_slack_cannot_say_her_language_it_writes_english(
    connect_alice: Callable[..., httpx.Response],
    fake: FakeSlack,
    engine: Engine,
    clock: FakeClock,
    effects: EffectWorker,
) -> None:
    fake.add_user(ALICE, "alice", tz=TOKYO, locale="ja-JP")
    connect_alice()
    # What ooo learnt of her while she connected is forgotten by now, and Slack can't say.
    clock.advance(seconds=PEOPLE_TTL.total_seconds())
    back = away_in_tokyo(engine, clock)
    fake.fail_next("users.info", "internal_error", times=20)
    run_at(engine, clock, effects)
    day = back.astimezone(ZoneInfo(TOKYO))
    assert fake.status_of(ALICE)[0] == f"Out of office · back {day:%a}, {day:%b} {day.day}"
    run_at(engine, clock, effects, back)
    assert fake.status_of(ALICE) == ("", "", 0)
