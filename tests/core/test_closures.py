"""Closures: each member's wall-clock days in their own zone, around their own absences."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.closures import (
    Closure,
    ClosureCode,
    Member,
    Planned,
    Skip,
    Skipped,
    check_closure,
    free_gaps,
    plan_closure,
)

BERLIN, SYDNEY = ZoneInfo("Europe/Berlin"), ZoneInfo("Australia/Sydney")
# "Office closed 24 Dec - 1 Jan", set up by Carol in Berlin.
WINTER = Closure(date(2026, 12, 24), date(2027, 1, 1), "Europe/Berlin")
# When Carol clicks Close: weeks before.
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def at(day: int, month: int = 12, year: int = 2026, zone: ZoneInfo = BERLIN) -> datetime:
    """Midnight on a day in a zone."""
    return datetime(year, month, day, tzinfo=zone)


def test_it_closes_from_midnight_to_midnight_in_each_members_own_zone() -> None:
    alice = Member("UALICE", "Europe/Berlin")
    bob = Member("UBOB", "Australia/Sydney")
    plan = plan_closure(WINTER, [alice, bob], NOW)
    assert plan.planned == (
        Planned("UALICE", at(24), at(2, 1, 2027)),
        Planned("UBOB", at(24, zone=SYDNEY), at(2, 1, 2027, zone=SYDNEY)),
    )
    assert plan.planned[1].starts_at.astimezone(UTC) == datetime(2026, 12, 23, 13, tzinfo=UTC)
    assert plan.skipped == ()


def test_it_skips_people_who_opted_out_bots_and_the_deactivated() -> None:
    members = [
        Member("UCAROL", "Europe/Berlin", opted_out=True),
        Member("UBOT", "Europe/Berlin", is_bot=True),
        Member("UGONE", "Europe/Berlin", deleted=True),
        Member("UDAN", "Europe/Berlin"),
    ]
    plan = plan_closure(WINTER, members, NOW)
    assert [p.user_id for p in plan.planned] == ["UDAN"]
    assert plan.skipped == (
        Skipped("UCAROL", Skip.OPTED_OUT),
        Skipped("UBOT", Skip.BOT),
        Skipped("UGONE", Skip.DEACTIVATED),
    )


def test_it_never_overwrites_an_absence_and_closes_only_the_days_it_leaves_free() -> None:
    # Erin is away 20-27 Dec and again on 30 Dec; Frank from 1 Dec to 10 Jan; Gina open-ended.
    erin = Member("UERIN", "Europe/Berlin", ((at(20), at(28)), (at(30), at(31))))
    frank = Member("UFRANK", "Europe/Berlin", ((at(1), at(10, 1, 2027)),))
    gina = Member("UGINA", "Europe/Berlin", ((at(29), None),))
    plan = plan_closure(WINTER, [erin, frank, gina], NOW)
    assert plan.planned == (
        Planned("UERIN", at(28), at(30), trimmed=True),
        Planned("UERIN", at(31), at(2, 1, 2027), trimmed=True),
        Planned("UGINA", at(24), at(29), trimmed=True),
    )
    assert plan.skipped == (Skipped("UFRANK", Skip.COVERED),)


@pytest.mark.parametrize(
    ("absences", "gaps"),
    [
        ((), [(0, 10)]),
        (((-5, -1),), [(0, 10)]),  # before the closure
        (((10, 12),), [(0, 10)]),  # starts as it ends
        (((-2, 3), (5, 6)), [(3, 5), (6, 10)]),
        (((5, 6), (-2, 3)), [(3, 5), (6, 10)]),  # in any order
        (((2, 4), (3, 5)), [(0, 2), (5, 10)]),  # overlapping each other
        (((0, 10),), []),
        (((4, None),), [(0, 4)]),
    ],
)
def test_it_finds_the_free_gaps_in_a_window(
    absences: tuple[tuple[int, int | None], ...], gaps: list[tuple[int, int]]
) -> None:
    def moment(hours: int) -> datetime:
        return datetime(2026, 12, 24, tzinfo=UTC) + timedelta(hours=hours)

    taken = [(moment(a), None if b is None else moment(b)) for a, b in absences]
    found = free_gaps(moment(0), moment(10), taken)
    assert found == [(moment(a), moment(b)) for a, b in gaps]


def test_it_uses_the_authors_zone_for_a_member_whose_zone_python_does_not_know() -> None:
    plan = plan_closure(WINTER, [Member("UHAL", "Mars/Olympus_Mons")], NOW)
    assert plan.planned == (Planned("UHAL", at(24), at(2, 1, 2027)),)


@pytest.mark.parametrize(
    ("first", "last", "code"),
    [
        (date(2026, 12, 24), date(2027, 1, 1), None),
        (date(2026, 12, 24), date(2026, 12, 24), None),
        (date(2026, 12, 1), date(2026, 12, 8), None),  # under way, still to come in part
        (date(2027, 1, 1), date(2026, 12, 24), ClosureCode.LAST_BEFORE_FIRST),
        (date(2026, 12, 24), date(2027, 3, 25), None),  # 92 days
        (date(2026, 12, 24), date(2027, 3, 26), ClosureCode.TOO_LONG),
        (date(2026, 12, 24), date(2027, 12, 24), ClosureCode.TOO_LONG),
        (date(2026, 11, 1), date(2026, 12, 7), ClosureCode.ENDED),
    ],
)
def test_it_checks_a_closures_dates(first: date, last: date, code: ClosureCode | None) -> None:
    assert check_closure(Closure(first, last, "Europe/Berlin"), date(2026, 12, 8)) is code


def test_it_leaves_out_the_days_already_over_where_a_member_is() -> None:
    # 10:00 UTC on Christmas Day: Christmas Eve is over in Berlin and on Kiritimati, and still
    # on (23:00) in Pago Pago.
    eve = Closure(date(2026, 12, 24), date(2026, 12, 24), "Europe/Berlin")
    now = datetime(2026, 12, 25, 10, tzinfo=UTC)
    pago = ZoneInfo("Pacific/Pago_Pago")
    members = [
        Member("UCAROL", "Europe/Berlin"),
        Member("UKIRI", "Pacific/Kiritimati"),
        Member("UPAGO", "Pacific/Pago_Pago"),
    ]

    plan = plan_closure(eve, members, now)

    assert plan.planned == (Planned("UPAGO", at(24, zone=pago), at(25, zone=pago)),)
    assert plan.skipped == (Skipped("UCAROL", Skip.OVER), Skipped("UKIRI", Skip.OVER))


def test_a_closure_under_way_starts_at_the_members_today() -> None:
    now = datetime(2026, 12, 28, 15, tzinfo=UTC)

    plan = plan_closure(WINTER, [Member("UCAROL", "Europe/Berlin")], now)

    assert plan.planned == (Planned("UCAROL", at(28), at(2, 1, 2027)),)
