"""A person's feed as calendars read it: one event per absence, all-day or in UTC, stable
UIDs, a SEQUENCE that grows with each edit, never a message."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.bot.calendars.published.feed_steps import (
    BOTH,
    SQLITE_ONLY,
    events,
    my_feed,
    read,
    whole_days,
)
from tests.bot.flows import save, stored
from tests.bot.responders.test_manage import choose
from tests.bot.team.team_flows import SECRET, away, on
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@BOTH
def test_it_serves_whole_days_as_all_day_events_that_two_parsers_read_alike(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    reply = read(app_url, my_feed(slack, fake, "UALICE"))
    assert reply.headers["content-type"] == "text/calendar; charset=utf-8"
    for line in ("METHOD:PUBLISH", "X-WR-CALNAME:alice — out of office", "CALSCALE:GREGORIAN"):
        assert line in reply.text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in reply.text
    assert "X-PUBLISHED-TTL:PT1H" in reply.text
    [event] = events(reply.content)
    [row] = stored(engine)
    assert event["uid"] == f"responder-{row.id}@ooo.example.com"
    assert (event["start"], event["end"]) == (date(2026, 11, 30), date(2026, 12, 16))
    assert event["summary"] == "alice — Vacation"
    assert "X-MICROSOFT-CDO-BUSYSTATUS:OOF" in reply.text and "TRANSP:TRANSPARENT" in reply.text


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Two afternoons: moments, in UTC.
        (
            on(30, hour=14),
            on(1, 12, hour=18),
            (datetime(2026, 11, 30, 13, tzinfo=UTC), datetime(2026, 12, 1, 17, tzinfo=UTC)),
        ),
        # Whole days over the spring change of clocks stay whole days.
        (on(20, 3, 0).replace(year=2027), on(3, 4, 0).replace(year=2027), None),
    ],
    ids=["times of day", "whole days across DST"],
)
@SQLITE_ONLY
def test_it_writes_times_of_day_in_utc_and_keeps_whole_days_whole(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    app_url: str,
    start: datetime,
    end: datetime,
    expected: tuple[datetime, datetime] | None,
) -> None:
    away(engine, "UALICE", start, end)
    [event] = events(read(app_url, my_feed(slack, fake, "UALICE")).content)
    if expected is None:
        assert whole_days(event)
        assert (event["start"], event["end"]) == (date(2027, 3, 20), date(2027, 4, 3))
    else:
        assert not whole_days(event)
        assert (event["start"], event["end"]) == expected


@SQLITE_ONLY
def test_it_gives_an_absence_over_a_change_of_clocks_its_true_utc_moments(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    # 09:00 in Paris on Saturday 27 March 2027 (UTC+1) to 09:00 on Monday 29 (UTC+2).
    paris = ZoneInfo("Europe/Paris")
    start = datetime(2027, 3, 27, 9, tzinfo=paris)
    away(engine, "UALICE", start, datetime(2027, 3, 29, 9, tzinfo=paris))
    [event] = events(read(app_url, my_feed(slack, fake, "UALICE")).content)
    assert event["start"] == datetime(2027, 3, 27, 8, tzinfo=UTC)
    assert event["end"] == datetime(2027, 3, 29, 7, tzinfo=UTC)


@SQLITE_ONLY
def test_it_never_puts_a_message_in_a_feed_only_the_return_day_and_backup(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12), backup="UBOB")
    body = read(app_url, my_feed(slack, fake, "UALICE")).text
    [event] = events(body.encode())
    assert SECRET not in body and "private words" not in body
    assert event["description"] == "Back Monday, December 7, 2026.\nFor anything urgent: bob"


@SQLITE_ONLY
def test_it_shows_an_absence_until_further_notice_a_month_ahead_moving_on_daily(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    away(engine, "UALICE", on(20), None)
    path = my_feed(slack, fake, "UALICE")
    [event] = events(read(app_url, path).content)
    assert (event["start"], event["end"]) == (date(2026, 11, 20), date(2026, 12, 27))
    assert event["description"] == "Until further notice."
    clock.advance(days=1)
    [event] = events(read(app_url, path).content)
    assert event["end"] == date(2026, 12, 28)


@BOTH
def test_it_shows_only_the_owners_own_absences_of_the_last_month_and_ahead(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    kept = away(engine, "UALICE", on(20, 10), on(1, 11))
    away(engine, "UALICE", on(1, 10), on(20, 10))  # ended over a month ago
    away(engine, "UALICE", on(30), on(2, 12), kind="group")
    away(engine, "UBOB", on(30), on(2, 12))
    gone = away(engine, "UALICE", on(7, 12), on(9, 12))
    with session_scope(engine) as session:
        begin_writing(session, "test")
        row = session.get(ResponderRow, gone.id)
        assert row is not None
        row.deleted_at = on(27)
        session.add(row)
    [event] = events(read(app_url, my_feed(slack, fake, "UALICE")).content)
    assert event["uid"] == f"responder-{kept.id}@ooo.example.com"


@SQLITE_ONLY
def test_it_counts_each_edit_in_the_events_sequence(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th")
    path = my_feed(slack, fake, "UALICE")
    [before] = events(read(app_url, path).content)
    [row_id] = [r.id for r in stored(engine)]
    choose(slack, "UALICE", f"edit:{row_id}", message=slack.command("UALICE", "list").json())
    slack.submit("UALICE", fake.modal("UALICE")["id"], {"when": "from Tuesday to the 16th"})
    [after] = events(read(app_url, path).content)
    assert after["uid"] == before["uid"]
    assert after["sequence"] > before["sequence"]
    assert (after["start"], after["end"]) == (date(2026, 12, 1), date(2026, 12, 17))
