"""Steps the feed tests share: ask for a feed, read it over HTTP, parse it with two parsers."""

import re
from datetime import date, datetime
from typing import Any

import httpx
import icalendar
import pytest
import vobject
from sqlalchemy import Engine
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import PublishedFeed
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

PUBLIC_URL = "https://ooo.example.com"
# What depends on the database runs on both; the rest on SQLite alone, to keep the suite fast.
SQLITE_ONLY = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
BOTH = pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
URL = re.compile(r"https://ooo\.example\.com(/calendars/[A-Za-z0-9_-]+\.ics)")


def answer_to(slack: SlackDriver, fake: FakeSlack, user: str, text: str) -> str:
    """Type `/ooo text` and return the private answer, at once or sent afterwards."""
    reply = slack.command(user, text)
    assert reply.status == 200, reply.text
    if reply.text:
        return str(reply.json()["text"])
    answers = fake.responses(reply.response_url or "")
    assert answers, f"/ooo {text} answered nothing"
    return str(answers[-1]["text"])


def feed_path(answer: str) -> str:
    """The path of the feed URL an answer gives."""
    found = URL.search(answer)
    assert found, f"no feed URL in {answer!r}"
    return found.group(1)


def my_feed(slack: SlackDriver, fake: FakeSlack, user: str, text: str = "feed") -> str:
    """Ask for a feed and return its path on the app's server."""
    return feed_path(answer_to(slack, fake, user, text))


def read(app_url: str, path: str, **headers: str) -> httpx.Response:
    """What a calendar gets when it reads the feed."""
    return httpx.get(f"{app_url}{path}", headers=headers)


def events(body: bytes) -> list[dict[str, Any]]:
    """The feed's events as icalendar reads them, checked equal to what vobject reads."""
    calendar = icalendar.Calendar.from_ical(body)
    first = [
        {
            "uid": str(e["UID"]),
            "sequence": int(e["SEQUENCE"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "summary": str(e["SUMMARY"]),
            "description": str(e["DESCRIPTION"]),
        }
        for e in calendar.walk("VEVENT")
    ]
    parsed = vobject.readOne(body.decode())
    second = [
        {
            "uid": e.uid.value,
            "sequence": int(e.sequence.value),
            "start": e.dtstart.value,
            "end": e.dtend.value,
            "summary": e.summary.value,
            "description": e.description.value,
        }
        for e in parsed.contents.get("vevent", [])
    ]
    assert first == second
    return first


def whole_days(event: dict[str, Any]) -> bool:
    """Whether an event is all-day (dates, not moments)."""
    return not isinstance(event["start"], datetime) and isinstance(event["start"], date)


def feed_rows(engine: Engine) -> list[PublishedFeed]:
    """Every stored feed, revoked ones too, oldest first."""
    with session_scope(engine) as session:
        return list(session.exec(select(PublishedFeed).order_by(col(PublishedFeed.id))))
