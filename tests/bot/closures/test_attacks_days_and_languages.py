"""Attacks on the days a closure gives and the language it speaks to admins and members."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bot.blocks.closures import OPT_OUT
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows, states
from tests.bot.team.team_flows import away
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

NEW_YORK = ZoneInfo("America/New_York")


def at(day: int, month: int, hour: int = 0, year: int = 2026, tz: ZoneInfo = NEW_YORK) -> datetime:
    return datetime(year, month, day, hour, tzinfo=tz).astimezone(UTC)


def test_a_few_hours_away_are_left_alone_and_the_rest_of_the_days_closed(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    away(engine, "UBOB", at(24, 12, 9), at(24, 12, 12))

    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec to 26 Dec")

    rows = closure_rows(engine, "UBOB")
    bob = [(r.starts_at, r.ends_at) for r in rows if r.ends_at is not None]
    assert bob and len(bob) == len(rows), "Bob's closed days were not given"
    assert all(end <= at(24, 12, 9) or start >= at(24, 12, 12) for start, end in bob)
    assert bob[0][0] == at(24, 12) and bob[-1][1] == at(27, 12)
    covered = sum(((end - start) for start, end in bob), at(24, 12) - at(24, 12))
    assert covered == at(27, 12) - at(24, 12) - (at(24, 12, 12) - at(24, 12, 9))


def test_someone_away_until_further_notice_gets_nothing_more(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    away(engine, "UBOB", at(1, 12), None)

    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec to 1 Jan")

    assert closure_rows(engine, "UBOB") == []
    assert states(engine)["UBOB"] == "covered"
    assert not [m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))]


def test_a_day_already_over_in_a_members_zone_gives_them_nothing(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, clock: FakeClock
) -> None:
    # 11:00 UTC on Friday 27 Nov: 12:00 in Paris, already Saturday 01:00 on Kiritimati.
    clock.set(datetime(2026, 11, 27, 11, tzinfo=UTC))
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_user("UKIRI", "kiri", tz="Pacific/Kiritimati")
    fake.add_channel("C0FAR", "far", members=["UALICE", "UKIRI"])

    close(slack, fake, "UALICE", "<#C0FAR> today")
    slack.settle()

    assert [r.owner_id for r in closure_rows(engine)] == ["UALICE"]
    assert "closed the office" not in str(fake.messages_to("UKIRI"))
    assert "Welcome back" not in str(fake.messages_to("UKIRI"))


FRENCH = "fr-FR"


@pytest.fixture
def french_admin(fake: FakeSlack) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin", locale=FRENCH)


@pytest.mark.usefixtures("french_admin")
def test_a_french_admin_reads_every_answer_in_french(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    said = close(slack, fake, "UALICE", "<#C0SUPPORT> du 24 décembre au 1er janvier Fermé")
    listed = slack.command("UALICE", "admin closures").json()
    ended = slack.command("UALICE", "admin close end 1")
    again = slack.command("UALICE", "admin close end 1")

    english = ("Closing", "Closures", "applied", "Ending closure", "ended", "Closed for")
    done = [m["text"] for m in fake.messages_to("UALICE") if m["text"].startswith(":office:")]
    texts = [
        said[0]["text"],
        str(listed["blocks"]),
        ended.json()["text"],
        *[r["text"] for r in fake.responses(ended.response_url or "")],
        *[r["text"] for r in fake.responses(again.response_url or "")],
        *done,
    ]
    for text in texts:
        assert not any(word in text for word in english), text


@pytest.mark.parametrize(
    ("locale", "english"),
    [
        ("fr-FR", "Only workspace admins"),
        ("de-DE", "Only workspace admins"),
        ("ja-JP", "Only workspace admins"),
        ("zh-TW", "Only workspace admins"),
    ],
)
def test_a_member_is_refused_in_their_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str, english: str
) -> None:
    fake.add_user("UBOB", "bob", tz="America/New_York", locale=locale)

    for words in ("admin close everyone 24 Dec", "admin closures", "admin close end 1"):
        text = slack.command("UBOB", words).json()["text"]
        assert english not in text, text
    assert closure_rows(engine) == []


@pytest.mark.parametrize("locale", ["fr-FR", "de-DE", "ja-JP", "ko-KR", "pt-BR", "es-LA"])
def test_a_member_opting_out_is_answered_in_their_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_user("UBOB", "bob", tz="America/New_York", locale=locale)
    close(slack, fake, "UALICE", "<#C0SUPPORT> 24 Dec")

    first = slack.command("UBOB", "closure optout").json()["text"]
    second = slack.command("UBOB", "closure optout").json()["text"]
    third = slack.command("UBOB", "closure optout abc").json()["text"]

    assert states(engine)["UBOB"] == "opted_out"
    assert "You opted out" not in first, first
    assert "not in any closure" not in second, second
    assert "Say which closure" not in third, third


def test_the_confirmation_counts_the_people_who_will_really_get_a_day(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    fake.add_user("UHELP", "helper", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_channel("C0MIX", "mix", members=["UALICE", "UBOB", "UHELP", "UGONE", "UBOT"])

    confirmation = ask_to_close(slack, fake, "UALICE", "<#C0MIX> 24 Dec")

    assert confirmation["text"].startswith("Close for 2 people (<#C0MIX>)")


def test_days_across_a_clock_change_run_midnight_to_midnight_in_each_zone(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    paris = ZoneInfo("Europe/Paris")

    close(slack, fake, "UALICE", "<#C0SUPPORT> 31 Oct 2027 to 7 Nov 2027")

    assert [(r.owner_id, r.starts_at, r.ends_at) for r in closure_rows(engine)] == [
        ("UALICE", at(31, 10, year=2027, tz=paris), at(8, 11, year=2027, tz=paris)),
        ("UBOB", at(31, 10, year=2027), at(8, 11, year=2027)),
    ]
