"""Attacks on the published feeds: tokens tampered with on the wire, names that try to break
the iCalendar they are written into, empty feeds, and teams that are not what they seem."""

import socket
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import Engine

from bot.accounts.vault import generate_key
from bot.config import Settings
from storage import responder_queries
from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.bot.calendars.published.feed_steps import (
    PUBLIC_URL,
    answer_to,
    events,
    feed_path,
    my_feed,
    read,
)
from tests.bot.team.team_flows import SECRET, away, on
from tests.conftest import NOW, settings_for
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def app_settings(fake: FakeSlack, engine: Engine) -> Settings:
    """The app with a public address for its feeds and a key sealing their URLs."""
    settings = settings_for(fake, engine)
    update = {"ooo_public_url": PUBLIC_URL, "ooo_encryption_key": generate_key()}
    return settings.model_copy(update=update)


def raw(app_url: str, request_line: str) -> tuple[int, bytes]:
    """Send one request line exactly as written (no client normalising it); status and body."""
    where = urlsplit(app_url)
    with socket.create_connection((where.hostname or "", where.port or 80), timeout=10) as conn:
        conn.sendall(f"{request_line}\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_it_serves_no_feed_and_no_error_for_paths_tampered_with(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    path = my_feed(slack, fake, "UALICE")
    token = path.removeprefix("/calendars/").removesuffix(".ics")
    assert raw(app_url, f"GET {path} HTTP/1.1")[0] == 200
    # A request line climbing back out of the feeds, spelled in parts.
    up = "." * 2
    for tampered in (
        f"/calendars/{token}.ics/{up}/{up}/healthz",
        f"/calendars/{token}%2F..%2F..%2Fhealthz",
        f"/calendars/..%2F{token}.ics",
        f"/calendars/{token}%00.ics",
        f"/calendars/{token}.ICS",
        f"/calendars/{token.upper()}.ics",
        f"/calendars/{token}.ics.ics",
        f"/calendars/{token[:-1]}.ics",
        f"/calendars/{token}x.ics",
        f"/calendars/{'A' * 20_000}.ics",
        f"/calendars//{token}.ics/",
        "/calendars/.ics",
        "/calendars/",
        "/calendars/%ff%fe.ics",
    ):
        status, body = raw(app_url, f"GET {tampered} HTTP/1.1")
        assert status < 500, (tampered, status, body[:200])
        assert b"BEGIN:VCALENDAR" not in body, tampered


def test_it_serves_a_feed_whatever_query_a_calendar_adds(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    path = my_feed(slack, fake, "UALICE")
    for query in ("?nocache=1733650000", "?", "?a=1&b=%2F..%2F"):
        reply = read(app_url, path + query)
        assert reply.status_code == 200, query
        assert len(events(reply.content)) == 1


def test_it_answers_every_other_method_without_a_feed_or_an_error(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    path = my_feed(slack, fake, "UALICE")
    for method in ("POST", "PUT", "DELETE", "OPTIONS", "PROPFIND", "TRACE"):
        reply = httpx.request(method, f"{app_url}{path}", content=b"BEGIN:VCALENDAR")
        assert reply.status_code < 500 and b"BEGIN:VCALENDAR" not in reply.content, method
    assert read(app_url, path).status_code == 200


def test_it_answers_a_revoked_token_exactly_as_a_made_up_one(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    old = my_feed(slack, fake, "UALICE")
    assert my_feed(slack, fake, "UALICE", "feed new") != old
    made_up = f"/calendars/{'B' * len(old.removeprefix('/calendars/').removesuffix('.ics'))}.ics"
    revoked, unknown = read(app_url, old), read(app_url, made_up)
    assert (revoked.status_code, revoked.content) == (unknown.status_code, unknown.content)
    assert revoked.status_code == 404
    assert httpx.head(f"{app_url}{old}").status_code == 404
    same = {"content-type", "content-length", "cache-control", "etag"}
    assert {k: v for k, v in revoked.headers.items() if k in same} == {
        k: v for k, v in unknown.headers.items() if k in same
    }


TRICKY = 'Zoë "Z", the; boss\\ — 山田太郎さんの長い名前ですよ、本当に長い名前なんです 🏖️🏖️🏖️'


def test_it_writes_a_name_full_of_ical_specials_so_both_parsers_read_it_back(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    fake.add_user("UZOE", TRICKY, tz="Asia/Tokyo")
    fake.add_channel("C0TRICKY", "tricky", members=["UZOE", "UALICE"])
    away(engine, "UZOE", on(30), on(5, 12), backup="UZOE")
    answer = answer_to(slack, fake, "UALICE", "team feed <#C0TRICKY|tricky>")
    body = read(app_url, feed_path(answer)).content
    assert all(len(line) <= 75 for line in body.split(b"\r\n")), "lines longer than 75 octets"
    [event] = events(body)
    assert event["summary"].startswith(TRICKY), event["summary"]
    assert SECRET not in body.decode()


def test_it_serves_a_valid_calendar_with_no_absence_at_all(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    for words in ("feed", "team feed <#C0GENERAL|general>"):
        body = read(app_url, feed_path(answer_to(slack, fake, "UALICE", words))).content
        assert events(body) == []
        assert b"BEGIN:VCALENDAR" in body and b"PRODID" in body and b"VERSION:2.0" in body


def test_it_answers_a_team_feed_of_a_team_that_is_not_there_clearly(
    slack: SlackDriver, fake: FakeSlack, app_url: str
) -> None:
    fake.allow("channel_not_found", "no_such_subteam")
    for words in (
        "team feed <#C0NOPE|nope>",
        "team feed <!subteam^S0NOPE|@nope>",
        "team feed <@UBOB>",
        "team feed #general #support",
        "team feed off <#C0NOPE|nope>",
        "feed off off",
        "feed " + "x" * 3000,
    ):
        answer = answer_to(slack, fake, "UALICE", words)
        assert answer.strip() and "Traceback" not in answer, words
        assert "/calendars/" not in answer or words.startswith("team feed #general"), (
            words,
            answer,
        )


def test_it_stops_a_private_channels_feed_once_ooo_was_removed_from_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UBOB", on(30), on(5, 12))
    refused = answer_to(slack, fake, "UCAROL", "team feed <#G0SECRET|secret>")
    assert "/calendars/" not in refused
    path = feed_path(answer_to(slack, fake, "UALICE", "team feed <#G0SECRET|secret>"))
    assert len(events(read(app_url, path).content)) == 1
    fake.allow("channel_not_found", "not_in_channel")
    fake.leave("G0SECRET", "UBOT")
    clock.advance(minutes=2)  # who is in a channel is remembered for a minute
    reply = read(app_url, path)
    assert reply.status_code == 404 or events(reply.content) == [], reply.status_code


def test_it_sends_a_team_feed_again_once_someone_away_joined_the_team(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    fake.add_channel("C0DESIGN", "design", members=["UALICE", "UBOB", "UBOT"])
    away(engine, "UBOB", on(30), on(5, 12))
    away(engine, "UCAROL", on(30), on(8, 12))
    path = feed_path(answer_to(slack, fake, "UALICE", "team feed <#C0DESIGN|design>"))
    first = read(app_url, path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert len(events(first.content)) == 1
    fake.add_channel("C0DESIGN", "design", members=["UALICE", "UBOB", "UBOT", "UCAROL"])
    clock.advance(minutes=2)  # who is in a channel is remembered for a minute
    for validator in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        again = read(app_url, path, **validator)
        assert again.status_code == 200, validator
        assert len(events(again.content)) == 2, validator


def test_it_takes_a_deleted_absence_out_of_the_feed_and_tells_calendars_it_changed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str, clock: FakeClock
) -> None:
    kept = away(engine, "UALICE", on(30), on(5, 12))
    gone = away(engine, "UALICE", on(8), on(9, 12))
    path = my_feed(slack, fake, "UALICE")
    first = read(app_url, path)
    assert len(events(first.content)) == 2
    clock.advance(minutes=5)
    with session_scope(engine) as session:
        begin_writing(session, "test")
        row = session.get(ResponderRow, gone.id)
        assert row is not None
        row.deleted_at = clock()
        session.add(row)
    again = read(app_url, path, **{"If-None-Match": first.headers["etag"]})
    assert again.status_code == 200
    assert [e["uid"] for e in events(again.content)] == [f"responder-{kept.id}@ooo.example.com"]


def test_it_writes_whole_days_in_tokyo_as_tokyos_dates(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    fake.add_user("UKENJI", "kenji", tz="Asia/Tokyo")
    row = ResponderRow(
        team_id="T0001",
        owner_id="UKENJI",
        kind="personal",
        starts_at=datetime(2026, 12, 9, 15, tzinfo=UTC),
        ends_at=datetime(2026, 12, 11, 15, tzinfo=UTC),
        tz="Asia/Tokyo",
        message=SECRET,
        created_at=NOW,
        updated_at=NOW,
    )
    with session_scope(engine) as session:
        responder_queries.add_responder(session, responder=row)
    [event] = events(read(app_url, my_feed(slack, fake, "UKENJI")).content)
    assert (event["start"], event["end"]) == (date(2026, 12, 10), date(2026, 12, 12))
