"""Attacks on `/ooo team export`'s dates: periods typed in each of the 12 languages ooo speaks."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from storage import setting_queries
from storage.db import session_scope
from tests.bot.exports.export_flows import (
    HEADER,
    away,
    by_person,
    export,
    file_message,
    sent_csv,
)
from tests.bot.team.team_flows import on
from tests.conftest import NOW
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

DECEMBER = "2026-12-01-2026-12-31"
# "Next month" (December 2026, since it is Friday 27 November) as people write it.
NEXT_MONTH = [
    ("en-US", "next month"),
    ("en-GB", "next month"),
    ("fr-FR", "du 1er au 31 décembre"),
    ("de-DE", "nächsten Monat"),
    ("es-ES", "el mes que viene"),
    ("es-LA", "el próximo mes"),
    ("pt-BR", "próximo mês"),
    ("it-IT", "il mese prossimo"),
    ("ja-JP", "来月"),
    ("ko-KR", "다음 달"),
    ("zh-CN", "下个月"),
    ("zh-TW", "下個月"),
]


def asker(fake: FakeSlack, locale: str) -> str:
    """Someone reading Slack in `locale`, in Paris."""
    user = "U" + locale.replace("-", "").upper()
    fake.add_user(user, f"reader-{locale}", tz="Europe/Paris", locale=locale)
    return user


def named(fake: FakeSlack, user: str) -> str:
    [shared] = fake.files_in(user)
    return shared.filename


@pytest.fixture
def alice_away_in_december(engine: Engine) -> None:
    """Alice is away Monday 7 to Friday 11 December."""
    away(engine, "UALICE", on(7, 12), on(12, 12))


@pytest.mark.usefixtures("alice_away_in_december")
@pytest.mark.parametrize(("locale", "words"), NEXT_MONTH)
def test_next_month_typed_in_each_language_exports_december(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    user = asker(fake, locale)
    _, then = export(slack, fake, user, f"@oncall {words}")
    assert named(fake, user) == f"absences-oncall-{DECEMBER}.csv", then
    rows = sent_csv(fake, user)
    assert by_person(rows)["UALICE"][3:] == ["2026-12-07", "2026-12-11", "Europe/Paris", "5"]
    if not locale.startswith("en"):
        assert rows[0] != HEADER, "the columns are named in English for a non-English reader"
        assert not then.startswith("Sent to your DM")
        assert " absences in @oncall " not in file_message(fake, user)["text"]


PERIODS = [
    ("ko-KR", "1월", "2027-01-01-2027-01-31"),
    ("fr-FR", "du 1er au 31 mars", "2027-03-01-2027-03-31"),
    ("pt-BR", "de 1 a 30 de novembro", "2026-11-01-2026-11-30"),
    ("de-DE", "im Dezember", DECEMBER),
    ("ja-JP", "12月1日から12月31日まで", DECEMBER),
    ("zh-TW", "12月", DECEMBER),
    ("en-US", "Dec 1 \u2013 Dec 31", DECEMBER),
    ("en-US", "12/1\u00a0-\u00a012/31", DECEMBER),
]
# A period that is over: what HR asks for at the end of a month.
PAST = [
    ("en-US", "last month", "2026-10-01-2026-10-31"),
    ("en-GB", "from 1 October to 31 October", "2026-10-01-2026-10-31"),
    ("fr-FR", "le mois dernier", "2026-10-01-2026-10-31"),
    ("de-DE", "letzten Monat", "2026-10-01-2026-10-31"),
    ("ja-JP", "先月", "2026-10-01-2026-10-31"),
]
# Quarters and years: the periods reports are made of.
QUARTERS_AND_YEARS = [
    ("en-GB", "this quarter", "2026-10-01-2026-12-31"),
    ("es-ES", "este trimestre", "2026-10-01-2026-12-31"),
    ("en-GB", "2027", "2027-01-01-2027-12-31"),
    ("de-DE", "das ganze Jahr 2027", "2027-01-01-2027-12-31"),
    ("it-IT", "quest'anno", "2026-01-01-2026-12-31"),
    ("zh-CN", "今年", "2026-01-01-2026-12-31"),
]


def exports_period(slack: SlackDriver, fake: FakeSlack, locale: str, words: str) -> str:
    """Ask in `locale` for @oncall over `words`: the file's name (failing with the answer)."""
    user = asker(fake, locale)
    _, then = export(slack, fake, user, f"@oncall {words}")
    assert fake.files_in(user), then
    return named(fake, user)


@pytest.mark.usefixtures("alice_away_in_december")
@pytest.mark.parametrize(("locale", "words", "period"), PERIODS)
def test_periods_people_ask_for_are_read_as_they_meant(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str, period: str
) -> None:
    assert exports_period(slack, fake, locale, words) == f"absences-oncall-{period}.csv"


@pytest.mark.usefixtures("alice_away_in_december")
@pytest.mark.parametrize(("locale", "words", "period"), PAST)
def test_a_period_already_over_is_exported(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str, period: str
) -> None:
    assert exports_period(slack, fake, locale, words) == f"absences-oncall-{period}.csv"


@pytest.mark.usefixtures("alice_away_in_december")
@pytest.mark.parametrize(("locale", "words", "period"), QUARTERS_AND_YEARS)
def test_a_quarter_or_a_year_is_exported(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str, period: str
) -> None:
    assert exports_period(slack, fake, locale, words) == f"absences-oncall-{period}.csv"


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en-US", "from 31 December to 1 December"),
        ("fr-FR", "n'importe quand"),
        ("de-DE", "wenn Schweine fliegen"),
        ("ja-JP", "いつか"),
        ("zh-CN", "明天的明天的明天 🐷"),
        ("es-LA", "cuando las ranas críen pelo"),
    ],
)
def test_dates_that_make_no_period_are_refused_in_the_askers_language(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    user = asker(fake, locale)
    _, then = export(slack, fake, user, f"@oncall {words}")
    assert fake.files_in(user) == []
    if not locale.startswith("en"):
        assert "could not read" not in then and "Sent to" not in then, then


def test_a_very_long_phrase_is_refused_without_an_error(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    reply = slack.command("UCAROL", "team export @oncall " + "next month and " * 800)
    assert reply.status == 200
    assert fake.files_in("UCAROL") == []


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("fr-FR", "next month"),
        ("en-GB", "1/12 - 31/12"),
        ("de-DE", "1.12. - 31.12."),
        ("ja-JP", "12/1\uff5e12/31"),
        ("zh-CN", "12月1日至12月31日"),
        ("ko-KR", "12월 1일부터 12월 31일까지"),
        ("es-LA", "del 1 al 31 de diciembre"),
        ("it-IT", "dal 1 al 31 dicembre"),
    ],
)
def test_numeric_and_fallback_english_dates_read_as_december(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    user = asker(fake, locale)
    _, then = export(slack, fake, user, f"@oncall {words}")
    assert fake.files_in(user), then
    assert named(fake, user) == f"absences-oncall-{DECEMBER}.csv"


@pytest.mark.parametrize(
    ("tz", "period"),
    [
        # Monday 30 November 12:00 UTC is already Tuesday 1 December in Kiritimati...
        ("Pacific/Kiritimati", DECEMBER),
        # ...and still Monday 30 November, 01:00, in Pago Pago.
        ("Pacific/Pago_Pago", "2026-11-01-2026-11-30"),
    ],
)
def test_this_month_is_the_askers_own(
    slack: SlackDriver, fake: FakeSlack, clock: FakeClock, tz: str, period: str
) -> None:
    clock.set(datetime(2026, 11, 30, 12, tzinfo=UTC))
    fake.add_user("UFAR", "far", tz=tz)
    _, then = export(slack, fake, "UFAR", "@oncall this month")
    assert fake.files_in("UFAR"), then
    assert named(fake, "UFAR") == f"absences-oncall-{period}.csv"


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en-US", "this month"),
        ("fr-FR", "ce mois-ci"),
        ("de-DE", "diesen Monat"),
        ("ja-JP", "今月"),
    ],
)
def test_this_month_is_the_whole_month_as_when_no_dates_are_given(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, locale: str, words: str
) -> None:
    away(engine, "UALICE", on(16), on(21))  # Monday 16 to Friday 20 November
    user = asker(fake, locale)
    export(slack, fake, user, f"@oncall {words}")
    assert named(fake, user) == "absences-oncall-2026-11-01-2026-11-30.csv"
    assert by_person(sent_csv(fake, user))["UALICE"][-1] == "5"


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en-US", "next month 🌴"),
        ("en-US", ":palm_tree: next month :airplane:"),
        ("fr-FR", "le mois prochain\u00a0!"),
        ("ja-JP", "来月　"),
        ("de-DE", "NÄCHSTEN MONAT"),
        ("en-GB", "next month &amp; nothing else"),
    ],
)
def test_dates_with_emoji_spaces_and_escapes_around_them_are_read(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    user = asker(fake, locale)
    _, then = export(slack, fake, user, f"@oncall {words}")
    assert fake.files_in(user), then
    assert named(fake, user) == f"absences-oncall-{DECEMBER}.csv"


def test_a_week_from_sunday_to_thursday_counts_its_own_days(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UBOB", on(6, 12), on(13, 12))  # Sunday 6 to Saturday 12 December
    with session_scope(engine) as session:
        setting_queries.change_person_setting(
            session, "T0001", "UBOB", now=NOW, week="sun,mon,tue,wed,thu"
        )
    export(slack, fake, "UCAROL", "@oncall next month")
    assert by_person(sent_csv(fake, "UCAROL"))["UBOB"][3:] == [
        "2026-12-06",
        "2026-12-12",
        "Europe/Paris",
        "5",
    ]
