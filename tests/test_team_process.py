"""Real `ooo run` processes in real time: two replicas sharing one database post a due team
digest once (restarts and PostgreSQL replicas are covered in-process, in tests/bot)."""

import os
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bot.core.team_digest import Cadence, posts_on
from storage.db import make_engine, migrate, session_scope
from storage.models import TeamDigest
from tests.support.fake_slack import FakeSlack
from tests.support.forked_ooo import Forks
from tests.test_lifecycle_process import effects_posted, nudge, running, wait_until

# Zones from UTC+14 to UTC-12: on most days one of them is on a working day.
ZONES = ("Pacific/Kiritimati", "Asia/Tokyo", "Europe/Paris", "America/New_York", "Etc/GMT+12")


def a_working_day_zone(now: datetime) -> str:
    """A zone where it is a working day now, not in its last minute; skip if there is none."""
    for zone in ZONES:
        local = now.astimezone(ZoneInfo(zone))
        if posts_on(local.date(), Cadence.WEEKDAYS) and local.hour * 60 + local.minute < 1438:
            return zone
    pytest.skip("it is a weekend everywhere in the zones tried")


def due_digest(engine: Engine, *, in_seconds: float) -> int:
    """@oncall's digest in #team-leads, due in a moment, at this minute of a working day."""
    now = datetime.now(UTC)
    tz = a_working_day_zone(now)
    digest = TeamDigest(
        team_id="T0001",
        owner_id="UCAROL",
        channel_id="C0LEADS",
        target_id="S0ONCALL",
        target_label="@oncall",
        at=f"{now.astimezone(ZoneInfo(tz)):%H:%M}",
        tz=tz,
        cadence=Cadence.WEEKDAYS,
        next_post_at=now + timedelta(seconds=in_seconds),
        created_at=now,
    )
    with session_scope(engine) as session:
        session.add(digest)
    assert digest.id is not None
    return digest.id


def next_post_of(engine: Engine, digest_id: int) -> datetime:
    """When a digest posts next, as stored."""
    with session_scope(engine) as session:
        row = session.get(TeamDigest, digest_id)
        assert row is not None
        return row.next_post_at


def test_two_processes_post_a_due_digest_once(
    forks: Forks, fake: FakeSlack, tmp_path: os.PathLike[str]
) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])
    url = f"sqlite:///{tmp_path}/shared.db"
    engine = make_engine(url)
    migrate(engine)
    with running(forks, fake, url, url) as addresses:
        digest = due_digest(engine, in_seconds=1.0)
        for address in addresses:
            nudge(fake, address)
        wait_until(lambda: fake.messages_to("C0LEADS"), timeout=15)
        wait_until(lambda: next_post_of(engine, digest) > datetime.now(UTC), timeout=15)
        time.sleep(0.5)
    engine.dispose()
    keys = {k: n for k, n in effects_posted(fake).items() if k.startswith("team-digest:")}
    assert list(keys.values()) == [1], keys
    assert "Who's out today and this week · @oncall" in str(fake.messages_to("C0LEADS"))
