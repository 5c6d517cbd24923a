"""Absences in feeds shaped like Google's and Outlook's exports: which events count, and when."""

import pytest

from bot.core.calendar_absences import Absence
from tests.core.calendar_feeds import CALENDARS, read

GOOGLE = (CALENDARS / "google.ics").read_bytes()
OUTLOOK = (CALENDARS / "outlook.ics").read_bytes()


def rows(absences: list[Absence]) -> list[tuple[str, str, str, str, bool, bool, str]]:
    """Each absence as a row of the tables below: UID, occurrence, UTC start and end, flags."""
    return [
        (
            a.uid,
            a.occurrence,
            f"{a.starts_at:%Y-%m-%d %H:%M}",
            f"{a.ends_at:%Y-%m-%d %H:%M}",
            a.all_day,
            a.marked,
            a.title,
        )
        for a in absences
    ]


def test_it_reads_alices_absences_in_a_google_export() -> None:
    assert rows(read(GOOGLE)) == [
        # A weekly "PTO" in Berlin time, its 18 December deleted (EXDATE) and its Christmas
        # occurrence moved to the 24th: it keeps the identity of its original start.
        ("pto-fridays@google.com", "2026-12-11T08:00:00+00:00", "2026-12-11 08:00",
         "2026-12-11 17:00", False, False, "PTO"),
        # Google's out-of-office event: UTC times, nothing in the feed but its title.
        ("ooo-event@google.com", "", "2026-12-14 23:00", "2026-12-16 23:00", False, False,
         "Out of office"),
        # Whole days from midnight to midnight in Berlin, the end day excluded.
        ("urlaub-winter@google.com", "", "2026-12-23 23:00", "2026-12-27 23:00", True, False,
         "Urlaub"),
        ("pto-fridays@google.com", "2026-12-25T08:00:00+00:00", "2026-12-24 08:00",
         "2026-12-24 17:00", False, False, "PTO"),
        ("pto-fridays@google.com", "2027-01-01T08:00:00+00:00", "2027-01-01 08:00",
         "2027-01-01 17:00", False, False, "PTO"),
    ]  # fmt: skip


def test_it_leaves_out_meetings_invitations_declines_cancellations_and_the_past() -> None:
    uids = {a.uid for a in read(GOOGLE)}
    for left_out in (
        "standup@google.com",  # "PTO planning meeting"
        "bob-ooo@google.com",  # Bob's absence, to which Bob invited Alice
        "offsite-declined@google.com",  # Alice declined it
        "cancelled@google.com",
        "last-month@google.com",
    ):
        assert left_out not in uids


def test_it_reads_outlooks_out_of_office_and_windows_time_zones() -> None:
    assert [row[2:] for row in rows(read(OUTLOOK))] == [
        # W. Europe Standard Time, defined by the feed's VTIMEZONE: 14:00 is 13:00 UTC.
        ("2026-12-10 13:00", "2026-12-10 15:00", False, True, "Dentist"),
        ("2027-01-03 23:00", "2027-01-04 23:00", False, True, "Ferie"),
        ("2027-01-10 23:00", "2027-01-11 23:00", False, True, "Ferie"),
        ("2027-01-17 23:00", "2027-01-18 23:00", False, True, "Ferie"),
        # Whole days across the change to summer time: the last midnight is an hour earlier.
        ("2027-03-25 23:00", "2027-03-29 22:00", True, False, "Urlaub"),
        # Busy for Outlook, but intended out of office; the clocks change during it.
        ("2027-03-26 17:00", "2027-03-29 07:00", False, True, "Conference in Lisbon"),
    ]


def test_it_keeps_only_marked_events_when_alice_asks() -> None:
    assert {a.title for a in read(OUTLOOK, marked_only=True)} == {
        "Dentist",
        "Ferie",
        "Conference in Lisbon",
    }
    # Google's feed marks nothing: its out-of-office events are known by their titles only.
    assert read(GOOGLE, marked_only=True) == []


@pytest.mark.parametrize(("horizon_days", "count"), [(1, 0), (3, 1), (30, 5), (120, 5)])
def test_it_reads_only_as_far_as_the_horizon(horizon_days: int, count: int) -> None:
    assert len(read(GOOGLE, horizon_days=horizon_days)) == count


def test_it_reads_the_same_occurrences_again_the_same() -> None:
    assert read(GOOGLE) == read(GOOGLE)
