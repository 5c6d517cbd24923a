"""Attacks on `/ooo team export`'s CSV, read back cell by cell: names, zones, hidden reasons."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from tests.bot.exports.export_flows import HEADER, away, by_person, export, sent_csv
from tests.bot.team.team_flows import on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

LOCALES = [
    "en-US",
    "en-GB",
    "fr-FR",
    "de-DE",
    "es-ES",
    "es-LA",
    "pt-BR",
    "it-IT",
    "ja-JP",
    "ko-KR",
    "zh-CN",
    "zh-TW",
]


def local(tz: str, year: int, month: int, day: int, hour: int = 0) -> datetime:
    """A wall-clock moment in `tz`, as stored (UTC)."""
    return datetime(year, month, day, hour, tzinfo=ZoneInfo(tz)).astimezone(UTC)


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ("Smith, John", "Smith, John"),
        ('Dwayne "The Rock" Johnson', 'Dwayne "The Rock" Johnson'),
        ("two\nlines", "two\nlines"),
        ("🌴 Zoë 🏖️", "🌴 Zoë 🏖️"),
        ("محمد علي", "محمد علي"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
    ],
)
def test_names_come_back_cell_for_cell_and_never_as_formulas(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, name: str, cell: str
) -> None:
    fake.add_user("UODD", name, real_name=name)
    fake.add_usergroup("S0ODD", "odd", "Odd", users=["UODD", "UALICE"])
    away(engine, "UODD", on(30), on(5, 12))
    away(engine, "UALICE", on(30), on(5, 12))
    export(slack, fake, "UCAROL", "@odd")
    rows = by_person(sent_csv(fake, "UCAROL"))
    assert rows["UODD"][0] == cell
    assert rows["UODD"][2:] == rows["UALICE"][2:]
    assert rows["UALICE"][0] == "Alice"


@pytest.mark.parametrize(
    ("tz", "start", "end", "cells"),
    [
        # Whole days on the first and last day of the year there, far from the asker in London.
        (
            "Pacific/Kiritimati",
            (2026, 12, 31),
            (2027, 1, 1),
            ["2026-12-31", "2026-12-31", "Pacific/Kiritimati", "1"],
        ),
        (
            "Pacific/Pago_Pago",
            (2026, 12, 1),
            (2026, 12, 2),
            ["2026-12-01", "2026-12-01", "Pacific/Pago_Pago", "1"],
        ),
        # Across New Year in the southern summer: only its December working days count.
        (
            "Australia/Sydney",
            (2026, 12, 28),
            (2027, 1, 9),
            ["2026-12-28", "2027-01-08", "Australia/Sydney", "4"],
        ),
    ],
)
def test_far_zones_keep_their_own_dates(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    tz: str,
    start: tuple[int, int, int],
    end: tuple[int, int, int],
    cells: list[str],
) -> None:
    fake.add_user("UFAR", "far", tz=tz)
    fake.add_usergroup("S0FAR", "far", "Far", users=["UFAR"])
    away(engine, "UFAR", local(tz, *start), local(tz, *end), tz=tz)
    export(slack, fake, "UCAROL", "@far next month")
    assert by_person(sent_csv(fake, "UCAROL"))["UFAR"][3:] == cells


def test_the_first_of_january_in_kiritimati_is_not_a_december_absence(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    # Friday 1 January in Kiritimati is Thursday 31 December until 11:00 in Paris.
    fake.add_user("UFAR", "far", tz="Pacific/Kiritimati")
    fake.add_usergroup("S0FAR", "far", "Far", users=["UFAR"])
    kiritimati = "Pacific/Kiritimati"
    away(
        engine, "UFAR", local(kiritimati, 2027, 1, 1), local(kiritimati, 2027, 1, 2), tz=kiritimati
    )
    export(slack, fake, "UDIDIER", "@far du 1er au 31 décembre")
    assert sent_csv(fake, "UDIDIER")[1:] == []


def test_an_absence_across_the_spring_change_of_hour(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    new_york = "America/New_York"
    away(engine, "UBOB", local(new_york, 2027, 3, 8), local(new_york, 2027, 3, 20), tz=new_york)
    away(
        engine,
        "UALICE",
        local(new_york, 2027, 3, 13, 22),
        local(new_york, 2027, 3, 14, 10),
        tz=new_york,
    )
    export(slack, fake, "UBOB", "@oncall from March 1 to March 31")
    rows = by_person(sent_csv(fake, "UBOB"))
    assert rows["UBOB"][3:] == ["2027-03-08", "2027-03-19", new_york, "10"]
    # Saturday 22:00 to Sunday 10:00: no working day.
    assert rows["UALICE"][3:] == ["2027-03-13T22:00", "2027-03-14T10:00", new_york, "0"]


def test_an_absence_until_further_notice_counts_to_the_end_of_the_period(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(7, 12), None)
    export(slack, fake, "UCAROL", "@oncall next month")
    row = by_person(sent_csv(fake, "UCAROL"))["UALICE"]
    assert row[3] == "2026-12-07"
    assert row[-1] == "19"


@pytest.mark.parametrize("locale", LOCALES)
def test_sick_leave_never_shows_in_any_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, locale: str
) -> None:
    fake.add_user("UREADER", "reader", locale=locale)
    away(engine, "UALICE", on(30), on(5, 12), leave_type="sick")
    away(engine, "UBOB", on(30), on(5, 12), hide_reason=True)
    away(engine, "UCAROL", on(30), on(5, 12))
    fake.add_usergroup("S0ALL", "all", "All", users=["UALICE", "UBOB", "UCAROL"])
    export(slack, fake, "UREADER", "@all")
    rows = by_person(sent_csv(fake, "UREADER"))
    hidden, vacation = rows["UBOB"][2], rows["UCAROL"][2]
    assert rows["UALICE"][2] == hidden != vacation
    if not locale.startswith("en"):
        assert hidden != "Out of office" and vacation != "Vacation"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_columns_are_named_in_the_askers_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, locale: str
) -> None:
    fake.add_user("UREADER", "reader", locale=locale)
    away(engine, "UALICE", on(30), on(5, 12))
    export(slack, fake, "UREADER", "@oncall")
    header = sent_csv(fake, "UREADER")[0]
    assert len(header) == 7 and len(set(header)) == 7
    if not locale.startswith("en"):
        assert header != HEADER
        assert not {"User ID", "Start", "Time zone", "Working days"} & set(header)


def test_the_name_column_holds_the_persons_full_name(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UJANE", "jdoe", real_name="Jane Doe")
    fake.add_usergroup("S0JANE", "jane", "Jane", users=["UJANE"])
    away(engine, "UJANE", on(30), on(5, 12))
    export(slack, fake, "UCAROL", "@jane")
    assert by_person(sent_csv(fake, "UCAROL"))["UJANE"][0] == "Jane Doe"
