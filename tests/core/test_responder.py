"""The responder core: phases from times, pickers to windows, and what makes a draft valid."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import DateRange
from bot.core.responder import (
    Booked,
    Draft,
    Field,
    Invalid,
    Kind,
    Phase,
    check_draft,
    overlaps,
    phase_at,
    window_from_pickers,
)
from bot.texts.problems import word

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


def draft(**changes: object) -> Draft:
    values: dict[str, object] = {
        "kind": Kind.PERSONAL,
        "target_id": None,
        "window": DateRange(paris(2026, 11, 30), paris(2026, 12, 16)),
        "message": "Back on the 16th.",
        "external_message": None,
        "keep_digest": True,
        "forward_to": None,
    }
    return Draft(**(values | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "phase"),
    [
        (paris(2026, 11, 29, 23, 59), Phase.SCHEDULED),
        (paris(2026, 11, 30), Phase.ACTIVE),
        (paris(2026, 12, 15, 23, 59), Phase.ACTIVE),
        (paris(2026, 12, 16), Phase.ENDED),
    ],
)
def test_it_computes_the_phase_from_times_and_now(now: datetime, phase: Phase) -> None:
    assert phase_at(paris(2026, 11, 30), paris(2026, 12, 16), now) is phase


def test_it_keeps_a_permanent_responder_active_forever() -> None:
    assert phase_at(paris(2026, 11, 30), None, paris(2036, 1, 1)) is Phase.ACTIVE


def test_it_reads_an_end_day_without_time_as_inclusive() -> None:
    window = window_from_pickers(
        start_day=date(2026, 11, 30),
        start_time=None,
        end_day=date(2026, 12, 15),
        end_time=None,
        permanent=False,
        tz="Europe/Paris",
        now=NOW,
    )
    assert window == DateRange(paris(2026, 11, 30), paris(2026, 12, 16))


def test_it_starts_now_when_the_start_is_today_without_a_time() -> None:
    window = window_from_pickers(
        start_day=date(2026, 11, 27),
        start_time=None,
        end_day=None,
        end_time=None,
        permanent=True,
        tz="Europe/Paris",
        now=NOW,
    )
    assert window.start == NOW and window.end is None


def test_it_honours_times_and_daylight_saving() -> None:
    window = window_from_pickers(
        start_day=date(2027, 3, 27),
        start_time=time(9, 0),
        end_day=date(2027, 3, 29),
        end_time=time(12, 0),
        permanent=False,
        tz="Europe/Paris",
        now=NOW,
    )
    assert window.start.utcoffset() == timedelta(hours=1)
    assert window.end is not None and window.end.utcoffset() == timedelta(hours=2)
    assert window.end.astimezone(UTC) - window.start.astimezone(UTC) == timedelta(hours=50)


def test_it_moves_a_time_skipped_by_daylight_saving_forward() -> None:
    window = window_from_pickers(
        start_day=date(2027, 3, 28),
        start_time=time(2, 30),
        end_day=None,
        end_time=None,
        permanent=True,
        tz="Europe/Paris",
        now=NOW,
    )
    assert window.start.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start_day", "end_day", "permanent", "fields"),
    [
        (None, date(2026, 12, 15), False, {Field.START}),
        (date(2026, 11, 30), None, False, {Field.END}),
        (None, None, False, {Field.START, Field.END}),
    ],
)
def test_it_names_every_missing_picker(
    start_day: date | None, end_day: date | None, permanent: bool, fields: set[Field]
) -> None:
    with pytest.raises(Invalid) as caught:
        window_from_pickers(
            start_day=start_day,
            start_time=None,
            end_day=end_day,
            end_time=None,
            permanent=permanent,
            tz="Europe/Paris",
            now=NOW,
        )
    assert set(caught.value.errors) == fields


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"window": DateRange(paris(2026, 12, 16), paris(2026, 11, 30))}, Field.END),
        ({"window": DateRange(paris(2026, 11, 1), paris(2026, 11, 20))}, Field.END),
        ({"message": "   "}, Field.MESSAGE),
        ({"message": "x" * 3001}, Field.MESSAGE),
        ({"external_message": "x" * 3001}, Field.EXTERNAL),
        ({"kind": Kind.SHARED, "forward_to": "C0SUPPORT"}, Field.TARGET),
        ({"kind": Kind.SHARED, "target_id": "S0ONCALL"}, Field.FORWARD),
    ],
)
def test_it_refuses_a_bad_draft_on_the_right_field(
    changes: dict[str, object], field: Field
) -> None:
    with pytest.raises(Invalid) as caught:
        check_draft(draft(**changes), now=NOW)
    assert field in caught.value.errors


def test_it_accepts_a_good_draft() -> None:
    check_draft(draft(), now=NOW)


def test_it_names_the_responder_a_personal_draft_overlaps() -> None:
    other = Booked(window=DateRange(paris(2026, 12, 10), None), label="from Thu 10 Dec")
    with pytest.raises(Invalid) as caught:
        check_draft(draft(), now=NOW, booked=[other])
    assert "from Thu 10 Dec" in word(caught.value.errors[Field.START])


def test_it_lets_shared_responders_overlap_personal_ones() -> None:
    other = Booked(window=DateRange(paris(2026, 12, 1), paris(2026, 12, 2)), label="x")
    shared = draft(kind=Kind.SHARED, target_id="S0ONCALL", forward_to="UBOB")
    check_draft(shared, now=NOW, booked=[other])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((1, 5), (5, 9), False),
        ((1, 5), (4, 9), True),
        ((1, None), (30, 31), True),
        ((10, 12), (1, 10), False),
    ],
)
def test_it_treats_windows_as_half_open(
    a: tuple[int, int | None], b: tuple[int, int | None], expected: bool
) -> None:
    def window(start: int, end: int | None) -> DateRange:
        return DateRange(paris(2026, 12, start), paris(2026, 12, end) if end else None)

    assert overlaps(window(*a), window(*b)) is expected
    assert overlaps(window(*b), window(*a)) is expected


@pytest.mark.parametrize(
    ("message", "external", "backup", "errors"),
    [
        ("Ask {backup}.", None, None, {Field.BACKUP}),
        ("Back soon.", "Ask {backup}.", None, {Field.BACKUP}),
        ("Ask {backup}.", None, "UCAROL", set()),
        ("Back soon.", None, None, set()),
    ],
)
def test_a_message_naming_a_backup_needs_one(
    message: str, external: str | None, backup: str | None, errors: set[Field]
) -> None:
    found: set[Field] = set()
    try:
        check_draft(
            draft(message=message, external_message=external, backup_id=backup),
            now=paris(2026, 11, 27),
        )
    except Invalid as invalid:
        found = set(invalid.errors)
    assert found == errors
